import { WORD_END, WORD_START, foldKey, phraseAlternation } from './fold';
import { overlapsAny } from './layout';
import { findPlenumMentions, resolvePlenum, termsByPlenum } from './plenums';
import type { DocumentReference, Evidence, ExtractedItem } from './types';

const TYPES: ReadonlyMap<string, string> = new Map([
  ['nq', 'NQ'],
  ['ct', 'CT'],
  ['qđ', 'QĐ'],
  ['qd', 'QĐ'],
  ['kl', 'KL'],
  ['kh', 'KH'],
  ['hd', 'HD'],
  ['tb', 'TB'],
  ['qc', 'QC'],
  ['ctr', 'CTr'],
]);

const TYPE_WORDS: readonly (readonly [string, string])[] = [
  ['nghị quyết', 'NQ'],
  ['chỉ thị', 'CT'],
  ['kết luận', 'KL'],
  ['quy định', 'QĐ'],
  ['qui định', 'QĐ'],
  ['quyết định', 'QĐ'],
  ['kế hoạch', 'KH'],
  ['hướng dẫn', 'HD'],
  ['thông báo', 'TB'],
  ['quy chế', 'QC'],
  ['chương trình', 'CTr'],
];

const ISSUER_WORDS: readonly (readonly [string, readonly string[]])[] = [
  [
    'TW',
    [
      'ban chấp hành trung ương',
      'bch trung ương',
      'bch tw',
      'bchtw',
      'bộ chính trị',
      'ban bí thư',
      'trung ương',
      'tw',
    ],
  ],
  ['TU', ['thành ủy', 'tỉnh ủy']],
  ['HU', ['huyện ủy', 'quận ủy', 'thị ủy']],
  ['ĐU', ['đảng ủy']],
];

const CODE_LETTERS = [...TYPES.keys()].sort((a, b) => b.length - a.length).join('|');
const CODED = new RegExp(
  `${WORD_START}(\\d{1,4})\\s*(?:[-–—]\\s*)?(${CODE_LETTERS})\\s*\\/\\s*(\\p{L}{1,10})${WORD_END}`,
  'gdu',
);
const SHORTHAND = new RegExp(`${WORD_START}(nq|ct|kl|kh)\\s?(\\d{1,3})${WORD_END}(?!\\s*[-–—/])`, 'gdu');
const TYPE_WORD_BY_KEY = new Map(TYPE_WORDS.map(([w, t]) => [foldKey(w), t]));
const NUMBER_ONLY = new RegExp(
  `${WORD_START}(${phraseAlternation(TYPE_WORDS.map(([w]) => w))})\\s+(?:${phraseAlternation(['số'])}\\s+)?(\\d{1,4})(?!\\d)`,
  'gdu',
);
const CODE_CONTINUES = /^\s*[-–—/]\s*\p{L}|^[/.-]\d/u;
const ISSUER_ALTERNATION = ISSUER_WORDS.map(([, words]) => `(${phraseAlternation(words)})`).join('|');
const ISSUER_AFTER_OF = new RegExp(
  `\\s*(?:(?:,\\s*)?${phraseAlternation(['ngày'])}\\s+\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?(?:\\s*,)?\\s*)?` +
    `${phraseAlternation(['của'])}\\s+(?:${phraseAlternation(['hội nghị'])}\\s+)?` +
    `(?:(?:${phraseAlternation(['ban thường vụ', 'btv', 'thường trực'])})\\s+)?(?:${ISSUER_ALTERNATION})${WORD_END}`,
  'uy',
);
const ISSUER_ADJACENT = new RegExp(
  `\\s+(${phraseAlternation(['ban chấp hành trung ương', 'bch tw', 'bchtw', 'trung ương', 'tw'])})${WORD_END}`,
  'uy',
);

const CONFIDENCE = {
  coded: 0.95,
  resolvedByCode: 0.85,
  plenum: 0.7,
  resolvedByContext: 0.65,
  plenumBorrowedTerm: 0.6,
  unresolved: 0.3,
};

interface Mention {
  ref: DocumentReference;
  confidence: number;
  start: number;
  end: number;
}

function reference(type: string, number: string, issuer: string | null): DocumentReference {
  return { code: issuer ? `${number}-${type}/${issuer}` : `${number}-${type}`, type, number, issuer };
}

function parseCode(code: string): DocumentReference | null {
  const m = /^(\d+)-([^/]+)\/(.+)$/u.exec(code);
  return m ? reference(m[2]!, m[1]!, m[3]!) : null;
}

function isUpper(text: string): boolean {
  return text === text.toUpperCase();
}

function issuerAt(folded: string, at: number): string | null {
  ISSUER_AFTER_OF.lastIndex = at;
  const m = ISSUER_AFTER_OF.exec(folded);
  if (m) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    return ISSUER_WORDS[group]?.[0] ?? null;
  }
  ISSUER_ADJACENT.lastIndex = at;
  return ISSUER_ADJACENT.test(folded) ? 'TW' : null;
}

function codedMentions(text: string, folded: string): Mention[] {
  const found: Mention[] = [];
  for (const m of folded.matchAll(CODED)) {
    const [typeStart, typeEnd] = m.indices![2]!;
    const [issuerStart, issuerEnd] = m.indices![3]!;
    const writtenType = text.slice(typeStart, typeEnd);
    const writtenIssuer = text.slice(issuerStart, issuerEnd);
    const type = TYPES.get(m[2]!)!;
    // Lower-case letters are read as a code only in the full `22-nq/tw` shape, where the dash vouches for it.
    const dashed = /[-–—]/u.test(m[0]);
    if (!dashed && (!(isUpper(writtenType) || writtenType === 'CTr') || !isUpper(writtenIssuer))) continue;
    const upperIssuer = writtenIssuer.toUpperCase();
    const issuer = upperIssuer === 'TƯ' ? 'TW' : upperIssuer;
    found.push({
      ref: reference(type, m[1]!, issuer),
      confidence: CONFIDENCE.coded,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return found;
}

/** Coded mentions grouped by type and numeric value, for resolving number-only mentions. */
type CodeIndex = ReadonlyMap<string, readonly Mention[]>;

function indexCodes(coded: readonly Mention[]): CodeIndex {
  const index = new Map<string, Mention[]>();
  for (const c of coded) {
    const key = `${c.ref.type}|${Number(c.ref.number)}`;
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
  return index;
}

/** Resolves a number-only mention (`Nghị quyết số 22`, `NQ09`) by coded mentions, then by issuer words. */
function resolveNumbered(
  type: string,
  number: string,
  folded: string,
  after: number,
  codes: CodeIndex,
): { ref: DocumentReference; confidence: number } {
  const issuer = issuerAt(folded, after);
  const same = codes.get(`${type}|${Number(number)}`) ?? [];
  const match = same.find((c) => c.ref.issuer === issuer) ?? (issuer === null ? same[0] : undefined);
  if (match) return { ref: match.ref, confidence: CONFIDENCE.resolvedByCode };
  if (issuer) return { ref: reference(type, number, issuer), confidence: CONFIDENCE.resolvedByContext };
  return { ref: reference(type, number, null), confidence: CONFIDENCE.unresolved };
}

function numberedMentions(text: string, folded: string, coded: readonly Mention[]): Mention[] {
  const found: Mention[] = [];
  const codes = indexCodes(coded);
  for (const m of folded.matchAll(NUMBER_ONLY)) {
    const end = m.index + m[0].length;
    const [numberStart] = m.indices![2]!;
    if (overlapsAny(coded, numberStart, end) || CODE_CONTINUES.test(folded.slice(end, end + 12))) continue;
    const type = TYPE_WORD_BY_KEY.get(m[1]!.replace(/\s+/g, ' '));
    if (!type) continue;
    found.push({ ...resolveNumbered(type, m[2]!, folded, end, codes), start: m.index, end });
  }
  for (const m of folded.matchAll(SHORTHAND)) {
    const [typeStart, typeEnd] = m.indices![1]!;
    const end = m.index + m[0].length;
    if (!isUpper(text.slice(typeStart, typeEnd)) || overlapsAny(coded, m.index, end)) continue;
    found.push({ ...resolveNumbered(TYPES.get(m[1]!)!, m[2]!, folded, end, codes), start: m.index, end });
  }
  return found;
}

function plenumMentions(text: string, folded: string): Mention[] {
  const mentions = findPlenumMentions(text, folded);
  const known = termsByPlenum(mentions);
  const found: Mention[] = [];
  for (const mention of mentions) {
    for (const { plenum, term } of mention.pairs) {
      const borrowed = term === null ? (known.get(plenum) ?? null) : null;
      const code = resolvePlenum(plenum, term ?? borrowed ?? '');
      const ref = code ? parseCode(code) : null;
      if (!ref) continue;
      const confidence = term ? CONFIDENCE.plenum : CONFIDENCE.plenumBorrowedTerm;
      found.push({ ref, confidence, start: mention.start, end: mention.end });
    }
  }
  return found;
}

/** Finds Party document references as `number-TYPE/ISSUER`, one item per code in order of first mention. */
export function findReferences(
  source: string,
  text: string,
  folded: string,
): ExtractedItem<DocumentReference>[] {
  const coded = codedMentions(text, folded);
  const all = [...coded, ...numberedMentions(text, folded, coded), ...plenumMentions(text, folded)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const items = new Map<string, ExtractedItem<DocumentReference>>();
  const seen = new Set<string>();
  for (const m of all) {
    const key = `${m.ref.code} ${m.start} ${m.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const evidence: Evidence = { start: m.start, end: m.end, text: source.slice(m.start, m.end) };
    const item = items.get(m.ref.code);
    if (item) {
      item.confidence = Math.max(item.confidence, m.confidence);
      item.evidence.push(evidence);
    } else items.set(m.ref.code, { value: m.ref, confidence: m.confidence, evidence: [evidence] });
  }
  return [...items.values()];
}
