import { CodePointIndex } from '../../contract/codepoints';
import type { StoredAnnotation } from '../store/schema';

/**
 * Finds where a quote now stands when the text under an annotation no longer matches it (the original file
 * was changed on disk): the occurrence nearest to the old start, or null when the quote is gone.
 */
export function relocateQuote(text: string, quote: string, oldStart: number): number | null {
  if (quote.length === 0) return null;
  let best: number | null = null;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best === null || Math.abs(at - oldStart) < Math.abs(best - oldStart)) best = at;
    if (at > oldStart) break;
  }
  return best;
}

/** Start offsets (UTF-16) of every occurrence of `needle` in `text`, overlapping ones included. */
export function occurrencesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Checks each annotation's offsets against its quote in `text` (a text changed without Folio's own mapping)
 * and moves those that no longer cover it to the nearest place the quote stands, or flags them orphaned.
 * Returns the annotations and how many moved.
 */
export function relocateAnnotations(
  annotations: StoredAnnotation[],
  text: string,
): { annotations: StoredAnnotation[]; moved: number } {
  const index = new CodePointIndex(text);
  let moved = 0;
  const relocated = annotations.map((annotation) => {
    if (annotation.orphaned) return annotation;
    const start = index.toUtf16(annotation.start);
    const end = index.toUtf16(annotation.end);
    if (text.slice(start, end) === annotation.quote) return annotation;
    const found = relocateQuote(text, annotation.quote, start);
    if (found === null) return { ...annotation, orphaned: true };
    moved++;
    const newStart = index.toCodePoint(found);
    return { ...annotation, start: newStart, end: newStart + [...annotation.quote].length };
  });
  return { annotations: relocated, moved };
}
