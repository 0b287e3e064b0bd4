import documents from '../../../resources/extract/vi/documents.json';
import { WORD_END, WORD_START, foldKey, phraseAlternation } from './fold';
import { overlapsAny } from './layout';
import { findPlenumMentions, resolvePlenum, termsByPlenum } from './plenums';
import type { DocumentReference, Evidence, ExtractedItem } from './types';

const PARTY_TYPES: ReadonlyMap<string, string> = new Map(documents.partyTypes.map((t) => [foldKey(t), t]));
const STATE_TYPES = new Set(documents.stateTypes);
const EXCLUDED_STATE_TYPES = new Set(documents.excludedStateTypes);
const PARTY_ISSUERS = new Set(documents.partyIssuers);
const ISSUER_SPELLINGS: ReadonlyMap<string, string> = new Map(Object.entries(documents.issuerSpellings));
const TYPE_WORDS = documents.typeWords as [string, string][];

const ISSUER_WORDS = Object.entries(documents.issuerWords);

const CODE_LETTERS = [...PARTY_TYPES.keys()].sort((a, b) => b.length - a.length).join('|');
const CODED = new RegExp(
  `${WORD_START}(\\d{1,4})\\s*(?:[-–—]\\s*)?(${CODE_LETTERS})\\s*\\/\\s*(\\p{L}{1,10})${WORD_END}`,
  'gdu',
);
// A decision on personnel printed with its issuer glued on: `1638/QĐNSTƯ`.
const GLUED_ISSUER = new RegExp(
  `${WORD_START}(\\d{1,5})\\s*[-/]\\s*(qđns|qđ|nq|ct|kl)(tư|tw)${WORD_END}`,
  'gdu',
);
// State legal documents: `178/2024/NĐ-CP`, `46/NQ-CP`, `22/2013/QĐ-TTg`, `59/2020/QH14`, `02/20217/NĐ- CP`.
const STATE =
  /(?<![\p{L}\p{N}/])(\d{1,5})\s*\/\s*(?:(\d{4,5})\s*\/\s*)?(?:(\p{Lu}{1,6})\s*[-–]\s*(\p{Lu}[\p{L}\d]{0,11}(?:\s*[-–]\s*\p{Lu}[\p{L}\d]{0,11})?)|((?:UBTV)?QH\d{1,2}))(?![\p{L}\p{N}])/dgu;
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
  plenumBorrowedTerm: 0.6,
};

interface Mention {
  ref: DocumentReference;
  confidence: number;
  start: number;
  end: number;
}

function reference(type: string, number: string, issuer: string | null): DocumentReference {
  const code = issuer ? `${number}-${type}/${issuer}` : `${number}-${type}`;
  return { code, kind: 'party', type, number, issuer };
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
    const type = PARTY_TYPES.get(m[2]!)!;
    // Lower-case letters are read as a code only in the full `22-nq/tw` shape, where the dash vouches for it.
    const dashed = /[-–—]/u.test(m[0]);
    if (!dashed && (!(isUpper(writtenType) || writtenType === 'CTr') || !isUpper(writtenIssuer))) continue;
    const upperIssuer = writtenIssuer.toUpperCase();
    const issuer = ISSUER_SPELLINGS.get(upperIssuer) ?? upperIssuer;
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

/**
 * Resolves a number-only mention (`Nghị quyết số 22`, `NQ09`) to a code the report prints elsewhere,
 * the one of the issuer the words name when several share the number. Without such a code it is no code.
 */
function resolveNumbered(
  type: string,
  number: string,
  folded: string,
  after: number,
  codes: CodeIndex,
): { ref: DocumentReference; confidence: number } | null {
  const same = codes.get(`${type}|${Number(number)}`) ?? [];
  if (same.length === 0) return null;
  const issuer = issuerAt(folded, after);
  const match = same.find((c) => c.ref.issuer === issuer) ?? (issuer === null ? same[0] : undefined);
  return match ? { ref: match.ref, confidence: CONFIDENCE.resolvedByCode } : null;
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
    const resolved = resolveNumbered(type, m[2]!, folded, end, codes);
    if (resolved) found.push({ ...resolved, start: m.index, end });
  }
  for (const m of folded.matchAll(SHORTHAND)) {
    const [typeStart, typeEnd] = m.indices![1]!;
    const end = m.index + m[0].length;
    if (!isUpper(text.slice(typeStart, typeEnd)) || overlapsAny(coded, m.index, end)) continue;
    const resolved = resolveNumbered(PARTY_TYPES.get(m[1]!)!, m[2]!, folded, end, codes);
    if (resolved) found.push({ ...resolved, start: m.index, end });
  }
  return found;
}

/** Plenum resolutions (`Nghị quyết Trung ương 4 khóa XII`), as more evidence for a code printed elsewhere. */
function plenumMentions(text: string, folded: string, printed: ReadonlySet<string>): Mention[] {
  const mentions = findPlenumMentions(text, folded);
  const known = termsByPlenum(mentions);
  const found: Mention[] = [];
  for (const mention of mentions) {
    for (const { plenum, term } of mention.pairs) {
      const borrowed = term === null ? (known.get(plenum) ?? null) : null;
      const code = resolvePlenum(plenum, term ?? borrowed ?? '');
      const ref = code && printed.has(code) ? parseCode(code) : null;
      if (!ref) continue;
      const confidence = term ? CONFIDENCE.plenum : CONFIDENCE.plenumBorrowedTerm;
      found.push({ ref, confidence, start: mention.start, end: mention.end });
    }
  }
  return found;
}

/** `1638/QĐNSTƯ`: a Party code printed with a slash for its dash and its issuer glued on. */
function gluedMentions(text: string, folded: string): Mention[] {
  const found: Mention[] = [];
  for (const m of folded.matchAll(GLUED_ISSUER)) {
    const [typeStart, issuerEnd] = [m.indices![2]![0], m.indices![3]![1]];
    if (!isUpper(text.slice(typeStart, issuerEnd))) continue;
    const type = PARTY_TYPES.get(m[2]!)!;
    found.push({
      ref: reference(type, m[1]!, 'TW'),
      confidence: CONFIDENCE.coded,
      start: m.index,
      end: issuerEnd,
    });
  }
  return found;
}

/** State legal documents (`178/2024/NĐ-CP`, `46/NQ-CP`, `59/2020/QH14`), normalised without spaces. */
function stateMentions(text: string): Mention[] {
  const found: Mention[] = [];
  for (const m of text.matchAll(STATE)) {
    const [number, year, type, issuer, assembly] = [m[1]!, m[2], m[3], m[4], m[5]];
    const start = m.index;
    const end = m.index + m[0].length;
    // `1517/QĐNS-TW`: a Party code printed with the State's punctuation.
    const partyIssuer = issuer?.replace(/\s+/gu, '').toUpperCase().replace('TƯ', 'TW');
    if (!year && type && partyIssuer && PARTY_ISSUERS.has(partyIssuer) && PARTY_TYPES.has(foldKey(type))) {
      const ref = reference(PARTY_TYPES.get(foldKey(type))!, number, partyIssuer);
      found.push({ ref, confidence: CONFIDENCE.coded, start, end });
      continue;
    }
    if (type !== undefined && (!STATE_TYPES.has(type) || EXCLUDED_STATE_TYPES.has(type))) continue;
    const cleanIssuer = issuer?.replace(/\s+/gu, '').replace(/[–]/gu, '-') ?? null;
    const tail = assembly ?? `${type}-${cleanIssuer}`;
    const code = year ? `${number}/${year}/${tail}` : `${number}/${tail}`;
    const ref: DocumentReference = {
      code,
      kind: 'state',
      type: type ?? assembly!.replace(/\d+$/u, ''),
      number,
      issuer: assembly ?? cleanIssuer,
    };
    found.push({ ref, confidence: CONFIDENCE.coded, start, end });
  }
  return found;
}

/**
 * Finds the documents a report cites by code, one item per code in order of first mention: Party
 * documents as `number-TYPE/ISSUER`, State legal documents as issued. A mention without a code counts
 * only as more evidence for a code the report prints.
 */
export function findReferences(
  source: string,
  text: string,
  folded: string,
): ExtractedItem<DocumentReference>[] {
  const coded = [...codedMentions(text, folded), ...gluedMentions(text, folded), ...stateMentions(text)];
  const printed = new Set(coded.map((c) => c.ref.code));
  const all = [
    ...coded,
    // Number-only mentions count only as more evidence for printed codes: without any, none is read.
    ...(coded.length > 0 ? numberedMentions(text, folded, coded) : []),
    ...(coded.length > 0 ? plenumMentions(text, folded, printed) : []),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
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
