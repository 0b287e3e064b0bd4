import { originalTextKey } from '../analyze/analyze';
import { CodePointIndex } from '../../contract/codepoints';
import { sha256 } from '../store/hash';
import type { StoredAnnotation } from '../store/schema';

/** Code points of context kept either side of a quote (a W3C TextQuoteSelector's prefix and suffix). */
export const CONTEXT_CODE_POINTS = 32;

/**
 * The key of the text annotations' offsets refer to, recorded as their `revision`: the SHA-256 of the
 * corrected text when there is one, else the key of the original file's text (the corpus's `textKeyOf`).
 */
export function textKeyOf(corrected: string | null, originalSha256: string): string {
  return corrected === null ? originalTextKey(originalSha256) : sha256(Buffer.from(corrected));
}

/** What anchors an annotation to a text: its offsets (code points), quote with context, and the text's key. */
export type Anchor = Pick<StoredAnnotation, 'start' | 'end' | 'quote' | 'prefix' | 'suffix' | 'revision'>;

/**
 * The anchor of `[start, end)` (code points) in `text` whose key is `textKey`: the quote it covers and up
 * to `CONTEXT_CODE_POINTS` code points either side.
 */
export function anchorAt(index: CodePointIndex, start: number, end: number, textKey: string | null): Anchor {
  const text = index.text;
  const from = index.toUtf16(start);
  const to = index.toUtf16(end);
  return {
    start,
    end,
    quote: text.slice(from, to),
    // 2 units per code point at most, and one more in case the cut splits a surrogate pair.
    prefix: Array.from(text.slice(Math.max(0, from - 2 * CONTEXT_CODE_POINTS - 1), from))
      .slice(-CONTEXT_CODE_POINTS)
      .join(''),
    suffix: Array.from(text.slice(to, to + 2 * CONTEXT_CODE_POINTS + 1))
      .slice(0, CONTEXT_CODE_POINTS)
      .join(''),
    revision: textKey,
  };
}

/** Start offsets (UTF-16) of every occurrence of `needle` in `text`, overlapping ones included. */
export function occurrencesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** An annotation placed by `seekQuote`, or orphaned at its old place (kept inside the text). */
export function seekAnnotation(
  annotation: StoredAnnotation,
  index: CodePointIndex,
  textKey: string,
): StoredAnnotation {
  const found = seekQuote(index, annotation);
  if (found !== null) {
    return {
      ...annotation,
      ...anchorAt(index, found, found + [...annotation.quote].length, textKey),
      orphaned: false,
    };
  }
  const at = Math.min(annotation.start, index.length);
  return { ...annotation, start: at, end: at, revision: textKey, orphaned: true };
}

/**
 * Where an annotation's quote stands in a text changed under it, as a code point offset, or null:
 * 1. among the occurrences of the quote whose whole prefix and suffix match the text around them (its own
 *    words in their own surroundings), the nearest to its old start;
 * 2. failing that — a live annotation only, an orphan comes back only by rule 1 — the nearest occurrence
 *    before or at its old start and the nearest after it are the candidates (any other would jump over an
 *    occurrence nearer its old place): the one whose context matches more code points, on a tie the nearer,
 *    on a tie again the earlier;
 * 3. no occurrence, or an orphan with none by rule 1: null.
 * An annotation with no context recorded (migrated from format 1) matches everywhere, so it takes the
 * nearest occurrence; an orphan with none never comes back this way.
 */
export function seekQuote(index: CodePointIndex, annotation: Anchor & { orphaned: boolean }): number | null {
  const text = index.text;
  const occurrences = occurrencesOf(text, annotation.quote).map((at) => ({
    at: index.toCodePoint(at),
    context: contextMatch(text, at, at + annotation.quote.length, annotation),
  }));
  const full = [...annotation.prefix].length + [...annotation.suffix].length;
  const distance = (at: number) => Math.abs(at - annotation.start);
  // The candidate matching the most context; on a tie the nearer, then the earlier.
  const best = (candidates: typeof occurrences) =>
    candidates.reduce<(typeof occurrences)[number] | null>(
      (best, candidate) =>
        best === null ||
        candidate.context > best.context ||
        (candidate.context === best.context && distance(candidate.at) < distance(best.at))
          ? candidate
          : best,
      null,
    );
  const whole = best(occurrences.filter((o) => o.context === full));
  if (whole) return annotation.orphaned && full === 0 ? null : whole.at;
  if (annotation.orphaned) return null;
  const before = occurrences.findLast((o) => o.at <= annotation.start);
  const after = occurrences.find((o) => o.at > annotation.start);
  return best([before, after].filter((o) => o !== undefined))?.at ?? null;
}

/** How many code points of the prefix match just before `[from, to)` (UTF-16) and of the suffix just after. */
function contextMatch(
  text: string,
  from: number,
  to: number,
  anchor: Pick<Anchor, 'prefix' | 'suffix'>,
): number {
  const prefix = [...anchor.prefix];
  const before = [...text.slice(Math.max(0, from - 2 * prefix.length - 1), from)];
  let matched = 0;
  while (
    matched < prefix.length &&
    prefix[prefix.length - 1 - matched] === before[before.length - 1 - matched]
  )
    matched++;
  const suffix = [...anchor.suffix];
  const after = [...text.slice(to, to + 2 * suffix.length + 1)];
  let matchedAfter = 0;
  while (matchedAfter < suffix.length && suffix[matchedAfter] === after[matchedAfter]) matchedAfter++;
  return matched + matchedAfter;
}
