import type { StoredAnnotation } from '../store/schema';
import { CodePointIndex } from '../../contract/codepoints';
import { diffTexts } from './diff';
import { ChangeMapping, mapSpan } from './mapping';

/**
 * Carries annotations (code-point offsets) from `before` to `after` through the edit between them: each
 * keeps its own words and takes their new spelling as its quote; one whose words were all deleted stays at
 * the place they were, flagged orphaned, until its words come back to that place (a revert, a retyping).
 */
export function reanchor(annotations: StoredAnnotation[], before: string, after: string): StoredAnnotation[] {
  if (annotations.length === 0 || before === after) return annotations;
  const mapping = ChangeMapping.forward(diffTexts(before, after));
  const oldIndex = new CodePointIndex(before);
  const newIndex = new CodePointIndex(after);
  return annotations.map((annotation) => {
    if (annotation.orphaned) {
      const old = oldIndex.toUtf16(annotation.start);
      const at = mapping.map(old, -1).pos;
      // Text put back at an orphan's place lies between where its point maps on either side.
      const back = wordsBackAt(after, annotation.quote, at, mapping.map(old, 1).pos);
      if (back === null)
        return { ...annotation, start: newIndex.toCodePoint(at), end: newIndex.toCodePoint(at) };
      const start = newIndex.toCodePoint(back);
      return { ...annotation, start, end: start + [...annotation.quote].length, orphaned: false };
    }
    const span = mapSpan(mapping, oldIndex.toUtf16(annotation.start), oldIndex.toUtf16(annotation.end));
    const start = newIndex.toCodePoint(span.start);
    const end = newIndex.toCodePoint(span.end);
    if (span.collapsed) return { ...annotation, start, end: start, orphaned: true };
    return { ...annotation, start, end, quote: after.slice(span.start, span.end) };
  });
}

/** Where an orphan's quote stands again in the text inserted at its place, `from`–`to`, or null. */
function wordsBackAt(text: string, quote: string, from: number, to: number): number | null {
  if (quote.length === 0 || to - from < quote.length) return null;
  const found = text.slice(from, to).indexOf(quote);
  return found < 0 ? null : from + found;
}
