import bylineWords from '../../../resources/extract/vi/bylines.json';
import { found, nothing } from './extracted';
import { collapseSpaces, foldKey, phraseAlternation } from './fold';
import { isBlank } from './layout';
import type { Doc, Line } from './layout';
import { provinceNamed } from './places';
import type { Extracted, Span } from './types';

/** Who wrote a report and for which outlet, as read from a byline or a photo credit. */
export interface Credit {
  /** The whole credit, prefix included. */
  span: Span;
  author: Span | null;
  outlet: Span | null;
  /** The outlet as an editor would write it (dashes spaced as ` - `). */
  outletValue: string | null;
  confidence: number;
}

const WRITER_PREFIX = new RegExp(
  `^(?:${phraseAlternation(bylineWords.writerPrefixes)})` +
    `(?:\\s*[,&/-]\\s*(?:${phraseAlternation(['ảnh'])}))?\\s*:\\s*`,
  'u',
);
const THEO = new RegExp(`^(?:${phraseAlternation(bylineWords.sourceWords)})\\s*:?\\s+`, 'u');
/** A collaborator's or reporter's signature before the name: `CTV Nguyễn Văn A/Báo X`, `PV Hồng Nhung`. */
const ROLE_PREFIX = /^(?:CTV|PV|NV)\.?\s+(?=\p{Lu})/u;
const PHOTO_WORD = `${phraseAlternation(['ảnh'])}\\s*:`;
const PHOTO_PREFIX = new RegExp(`(?:^[ \\t]*|\\(\\s*|\\.\\s+)(${PHOTO_WORD}\\s*)`, 'gmu');
/** The credit's word anywhere: a search that starts with a letter is quick, one that may start anywhere is not. */
const ANY_PHOTO_WORD = new RegExp(PHOTO_WORD, 'u');
const OUTLET_WORDS = new RegExp(`^(?:${phraseAlternation(bylineWords.outletWords)})\\s`, 'u');

const CONFIDENCE = { prefixed: 0.9, withOutlet: 0.85, theo: 0.8, bare: 0.75, photo: 0.5 };
const MAX_BYLINE = 100;

/**
 * True for 1–4 capitalised words, as in a byline name (`Ngọc Quy`, `Phùng Khiêm`), or 2–4 words in
 * capitals (`KIM LOAN`), as bylines are often printed.
 */
export function isNameLike(text: string): boolean {
  const words = collapseSpaces(text).split(' ');
  if (text.length > 40 || words.length < 1 || words.length > 4 || isNotPerson(text)) return false;
  return (
    words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)) ||
    (words.length >= 2 && words.every((w) => /^\p{Lu}{2,}$/u.test(w)))
  );
}

/** A name as an editor writes it: `KIM LOAN` → `Kim Loan`; title case and initials (`PTT`) stay as they are. */
export function nameCase(name: string): string {
  const collapsed = collapseSpaces(name);
  if (/\p{Ll}/u.test(collapsed) || /^\p{Lu}{2,4}$/u.test(collapsed)) return collapsed;
  return collapsed.replace(/\p{L}+/gu, (w) => w[0]! + w.slice(1).toLowerCase());
}

const NOT_PEOPLE = new Set(bylineWords.notPeople.map(foldKey));

/** Signatures that stand for a role, not a person (`PV`, `CTV`, `Nhóm PV`). */
export function isNotPerson(text: string): boolean {
  return NOT_PEOPLE.has(foldKey(text));
}

const DRAWN_ON = /^(?:[Tt]heo|[Nn]guồn|[Tt]ổng hợp)\s/u;

/** Acronyms that sign a report without naming an outlet: reporter, collaborator. */
const NOT_OUTLETS = new Set(bylineWords.notPeople.filter((w) => /^[\p{Lu}./-]+$/u.test(w)));

function isAcronym(text: string): boolean {
  return /^[\p{Lu}\d&.]{2,16}$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text) && !NOT_OUTLETS.has(text);
}

function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s\-–—,/]/u.test(text[s]!)) s++;
  while (e > s && /[\s\-–—,/.]/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function outletValue(text: string, span: Span): string {
  return collapseSpaces(text.slice(span.start, span.end).replace(/\s*[-–—]\s*/gu, ' - '));
}

/** True for one to three byline names separated by dashes or commas (`Ngọc Quy - Hồng Nhung`). */
export function isNamesLike(text: string): boolean {
  const parts = text.split(/\s*[-–—,]\s*/u);
  return parts.length <= 3 && parts.every(isNameLike);
}

/**
 * Reads `Name`, `Name/OUTLET`, `Name (OUTLET)` or `Name- Organisation` between `start` and `end`. What
 * follows a dash is an organisation unless it is a name too (two writers); a lone acronym is just an outlet.
 */
function readNameAndOutlet(
  text: string,
  start: number,
  end: number,
): Pick<Credit, 'author' | 'outlet' | 'outletValue'> | null {
  const body = text.slice(start, end);
  let name: Span = trimSpan(text, start, end);
  let outlet: Span | null = null;
  const paren = /\(\s*([^()]{2,40}?)\s*\)\s*$/u.exec(body);
  const slash = body.indexOf('/');
  const dash = /\s*[-–—]\s*/u.exec(body);
  if (paren && DRAWN_ON.test(paren[1]!)) {
    // `Anh Minh (Theo Metropolis Japan)`: what the writer drew on, not the outlet that published it.
    name = trimSpan(text, start, start + paren.index);
  } else if (paren) {
    outlet = trimSpan(text, start + paren.index + 1, start + paren.index + paren[0].length);
    while (outlet.end > outlet.start && /[)\s]/u.test(text[outlet.end - 1]!)) outlet.end--;
    name = trimSpan(text, start, start + paren.index);
  } else if (slash >= 0) {
    outlet = trimSpan(text, start + slash + 1, end);
    name = trimSpan(text, start, start + slash);
  } else if (dash && dash.index > 0 && !isNamesLike(body.trim())) {
    outlet = trimSpan(text, start + dash.index + dash[0].length, end);
    name = trimSpan(text, start, start + dash.index);
  }
  if (outlet && outlet.end <= outlet.start) outlet = null;
  const nameText = text.slice(name.start, name.end);
  const outletOf = (span: Span | null): string | null => (span ? outletValue(text, span) : null);
  if (nameText === '' && outlet) return { author: null, outlet, outletValue: outletOf(outlet) };
  if (outlet === null && isAcronym(nameText))
    return { author: null, outlet: name, outletValue: outletOf(name) };
  if (!isNamesLike(nameText) || provinceNamed(nameText)) return null;
  return { author: name, outlet, outletValue: outletOf(outlet) };
}

/** Reads a byline (`Tin, ảnh: X`, `Theo X`, `X/TTXVN`, `X- Organisation`; a bare name only when `last`). */
export function readByline(
  doc: Doc,
  line: Line,
  last: boolean,
  isOutlet: (name: string) => boolean = () => false,
): Credit | null {
  const { text } = doc;
  const length = line.contentEnd - line.contentStart;
  if (length === 0 || length > MAX_BYLINE) return null;
  const folded = doc.lineFolded(line);
  const span: Span = { start: line.contentStart, end: line.contentEnd };
  const prefix = WRITER_PREFIX.exec(folded);
  if (prefix) {
    const parsed = readNameAndOutlet(text, line.contentStart + prefix[0].length, line.contentEnd);
    return parsed ? { span, ...parsed, confidence: CONFIDENCE.prefixed } : null;
  }
  const theo = THEO.exec(folded);
  if (theo) {
    const rest = trimSpan(text, line.contentStart + theo[0].length, line.contentEnd);
    const restText = text.slice(rest.start, rest.end);
    if (isAcronym(restText) || isOutlet(restText) || OUTLET_WORDS.test(folded.slice(theo[0].length) + ' ')) {
      return {
        span,
        author: null,
        outlet: rest,
        outletValue: outletValue(text, rest),
        confidence: CONFIDENCE.theo,
      };
    }
    const parsed = readNameAndOutlet(text, rest.start, rest.end);
    return parsed ? { span, ...parsed, confidence: CONFIDENCE.theo } : null;
  }
  const role = ROLE_PREFIX.exec(text.slice(line.contentStart, line.contentEnd));
  const parsed = readNameAndOutlet(text, line.contentStart + (role?.[0].length ?? 0), line.contentEnd);
  if (!parsed) return null;
  if (parsed.author && (parsed.outlet || role)) return { span, ...parsed, confidence: CONFIDENCE.withOutlet };
  return last ? { span, ...parsed, confidence: CONFIDENCE.bare } : null;
}

/** Finds photo credits (`Ảnh: Ngọc Thiện/TTXVN`, `(Ảnh: TTXVN)`), each ending at its line or bracket. */
export function findPhotoCredits(text: string, folded: string): Credit[] {
  const credits: Credit[] = [];
  if (!ANY_PHOTO_WORD.test(folded)) return credits;
  for (const m of folded.matchAll(PHOTO_PREFIX)) {
    const prefixStart = m.index + m[0].length - m[1]!.length;
    const from = m.index + m[0].length;
    let to = from;
    while (to < text.length && text[to] !== '\n' && text[to] !== ')' && to - from < MAX_BYLINE) to++;
    const parsed = readNameAndOutlet(text, from, to);
    if (!parsed) continue;
    const end = trimSpan(text, from, to).end;
    credits.push({ span: { start: prefixStart, end }, ...parsed, confidence: CONFIDENCE.photo });
  }
  return credits;
}

/** The byline: among the last lines before the page blocks, the nearest line that reads as one. */
export function findByline(
  doc: Doc,
  from: number,
  to: number,
  skip: ReadonlySet<number>,
  isOutlet: (name: string) => boolean = () => false,
): { line: Line; credit: Credit } | null {
  let seen = 0;
  for (let i = to - 1; i >= from && seen < 3; i--) {
    const line = doc.lines[i]!;
    if (isBlank(line) || skip.has(i)) continue;
    const credit = readByline(doc, line, seen === 0, isOutlet);
    if (credit) return { line, credit };
    seen++;
  }
  return null;
}

/** The writer: the byline's name. A photo credit names who took the pictures, never the author. */
export function chooseAuthor(text: string, byline: Credit | null): Extracted<string | null> {
  if (!byline?.author) return nothing();
  const name = nameCase(text.slice(byline.author.start, byline.author.end));
  return found(text, name, byline.confidence, byline.author);
}
