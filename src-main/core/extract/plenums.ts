import plenums from '../../../resources/extract/vi/plenums.json';
import { WORD_END, WORD_START, foldKey, phraseAlternation } from './fold';

/** Resolutions named by plenum: `NQ TW6`, `Nghị quyết Trung ương 4 khóa XI, XII`. */
export interface PlenumMention {
  /** Each plenum named, with its term in upper-case Roman numerals (null when unwritten). */
  pairs: { plenum: number; term: string | null }[];
  start: number;
  end: number;
}

const SINGLE_RESOLUTION_PLENUMS: ReadonlyMap<string, string> = new Map(
  Object.entries(plenums.singleResolutionPlenums),
);
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries(plenums.numberWords).map(([word, value]) => [foldKey(word), value]),
);

const CENTRAL = phraseAlternation(['trung ương', 'tw', 'tư']);
const SHORT_FORM = new RegExp(
  `${WORD_START}(?:${phraseAlternation(['nghị quyết', 'nq', 'hội nghị'])})` +
    `(?:\\s+(?:${phraseAlternation(['các', 'hội nghị', 'ban chấp hành'])}))*\\s*(?:${CENTRAL})\\s*(\\d{1,2})${WORD_END}`,
  'gu',
);
const FORMAL_FORM = new RegExp(
  `${WORD_START}(?:(?:${phraseAlternation(['nghị quyết', 'nq'])})\\s+)?(?:${phraseAlternation(['hội nghị lần thứ'])})\\s+(\\d{1,2}|${phraseAlternation([...NUMBER_WORDS.keys()])})` +
    `\\s+(?:${phraseAlternation(['của'])}\\s+)?(?:${phraseAlternation(['ban chấp hành trung ương'])})` +
    `(?:\\s+${phraseAlternation(['đảng'])})?${WORD_END}`,
  'gu',
);
const NEXT_ITEM = new RegExp(
  `\\s*(?:,|${phraseAlternation(['và'])})\\s*(?:${phraseAlternation(['hội nghị'])}\\s+)?(?:${CENTRAL})\\s*(\\d{1,2})${WORD_END}`,
  'uy',
);
const FIRST_TERM = new RegExp(
  `\\s*(?:,\\s*)?(?:\\(\\s*)?(?:${phraseAlternation(['khóa'])})\\s+([ivxl]+)${WORD_END}`,
  'uy',
);
const NEXT_TERM = new RegExp(
  `\\s*(?:,|${phraseAlternation(['và'])})\\s*(?:(?:${phraseAlternation(['khóa'])})\\s+)?([ivxl]+)${WORD_END}`,
  'uy',
);

function plenumNumber(written: string): number {
  return /^\d+$/.test(written) ? Number(written) : (NUMBER_WORDS.get(written.replace(/\s+/g, ' ')) ?? 0);
}

function readTerms(text: string, folded: string, at: number): { terms: string[]; end: number } {
  const terms: string[] = [];
  let end = at;
  for (const re of [FIRST_TERM, NEXT_TERM]) {
    for (;;) {
      re.lastIndex = end;
      const m = re.exec(folded);
      if (!m) break;
      const numeralEnd = re.lastIndex;
      const written = text.slice(numeralEnd - m[1]!.length, numeralEnd);
      if (written !== written.toUpperCase()) break;
      terms.push(written);
      end = numeralEnd;
      if (re === FIRST_TERM) break;
    }
    if (terms.length === 0) break;
  }
  return { terms, end };
}

function readMention(text: string, folded: string, start: number, plenum: number, at: number): PlenumMention {
  const plenums = [plenum];
  let end = at;
  for (;;) {
    NEXT_ITEM.lastIndex = end;
    const m = NEXT_ITEM.exec(folded);
    if (!m) break;
    plenums.push(Number(m[1]));
    end = NEXT_ITEM.lastIndex;
  }
  const { terms, end: termsEnd } = readTerms(text, folded, end);
  const pairs =
    terms.length === 0
      ? plenums.map((p) => ({ plenum: p, term: null }))
      : plenums.flatMap((p) => terms.map((term) => ({ plenum: p, term })));
  return { pairs, start, end: Math.max(end, termsEnd) };
}

/** Finds plenum mentions in folded text; `text` (the original) shows whether term numerals are capitals. */
export function findPlenumMentions(text: string, folded: string): PlenumMention[] {
  const mentions: PlenumMention[] = [];
  for (const re of [SHORT_FORM, FORMAL_FORM]) {
    for (const m of folded.matchAll(re)) {
      mentions.push(readMention(text, folded, m.index, plenumNumber(m[1]!), m.index + m[0].length));
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The resolution a plenum issued, when it issued exactly one well-known resolution. */
export function resolvePlenum(plenum: number, term: string): string | null {
  return SINGLE_RESOLUTION_PLENUMS.get(`${plenum}|${term}`) ?? null;
}

/** For each plenum number, the one term written with it in the text (null when there are several). */
export function termsByPlenum(mentions: readonly PlenumMention[]): Map<number, string | null> {
  const seen = new Map<number, Set<string>>();
  for (const m of mentions)
    for (const { plenum, term } of m.pairs)
      if (term) seen.set(plenum, (seen.get(plenum) ?? new Set<string>()).add(term));
  const result = new Map<number, string | null>();
  for (const [plenum, terms] of seen) result.set(plenum, terms.size === 1 ? [...terms][0]! : null);
  return result;
}
