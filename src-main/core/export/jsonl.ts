import { effectiveMetadata, extractedMetadata, sortedTags } from './metadata';
import { checkSpans } from './spans';
import type { ExportDocument, FormatWriter } from './types';

/** The file every report is a line of. */
export const JSONL_FILE = 'reports.jsonl';

/** JSON Lines: one report a line with its text, metadata (effective and extracted), tags, status and spans. */
export function jsonlWriter(): FormatWriter {
  return {
    report(doc: ExportDocument) {
      checkSpans(`${JSONL_FILE}: report "${doc.id}"`, doc.text, doc.spans);
      const { report } = doc;
      const line = {
        id: report.id,
        file: report.file,
        sha256: report.sha256,
        textVersion: doc.version,
        text: doc.text,
        metadata: effectiveMetadata(report),
        extracted: extractedMetadata(report),
        tags: sortedTags(report),
        status: report.status,
        annotations: doc.spans.map((span) => ({
          id: span.id,
          start: span.start,
          end: span.end,
          label: span.label,
          note: span.note,
          text: span.text,
        })),
      };
      return [{ path: JSONL_FILE, content: `${JSON.stringify(line)}\n`, append: true }];
    },
  };
}
