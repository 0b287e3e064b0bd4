import { foldKey } from './fold';

/** A phrase found in folded text: where, and which (folded, single-spaced). */
export interface PhraseMatch {
  start: number;
  end: number;
  phrase: string;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit, filled on first sight: 1 when not a letter or digit, 2 when one. */
const unitKinds = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
  let kind = unitKinds[code]!;
  if (kind === 0) unitKinds[code] = kind = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
  return kind === 2;
}

function isSurrogatePair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** How many units the letter or digit at `at` takes (0 when there is none), reading no unit at or past `to`. */
function wordCharLength(text: string, at: number, to: number): number {
  if (at + 1 < to && isSurrogatePair(text, at)) return WORD_CHAR.test(text.slice(at, at + 2)) ? 2 : 0;
  return isWordUnit(text.charCodeAt(at)) ? 1 : 0;
}

/** Where the run of letters and digits from `at` ends (`at` itself when there is none). */
function wordEnd(text: string, at: number, to: number): number {
  let end = at;
  for (;;) {
    const length = end < to ? wordCharLength(text, end, to) : 0;
    if (length === 0) return end;
    end += length;
  }
}

/** True when a letter or digit ends right before `at`, reading no unit before `from`. */
function wordCharBefore(text: string, at: number, from: number): boolean {
  if (at - 2 >= from && isSurrogatePair(text, at - 2)) return WORD_CHAR.test(text.slice(at - 2, at));
  return isWordUnit(text.charCodeAt(at - 1));
}

/** JavaScript's `\s`. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * A list of phrases found in folded text as whole words, their spaces matching any white space: what a regex
 * `(?<![\p{L}\p{N}])(?:…)(?![\p{L}\p{N}])` of their `phraseAlternation` finds, the same matches in the same
 * order. Such a regex tries each of hundreds of names at every position; this looks up each word instead.
 */
export class PhraseMatcher {
  /** Phrases by their first word, longest first (the order the alternation tries them in). */
  private readonly byFirstWord = new Map<string, string[]>();
  private longestFirstWord = 0;
  /** Hashes of the first words: most words of a text are none, which this tells without cutting them out. */
  private readonly firstWordHashes = new Set<number>();

  constructor(phrases: readonly string[]) {
    const written = new Map<string, string>();
    for (const phrase of phrases) if (!written.has(foldKey(phrase))) written.set(foldKey(phrase), phrase);
    const folded = [...written.keys()].sort((a, b) => b.length - a.length);
    for (const phrase of folded) {
      const first = wordEnd(phrase, 0, phrase.length);
      if (first === 0)
        throw new Error(`A phrase must start with a letter or digit: "${written.get(phrase)}"`);
      const word = phrase.slice(0, first);
      const list = this.byFirstWord.get(word);
      if (list) list.push(phrase);
      else this.byFirstWord.set(word, [phrase]);
      this.longestFirstWord = Math.max(this.longestFirstWord, first);
      this.firstWordHashes.add(hashUnits(phrase, 0, first));
    }
  }

  /** Every match between `from` and `to` (as if the text were cut there), in text order. */
  find(folded: string, from = 0, to = folded.length): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    let i = from;
    while (i < to) {
      const length = wordCharLength(folded, i, to);
      if (length === 0 || (i > from && wordCharBefore(folded, i, from))) {
        i += Math.max(1, length);
        continue;
      }
      const end = wordEnd(folded, i, to);
      const candidates =
        end - i <= this.longestFirstWord && this.firstWordHashes.has(hashUnits(folded, i, end))
          ? this.byFirstWord.get(folded.slice(i, end))
          : undefined;
      const match = candidates ? matchAt(folded, i, to, candidates) : null;
      if (match) {
        found.push(match);
        i = match.end;
      } else i = end;
    }
    return found;
  }
}

function hashUnits(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return hash;
}

/** The first of `phrases` written at `start` and not followed by a letter or digit. */
function matchAt(text: string, start: number, to: number, phrases: readonly string[]): PhraseMatch | null {
  for (const phrase of phrases) {
    let k = start;
    let j = 0;
    for (; j < phrase.length && k < to; j++) {
      const want = phrase.charCodeAt(j);
      if (want === 0x20) {
        if (!isSpace(text.charCodeAt(k))) break;
        while (k < to && isSpace(text.charCodeAt(k))) k++;
      } else if (text.charCodeAt(k) === want) k++;
      else break;
    }
    if (j === phrase.length && (k >= to || wordCharLength(text, k, to) === 0)) {
      return { start, end: k, phrase };
    }
  }
  return null;
}
