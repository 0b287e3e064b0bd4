import debrisWords from '../../../resources/extract/vi/debris.json';
import { WORD_START, phraseAlternation } from './fold';
import { isBlank } from './layout';
import type { Doc, Line } from './layout';

/** A view counter found in the text. */
export interface CounterMatch {
  value: number;
  start: number;
  end: number;
}

/** The view counter of a report and the line it is on. */
export interface FoundCounter {
  match: CounterMatch;
  /** A bare number on the last line rather than a labelled counter. */
  bare: boolean;
  line: Line;
}

const MAX_COUNTER_LINE = 120;

const COUNT = '(\\d{1,3}(?:[.,]\\d{3})+|\\d{1,9})(?![\\d.,]*\\d)';

const LABELS = phraseAlternation(debrisWords.counterLabels);
const LABELLED_COUNTER = new RegExp(`${WORD_START}(?:${LABELS})\\s*(?::\\s*)?${COUNT}`, 'gu');
/** Any of the labels anywhere: most reports have none, which one search of the whole text tells. */
const ANY_LABEL = new RegExp(LABELS, 'u');

const BARE_COUNTER = new RegExp(`^${COUNT}$`, 'u');

/** Regex source matching a labelled counter fragment, for removal from date lines. */
export const LABELLED_COUNTER_SOURCE = LABELLED_COUNTER.source;

/** Parses `1.234`, `1,234` or `220` as a whole number. */
export function parseCount(written: string): number {
  return Number(written.replace(/[.,]/g, ''));
}

/** Finds a labelled view counter (`View count: 220`, `Lượt xem: 220`) in folded text. */
export function findLabelledCounter(folded: string, from: number, to: number): CounterMatch | null {
  const slice = folded.slice(from, to);
  LABELLED_COUNTER.lastIndex = 0;
  const m = LABELLED_COUNTER.exec(slice);
  if (!m) return null;
  return { value: parseCount(m[1]!), start: from + m.index, end: from + m.index + m[0].length };
}

/** Reads a line that is nothing but a number (`156`) as a counter. */
export function readBareCounter(folded: string, from: number, to: number): CounterMatch | null {
  const m = BARE_COUNTER.exec(folded.slice(from, to));
  return m ? { value: parseCount(m[1]!), start: from, end: to } : null;
}

/** The view counter: labelled (`View count: 220`), else a bare number on a last line not in `reserved`. */
export function findCounter(doc: Doc, reserved: ReadonlySet<number>): FoundCounter | null {
  if (ANY_LABEL.test(doc.folded)) {
    for (const line of doc.lines) {
      if (isBlank(line) || line.contentEnd - line.contentStart > MAX_COUNTER_LINE) continue;
      const match = findLabelledCounter(doc.folded, line.contentStart, line.contentEnd);
      if (match) return { match, bare: false, line };
    }
  }
  const last = [...doc.lines].reverse().find((l) => !isBlank(l));
  if (!last || reserved.has(last.index)) return null;
  const match = readBareCounter(doc.folded, last.contentStart, last.contentEnd);
  return match ? { match, bare: true, line: last } : null;
}
