import { stringify } from 'csv-stringify/sync';
import { METADATA_FIELDS } from '../store/schema';
import { cellValue, textCell, type CellValue } from './csvCells';
import { sortedTags } from './metadata';
import { checkSpans } from './spans';
import type { ExportDocument, FormatContext, FormatWriter, OutputFile } from './types';

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

/** A report's row, in `REPORT_COLUMNS` order: metadata as `cellValue` gives it, counts as numbers. */
export function reportRow(doc: ExportDocument): CellValue[] {
  const { report } = doc;
  return [
    report.id,
    report.file,
    ...METADATA_FIELDS.map((field) => cellValue(field, report.metadata[field].value)),
    sortedTags(report).join('; '),
    report.status,
    doc.spans.length,
    doc.version === 'corrected' ? report.changes.length : 0,
    report.sha256,
  ];
}

/** One row per annotation of the report, in `ANNOTATION_COLUMNS` order. */
export function annotationRows(doc: ExportDocument): CellValue[][] {
  return doc.spans.map((span) => [doc.id, span.id, span.start, span.end, span.label, span.text, span.note]);
}

// A byte-order mark makes spreadsheet programs read UTF-8 (Vietnamese) correctly; CRLF ends rows per RFC 4180.
const BOM = '\uFEFF';

function row(values: readonly CellValue[], rawCells: boolean): string {
  const cells = values.map((value) =>
    value === null ? '' : typeof value === 'string' && !rawCells ? textCell(value) : value,
  );
  // A lone LF inside a value must be quoted too, not only the CRLF that ends rows.
  return stringify([cells], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/**
 * CSV for spreadsheets: `reports.csv` (metadata, tags, counts) and `annotations.csv`, UTF-8 with BOM. A text cell
 * a spreadsheet would run as a formula gets a leading apostrophe (`textCell`) unless `rawCells` is set.
 */
export function csvWriter(context: FormatContext): FormatWriter {
  const line = (values: readonly CellValue[]) => row(values, context.rawCells);
  return {
    begin: (): OutputFile[] => [
      { path: REPORTS_CSV, content: BOM + line(REPORT_COLUMNS), append: true },
      { path: ANNOTATIONS_CSV, content: BOM + line(ANNOTATION_COLUMNS), append: true },
    ],
    report(doc: ExportDocument) {
      checkSpans(`${ANNOTATIONS_CSV}: report "${doc.id}"`, doc.text, doc.spans);
      return [
        { path: REPORTS_CSV, content: line(reportRow(doc)), append: true },
        { path: ANNOTATIONS_CSV, content: annotationRows(doc).map(line).join(''), append: true },
      ];
    },
  };
}
