import { checkSpans } from './spans';
import type { ExportDocument, FormatContext, FormatWriter } from './types';

/** The file doccano's sequence-labelling import reads. */
export const DOCCANO_FILE = 'doccano.jsonl';

/** doccano JSONL: `text` and `label: [[start, end, "Label"], …]` per report; the report id rides along. */
export function doccanoWriter(context: FormatContext): FormatWriter {
  return {
    report(doc: ExportDocument) {
      checkSpans(`${DOCCANO_FILE}: report "${doc.id}"`, doc.text, doc.spans);
      const notes = doc.spans.filter((span) => span.note !== '').length;
      if (notes > 0) {
        context.warn(
          `${DOCCANO_FILE}: report "${doc.id}": ${notes} note(s) left out (doccano labels carry no notes)`,
        );
      }
      const line = {
        report_id: doc.id,
        text: doc.text,
        label: doc.spans.map((span) => [span.start, span.end, span.label]),
      };
      return [{ path: DOCCANO_FILE, content: `${JSON.stringify(line)}\n`, append: true }];
    },
  };
}
