import { foldForSearch } from '../text/fold';

/** A parsed query: loose words and quoted phrases, all folded for search. */
export interface ParsedQuery {
  words: string[];
  phrases: string[][];
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Splits folded text into search tokens (letters and digits). */
export function tokenize(folded: string): string[] {
  return folded.match(TOKEN) ?? [];
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
