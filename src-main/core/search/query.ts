import { foldUnitsForSearch } from '../text/fold';
import { FNV_OFFSET, hashUnit, termOf } from './termTable';

/** A parsed query: loose words and quoted phrases, all folded for search. */
export interface ParsedQuery {
  words: string[];
  phrases: string[][];
}

/** Per folded UTF-16 unit: 0 not yet known, 1 separator, 2 part of a word (a letter, a digit or a surrogate). */
const wordUnits = new Uint8Array(65536);

function isWordUnit(code: number): boolean {
  let kind = wordUnits[code]!;
  if (kind === 0) {
    const isWord = (code >= 0xd800 && code <= 0xdfff) || /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
    kind = wordUnits[code] = isWord ? 2 : 1;
  }
  return kind === 2;
}

/**
 * Calls `visit` with each search token of folded text (a run of letters and digits): where it starts and ends,
 * and its hash. The one tokenizer of indexing and querying, so both always split text the same way.
 */
export function forEachToken(
  units: Uint16Array,
  visit: (start: number, end: number, hash: number) => void,
): void {
  let start = -1;
  let hash = 0;
  // One step past the end closes the last token.
  for (let i = 0; i <= units.length; i++) {
    const unit = i < units.length ? units[i]! : 32;
    if (isWordUnit(unit)) {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = hashUnit(hash, unit);
    } else if (start >= 0) {
      visit(start, i, hash);
      start = -1;
    }
  }
}

/** Folds and tokenizes any text. */
export function searchTokens(text: string): string[] {
  const units = foldUnitsForSearch(text);
  const tokens: string[] = [];
  forEachToken(units, (start, end) => tokens.push(termOf(units, start, end)));
  return tokens;
}

/** Parses `cần thơ "thành uỷ"`: quoted parts are phrases, the rest are words; an unclosed quote runs to the end. */
export function parseQuery(query: string): ParsedQuery {
  const words: string[] = [];
  const phrases: string[][] = [];
  const parts = query.split('"');
  parts.forEach((part, index) => {
    const tokens = searchTokens(part);
    if (index % 2 === 1 && tokens.length > 1) phrases.push(tokens);
    else words.push(...tokens);
  });
  return { words, phrases };
}

/** The last loose word of a query also matches as a prefix from this length on (index and snippets alike). */
export const MIN_PREFIX = 2;
