import { foldForSearch } from '../text/fold';
import type { ParsedQuery } from './query';

/** A short excerpt around the first match with the matched ranges (UTF-16 offsets into `text`). */
export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
}

const CONTEXT = 60;

/** The excerpt of `text` around the query's first match; the text's opening when nothing matches literally. */
export function makeSnippet(text: string, query: ParsedQuery, context = CONTEXT): Snippet {
  const folded = foldForSearch(text);
  const needles = [...query.phrases.map((p) => p.join(' ')), ...query.words].filter((n) => n.length > 0);
  const matches: Array<[number, number]> = [];
  for (const needle of needles) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${needle.split(' ').map(escapeRegExp).join('[^\\p{L}\\p{N}]+')}`,
      'gu',
    );
    for (const match of folded.matchAll(pattern)) matches.push([match.index, match.index + match[0].length]);
  }
  matches.sort((a, b) => a[0] - b[0]);
  const first = matches[0];
  const start = first ? Math.max(0, wordStartBefore(text, first[0] - context)) : 0;
  const end = first ? Math.min(text.length, first[1] + context) : Math.min(text.length, context * 2);
  const highlights = matches
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start, e - start]);
  // One space per whitespace unit keeps the highlight offsets valid.
  return { text: text.slice(start, end).replace(/\s/g, ' '), highlights };
}

function wordStartBefore(text: string, index: number): number {
  if (index <= 0) return 0;
  const space = text.lastIndexOf(' ', index);
  return space < 0 ? 0 : space + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
