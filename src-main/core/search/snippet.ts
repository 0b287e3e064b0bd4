import { foldForSearch } from '../text/fold';
import { MIN_PREFIX, type ParsedQuery } from './query';

/** A short excerpt around the first match with the matched ranges (UTF-16 offsets into `text`). */
export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
}

/** Characters of context on each side of the match the excerpt is centred on. */
const CONTEXT = 60;
const ELLIPSIS = '…';
/** Past this many characters a word without spaces (a URL, a table) is cut where the context ends. */
const MAX_WORD = 40;

/** A match in the text: its UTF-16 range and which part of the query it answers. */
interface Match {
  start: number;
  end: number;
  part: number;
}

/**
 * The excerpt of `text` centred on the query's first match, about `context` characters on each side, cut
 * at spaces and marked with an ellipsis where it was cut, whitespace runs shown as one space. For a query of
 * several words, the centre is the tightest stretch holding the most of them, all in view. Without a literal
 * match (the query matched the metadata), the text's opening.
 */
export function makeSnippet(text: string, query: ParsedQuery, context = CONTEXT): Snippet {
  const matches = findMatches(foldForSearch(text), query);
  const centre = centreOf(matches, context);
  const from = centre
    ? cutBefore(text, centre.start - context, centre.start)
    : cutBefore(text, 0, text.length);
  const to = centre
    ? cutAfter(text, centre.end + context, centre.end)
    : cutAfter(text, from + context * 2, from);
  const inside = mergeRanges(
    text,
    matches.filter((m) => m.start >= from && m.end <= to),
  );
  return excerpt(text, from, to, inside);
}

function findMatches(folded: string, query: ParsedQuery): Match[] {
  const lastWord = query.words.length - 1;
  const parts = [
    ...query.words.map((word, i) => ({
      units: [word],
      prefix: i === lastWord && word.length >= MIN_PREFIX,
    })),
    ...query.phrases.map((phrase) => ({ units: phrase, prefix: false })),
  ].filter((part) => part.units.length > 0 && part.units.every((unit) => unit.length > 0));
  const matches: Match[] = [];
  parts.forEach(({ units, prefix }, part) => {
    const body = units.map(escapeRegExp).join('[^\\p{L}\\p{N}]+');
    // Whole words only, as the index matches them; the word being typed may end inside a longer one.
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'gu');
    for (const match of folded.matchAll(pattern)) {
      matches.push({ start: match.index, end: match.index + match[0].length, part });
    }
  });
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The stretch to centre on: from the match that, with the matches up to `context` after it, holds the most
 * distinct parts of the query (the tightest such stretch, then the first) to the last that added a part.
 */
function centreOf(matches: Match[], context: number): { start: number; end: number } | undefined {
  let best: { start: number; end: number; parts: number } | undefined;
  for (let i = 0; i < matches.length; i++) {
    const first = matches[i]!;
    const parts = new Set([first.part]);
    let end = first.end;
    for (let j = i + 1; j < matches.length && matches[j]!.start <= first.start + context; j++) {
      if (parts.has(matches[j]!.part)) continue;
      parts.add(matches[j]!.part);
      end = Math.max(end, matches[j]!.end);
    }
    const better =
      !best ||
      parts.size > best.parts ||
      (parts.size === best.parts && end - first.start < best.end - best.start);
    if (better) best = { start: first.start, end, parts: parts.size };
  }
  return best;
}

/** Where to cut before `index` is reached: the start of the first word from there on, and never after `max`. */
function cutBefore(text: string, index: number, max: number): number {
  let at = Math.max(0, index);
  while (at > 0 && at < max && !isSpace(text, at - 1)) at++;
  while (at < max && isSpace(text, at)) at++;
  return at;
}

/** Where to cut after `index`: the end of the last word that ends there, and never before `min`. */
function cutAfter(text: string, index: number, min: number): number {
  let at = Math.min(text.length, index);
  while (at > min && at < text.length && !isSpace(text, at)) at--;
  if (at === min) {
    // No space between: the word `min` falls in (a prefix match's word) is shown whole, if it is not huge.
    const limit = Math.min(text.length, index + MAX_WORD);
    while (at < limit && !isSpace(text, at)) at++;
    if (at === limit && at < text.length && !isSpace(text, at)) at = notInPair(text, Math.max(min, index));
  }
  while (at > min && isSpace(text, at - 1)) at--;
  return at;
}

/** `index`, moved back off the second half of a surrogate pair. */
function notInPair(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff ? index - 1 : index;
}

function isSpace(text: string, index: number): boolean {
  return /\s/.test(text[index]!);
}

function spacesOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text, i)) return false;
  return true;
}

/** The matches' ranges, made one where they overlap or stand apart by spaces (`Thành ủy`) or one sign (`36-CT/TW`). */
function mergeRanges(text: string, matches: Match[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const { start, end } of matches) {
    const last = ranges.at(-1);
    const joined = last && (start <= last[1] + 1 || spacesOnly(text, last[1], start));
    if (joined) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

/** `text[from, to)` with ellipses where cut and whitespace runs as one space; `ranges` moved along. */
function excerpt(text: string, from: number, to: number, ranges: Array<[number, number]>): Snippet {
  let out = spacesOnly(text, 0, from) ? '' : `${ELLIPSIS} `;
  // Where each unit of the slice (and its end) lands in `out`.
  const at = new Array<number>(to - from + 1);
  for (let i = from; i < to; i++) {
    at[i - from] = out.length;
    if (!isSpace(text, i)) out += text[i];
    else if (!out.endsWith(' ')) out += ' ';
  }
  at[to - from] = out.length;
  if (!spacesOnly(text, to, text.length)) out += ` ${ELLIPSIS}`;
  return {
    text: out,
    highlights: ranges.map(([start, end]) => [at[start - from]!, at[end - from]!]),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
