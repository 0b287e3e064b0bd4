import type { StoredAnnotation } from '../store/schema';
import { CodePointIndex } from '../../contract/codepoints';
import { diffTexts } from './diff';
import { ChangeMapping, mapSpan } from './mapping';

/**
 * Carries annotations (code-point offsets) from `before` to `after` through the edit between them: each
 * keeps its own words and takes their new spelling as its quote; one whose words were all deleted stays at
 * the place they were, flagged orphaned.
 */
export function reanchor(annotations: StoredAnnotation[], before: string, after: string): StoredAnnotation[] {
  if (annotations.length === 0 || before === after) return annotations;
  const mapping = ChangeMapping.forward(diffTexts(before, after));
  const oldIndex = new CodePointIndex(before);
  const newIndex = new CodePointIndex(after);
  return annotations.map((annotation) => {
    if (annotation.orphaned) {
      const at = newIndex.toCodePoint(mapping.map(oldIndex.toUtf16(annotation.start), -1).pos);
      return { ...annotation, start: at, end: at };
    }
    const span = mapSpan(mapping, oldIndex.toUtf16(annotation.start), oldIndex.toUtf16(annotation.end));
    const start = newIndex.toCodePoint(span.start);
    const end = newIndex.toCodePoint(span.end);
    if (span.collapsed) return { ...annotation, start, end: start, orphaned: true };
    return { ...annotation, start, end, quote: after.slice(span.start, span.end) };
  });
}
