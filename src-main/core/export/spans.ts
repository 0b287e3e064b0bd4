import { FolioError } from '../errors';
import { CodePointIndex } from '../../contract/codepoints';

/** A span to check: code-point offsets and the text they must cover. */
export interface CheckedSpan {
  start: number;
  end: number;
  text: string;
  label: string;
}

/** The text between two code-point offsets. */
export function sliceCodePoints(index: CodePointIndex, start: number, end: number): string {
  return index.text.slice(index.toUtf16(start), index.toUtf16(end));
}

/**
 * Checks that every span's text is exactly the slice its code-point offsets point to in `text`, the text
 * written beside it; throws a `FolioError` naming `where`, the span and both texts otherwise.
 */
export function checkSpans(where: string, text: string, spans: readonly CheckedSpan[]): void {
  const index = new CodePointIndex(text);
  for (const span of spans) {
    const inRange = Number.isInteger(span.start) && span.start >= 0 && span.end >= span.start;
    const covered = inRange && span.end <= index.length ? sliceCodePoints(index, span.start, span.end) : null;
    if (covered !== span.text) {
      throw new FolioError(
        'invalid-input',
        `${where}: ${span.label} span ${span.start}-${span.end} should cover ${JSON.stringify(span.text)} but ${
          covered === null ? `lies outside the text (0-${index.length})` : `covers ${JSON.stringify(covered)}`
        }; nothing was exported`,
      );
    }
  }
}
