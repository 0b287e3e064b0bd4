import type { StoredAnnotation } from '../store/schema';
import { CodePointIndex } from '../../contract/codepoints';
import { anchorAt, seekAnnotation, type Anchor } from './anchor';
import { diffTexts } from './diff';
import { ChangeMapping, mapSpan } from './mapping';

/** What `reanchor` carries: an annotation's span and quote, and its context and revision when it has them. */
export type Carried = Pick<StoredAnnotation, 'start' | 'end' | 'quote' | 'orphaned'> &
  Partial<Pick<StoredAnnotation, 'prefix' | 'suffix' | 'revision'>>;

/**
 * Carries annotations (code-point offsets) from `before` to `after` through the edit between them: each
 * keeps its own words and takes their new spelling as its quote, with its context taken anew; one whose
 * words were all deleted stays at the place they were, flagged orphaned, until its words come back to that
 * place (a revert, a retyping). With `afterKey` (`textKeyOf` the new text) each is stamped with it as its
 * revision; without, revisions are left for `repairAnchors` to verify.
 */
export function reanchor<T extends Carried>(
  annotations: T[],
  before: string,
  after: string,
  afterKey?: string,
): T[] {
  if (annotations.length === 0) return annotations;
  const stamp = (annotation: T): T =>
    afterKey === undefined || annotation.revision === afterKey
      ? annotation
      : { ...annotation, revision: afterKey };
  if (before === after) return annotations.map(stamp);
  const mapping = ChangeMapping.forward(diffTexts(before, after));
  const oldIndex = new CodePointIndex(before);
  const newIndex = new CodePointIndex(after);
  const anchored = (annotation: T, start: number, end: number): T => ({
    ...annotation,
    ...anchorAt(newIndex, start, end, afterKey ?? annotation.revision ?? null),
    orphaned: false,
  });
  return annotations.map((annotation) => {
    if (annotation.orphaned) {
      const old = oldIndex.toUtf16(annotation.start);
      const at = mapping.map(old, -1).pos;
      // Text put back at an orphan's place lies between where its point maps on either side.
      const back = wordsBackAt(after, annotation.quote, at, mapping.map(old, 1).pos);
      if (back === null) {
        const point = newIndex.toCodePoint(at);
        return stamp({ ...annotation, start: point, end: point });
      }
      const start = newIndex.toCodePoint(back);
      return anchored(annotation, start, start + [...annotation.quote].length);
    }
    const span = mapSpan(mapping, oldIndex.toUtf16(annotation.start), oldIndex.toUtf16(annotation.end));
    const start = newIndex.toCodePoint(span.start);
    const end = newIndex.toCodePoint(span.end);
    if (span.collapsed) return stamp({ ...annotation, start, end: start, orphaned: true });
    return anchored(annotation, start, end);
  });
}

/** Where an orphan's quote stands again in the text inserted at its place, `from`–`to`, or null. */
function wordsBackAt(text: string, quote: string, from: number, to: number): number | null {
  if (quote.length === 0 || to - from < quote.length) return null;
  const found = text.slice(from, to).indexOf(quote);
  return found < 0 ? null : from + found;
}

/** What `repairAnchors` did: the annotations, how many it moved onto their words, how many it orphaned. */
export interface Repair {
  annotations: StoredAnnotation[];
  repaired: number;
  orphaned: number;
}

/**
 * The one path that checks annotations against `text` (whose key is `textKey`) after it may have changed
 * under them without Folio's own mapping — a changed original, a merge, an import, a hand edit:
 * - an annotation whose `revision` is `textKey` and whose offsets cover its quote (or an orphan of that
 *   revision) is left as it is;
 * - else one whose offsets cover its quote in `known.from`, an earlier text it was made on (the corrected
 *   text before a correction was rebased onto a changed original; the original under a correction, for
 *   annotations made before it), is carried through the diff from there (`reanchor`); with
 *   `known.revision`, only the annotations stamped with that text's key are;
 * - else its quote is sought in `text` (`seekQuote`); where it is not found it is orphaned at its old place.
 * Each one moved or checked takes its context from `text` and `textKey` as its revision. `repaired` counts
 * the annotations it moved, or brought back, onto their words; `orphaned` those it orphaned.
 */
export function repairAnchors(
  annotations: readonly StoredAnnotation[],
  text: string,
  textKey: string,
  known?: { from: string; revision?: string },
): Repair {
  const index = new CodePointIndex(text);
  const fromIndex = known ? new CodePointIndex(known.from) : null;
  const result = [...annotations];
  const carried: number[] = [];
  annotations.forEach((annotation, i) => {
    if (annotation.revision === textKey && (annotation.orphaned || coversQuote(index, annotation))) return;
    const onKnown =
      fromIndex !== null &&
      (known!.revision === undefined || annotation.revision === known!.revision) &&
      (annotation.orphaned ? annotation.start <= fromIndex.length : coversQuote(fromIndex, annotation));
    if (onKnown) carried.push(i);
    else result[i] = seekAnnotation(annotation, index, textKey);
  });
  if (known) {
    const mapped = reanchor(
      carried.map((i) => annotations[i]!),
      known.from,
      text,
      textKey,
    );
    carried.forEach((i, n) => (result[i] = mapped[n]!));
  }
  let repaired = 0;
  let orphaned = 0;
  annotations.forEach((before, i) => {
    const after = result[i]!;
    if (after.orphaned && !before.orphaned) orphaned++;
    else if (!after.orphaned && (before.orphaned || moved(before, after))) repaired++;
  });
  return { annotations: result, repaired, orphaned };
}

function moved(before: Anchor, after: Anchor): boolean {
  return before.start !== after.start || before.end !== after.end || before.quote !== after.quote;
}

/** Whether an annotation's offsets cover its quote in the indexed text. */
function coversQuote(index: CodePointIndex, annotation: StoredAnnotation): boolean {
  if (annotation.end > index.length) return false;
  return (
    index.text.slice(index.toUtf16(annotation.start), index.toUtf16(annotation.end)) === annotation.quote
  );
}
