import type { CodePointIndex } from '../../contract/codepoints';
import { sliceCodePoints } from '../export/spans';
import { occurrencesOf } from '../text/anchor';
import { checkFragments } from './brat';
import type { IncomingAnnotation } from './types';

/** Where an imported span stands on a report's text: code points and the text they cover. */
export interface Placed {
  start: number;
  end: number;
  quote: string;
}

/**
 * Places an imported span on the report's text: at its offsets when they cover its text (or the file gives
 * none), else at the occurrence of its text that fits its context and lies nearest; null when neither works.
 * A span given in fragments is refused, naming its line, when more than line breaks lie between them.
 */
export function place(annotation: IncomingAnnotation, index: CodePointIndex): Placed | null {
  const { start, end, text } = annotation;
  const inRange =
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= index.length;
  if (inRange) {
    if (annotation.fragments) {
      const where = annotation.localId ? `${annotation.where}: ${annotation.localId}` : annotation.where;
      checkFragments(index, annotation.fragments, where);
    }
    const covered = sliceCodePoints(index, start, end);
    if (text === null || covered === text) return { start, end, quote: covered };
  }
  if (!text) return null;
  const found = nearestOccurrence(index.text, text, annotation, inRange ? index.toUtf16(start) : 0);
  if (found === null) return null;
  const newStart = index.toCodePoint(found);
  return { start: newStart, end: newStart + [...text].length, quote: text };
}

/** The occurrence of `text` that its prefix and suffix fit (any, when none fits), nearest to `near`. */
function nearestOccurrence(
  haystack: string,
  text: string,
  context: IncomingAnnotation,
  near: number,
): number | null {
  const all = occurrencesOf(haystack, text);
  const fitting = all.filter(
    (at) =>
      (!context.prefix || haystack.slice(0, at).endsWith(context.prefix)) &&
      (!context.suffix || haystack.slice(at + text.length).startsWith(context.suffix)),
  );
  const candidates = fitting.length ? fitting : all;
  if (candidates.length === 0) return null;
  return candidates.reduce((best, at) => (Math.abs(at - near) < Math.abs(best - near) ? at : best));
}
