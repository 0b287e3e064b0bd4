import { CodePointIndex } from '../../contract/codepoints';
import { checkSpans } from './spans';
import type { ExportDocument, FormatContext, FormatWriter } from './types';

/** The file doccano's sequence-labelling import reads. */
export const DOCCANO_FILE = 'doccano.jsonl';

/**
 * doccano JSONL: `text` and `label: [[start, end, "Label"], …]` per report; the report id rides along.
 * Offsets count UTF-16 code units, as doccano's annotation view does (its default, non-grapheme mode), so a
 * span after an emoji lands on its words there. Every non-ASCII character is written as a `\uXXXX` escape:
 * doccano guesses a file's encoding by default, and pure ASCII is the one guess that cannot go wrong.
 */
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
      const index = new CodePointIndex(doc.text);
      const line = {
        report_id: doc.id,
        text: doc.text,
        label: doc.spans.map((span) => [index.toUtf16(span.start), index.toUtf16(span.end), span.label]),
      };
      return [{ path: DOCCANO_FILE, content: `${asciiJson(line)}\n`, append: true }];
    },
  };
}

/** JSON with every character outside ASCII escaped; an astral character becomes its surrogate pair. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\0-\x7f]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
