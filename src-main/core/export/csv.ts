import { stringify } from 'csv-stringify/sync';
import { METADATA_FIELDS } from '../store/schema';
import { formatCell } from './csvCells';
import { sortedTags } from './metadata';
import { checkSpans } from './spans';
import type { ExportDocument, FormatWriter, OutputFile } from './types';

/** The file with one report a row. */
export const REPORTS_CSV = 'reports.csv';
/** The file with one annotation a row. */
export const ANNOTATIONS_CSV = 'annotations.csv';

/** Columns of the reports file, in their fixed order. */
export const REPORT_COLUMNS = [
  'id',
  'file',
  ...METADATA_FIELDS,
  'tags',
  'status',
  'annotations',
  'changes',
  'sha256',
] as const;

/** Columns of the annotations file, in their fixed order. */
export const ANNOTATION_COLUMNS = [
  'report_id',
  'annotation_id',
  'start',
  'end',
  'label',
  'text',
  'note',
] as const;

// A byte-order mark makes spreadsheet programs read UTF-8 (Vietnamese) correctly; CRLF ends rows per RFC 4180.
const BOM = '\uFEFF';

function row(values: Array<string | number>): string {
  // A lone LF inside a value must be quoted too, not only the CRLF that ends rows.
  return stringify([values], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** CSV for spreadsheets: `reports.csv` (metadata, tags, counts) and `annotations.csv`, UTF-8 with BOM. */
export function csvWriter(): FormatWriter {
  return {
    begin: (): OutputFile[] => [
      { path: REPORTS_CSV, content: BOM + row([...REPORT_COLUMNS]), append: true },
      { path: ANNOTATIONS_CSV, content: BOM + row([...ANNOTATION_COLUMNS]), append: true },
    ],
    report(doc: ExportDocument) {
      checkSpans(`${ANNOTATIONS_CSV}: report "${doc.id}"`, doc.text, doc.spans);
      const { report } = doc;
      const reportRow = row([
        report.id,
        report.file,
        ...METADATA_FIELDS.map((field) => formatCell(field, report.metadata[field].value)),
        sortedTags(report).join('; '),
        report.status,
        doc.spans.length,
        doc.version === 'corrected' ? report.changes.length : 0,
        report.sha256,
      ]);
      const annotationRows = doc.spans
        .map((span) => row([report.id, span.id, span.start, span.end, span.label, span.text, span.note]))
        .join('');
      return [
        { path: REPORTS_CSV, content: reportRow, append: true },
        { path: ANNOTATIONS_CSV, content: annotationRows, append: true },
      ];
    },
  };
}
