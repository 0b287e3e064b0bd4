import { foldForSearch } from '../text/fold';

/** A parsed query: loose words and quoted phrases, all folded for search. */
export interface ParsedQuery {
  words: string[];
  phrases: string[][];
}

/** Per folded UTF-16 unit: 0 not yet known, 1 separator, 2 part of a word (a letter, a digit or a surrogate). */
const wordUnits = new Uint8Array(65536);

/** Whether a folded UTF-16 unit belongs to a search token. */
export function isWordUnit(code: number): boolean {
  let kind = wordUnits[code]!;
  if (kind === 0) {
    const isWord = (code >= 0xd800 && code <= 0xdfff) || /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
    kind = wordUnits[code] = isWord ? 2 : 1;
  }
  return kind === 2;
}

/** Calls `visit` with each search token of folded text (runs of letters and digits) and where it starts. */
export function forEachToken(folded: string, visit: (token: string, start: number) => void): void {
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    if (isWordUnit(folded.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(folded.slice(start, i), start);
      start = -1;
    }
  }
  if (start >= 0) visit(folded.slice(start), start);
}

/** Splits folded text into search tokens (letters and digits). */
export function tokenize(folded: string): string[] {
  const tokens: string[] = [];
  forEachToken(folded, (token) => tokens.push(token));
  return tokens;
}

/** Folds and tokenizes any text: the one tokenizer shared by indexing and querying. */
export function searchTokens(text: string): string[] {
  return tokenize(foldForSearch(text));
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
