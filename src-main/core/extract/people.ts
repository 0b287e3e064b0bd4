import words from '../../../resources/extract/vi/people.json';
import {
  WORD_END,
  WORD_START,
  collapseSpaces,
  foldKey,
  isLetterCode,
  phraseAlternation,
  preferredSpelling,
} from './fold';
import { insideAny } from './layout';
import { provinceNamed } from './places';
import type { Evidence, ExtractedItem, Person, Span } from './types';

const SURNAMES = new Set(words.surnames.map(foldKey));

const POSITION = new RegExp(
  `(?:${phraseAlternation(words.positionPrefixes)})?\\s*(?:${phraseAlternation(words.deputy)}\\s+)?(?:${phraseAlternation(words.positions)})${WORD_END}`,
  'uy',
);

/** A role ends at a lower-case word after the title: a verb, an auxiliary, a preposition, an honorific. */
const ROLE_END = new RegExp(
  [
    `(?:${phraseAlternation(words.roleEnd)})${WORD_END}`,
    ...Object.entries(words.roleEndUnlessFollowed).map(
      ([word, unless]) => `${phraseAlternation([word])}${WORD_END}(?!\\s*(?:${phraseAlternation(unless)}))`,
    ),
  ].join('|'),
  'uy',
);
const AND = new RegExp(`${phraseAlternation(['và'])}${WORD_END}`, 'uy');
const HONORIFIC_BEFORE = new RegExp(
  `${WORD_START}(?:${phraseAlternation(words.honorifics)})\\s*(?::\\s*)?$`,
  'u',
);
const ROLE_SEPARATOR = /[ \u00a0]*(?:[,\-–—][ \u00a0]*|(?=\p{Lu}))/uy;
const MAX_ROLE = 200;
const MAX_ROLE_BEFORE = 100;
const CLAUSE_BREAK = new Set([',', ';', '.', ':', '!', '?', '(', ')', '“', '”', '"', '\n']);
const STOPS = new Set([';', '!', '?', '“', '”', '"', '(', ':', '\n']);

/** True when a capitalised word is a common Vietnamese surname. */
export function isSurname(word: string): boolean {
  return word.length <= 8 && SURNAMES.has(foldKey(word));
}

/** True when a position word (`Bí thư`, `Phó trưởng Ban`, `Ủy viên`…) starts at `at` in folded text. */
export function positionAt(folded: string, at: number): boolean {
  POSITION.lastIndex = at;
  return POSITION.test(folded);
}

/** True when `đồng chí`, `đ/c`, `ông` or `bà` (optionally with a colon) ends right before `at`. */
export function honorificBefore(folded: string, at: number): boolean {
  let from = Math.max(0, at - 16);
  // Start the window on a word boundary so that `không` is not read as `ông`.
  while (from > 0 && from < at && isLetter(folded[from - 1])) from++;
  return HONORIFIC_BEFORE.test(folded.slice(from, at));
}

/** True for a word in capitals that cannot be part of a name: an acronym without a vowel (`HĐND`), `UBND`. */
function isAcronymWord(word: string): boolean {
  if (word.length < 2 || word !== word.toUpperCase()) return false;
  return word === 'UBND' || !/[AEIOUY]/u.test(word.normalize('NFD'));
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && isLetterCode(ch.charCodeAt(0));
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (text[i] === ' ' || text[i] === '\u00a0') i++;
  return i;
}

/** Reads the role written after a name (`, Ủy viên Trung ương Đảng, Bí thư Thành ủy`) up to its end. */
function readRole(text: string, folded: string, at: number): Span | null {
  ROLE_SEPARATOR.lastIndex = at;
  if (!ROLE_SEPARATOR.exec(text)) return null;
  const start = ROLE_SEPARATOR.lastIndex;
  if (!positionAt(folded, start)) return null;
  let end = text.length;
  let lastBreak = start;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (i - start > MAX_ROLE) {
      end = lastBreak;
      break;
    }
    if (STOPS.has(ch)) {
      end = i;
      break;
    }
    if (ch === '.') {
      // `TP. Hồ Chí Minh` keeps going; a full stop ends the role.
      if (/tp$/u.test(folded.slice(Math.max(start, i - 2), i)) && !/\p{L}/u.test(folded[i - 3] ?? ''))
        continue;
      end = i;
      break;
    }
    if (ch === ',') {
      const next = skipSpaces(text, i + 1);
      if (positionAt(folded, next)) {
        lastBreak = i;
        continue;
      }
      end = i;
      break;
    }
    if (isLetter(ch) && !isLetter(text[i - 1]) && ch === ch.toLowerCase()) {
      AND.lastIndex = i;
      if (AND.test(folded)) {
        const next = skipSpaces(text, AND.lastIndex);
        if (positionAt(folded, next)) continue;
        end = i;
        break;
      }
      ROLE_END.lastIndex = i;
      if (ROLE_END.test(folded)) {
        end = i;
        break;
      }
    }
  }
  while (end > start && /[\s\-–—,]/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Reads a role written before a name in the same clause (`Bí thư Tỉnh ủy Lâm Thị Phương Thanh`). */
function readRoleBefore(text: string, folded: string, end: number): Span | null {
  let start = end;
  while (start > 0 && end - start < MAX_ROLE_BEFORE && !CLAUSE_BREAK.has(text[start - 1]!)) start--;
  let roleStart = -1;
  for (let i = start; i < end; i++) {
    if (!isLetter(text[i]) || isLetter(text[i - 1])) continue;
    if (roleStart < 0) {
      if (positionAt(folded, i)) roleStart = i;
      continue;
    }
    // `Chủ tịch UBND tỉnh tiếp Nguyễn Văn A`: after a verb the name is the object, not the holder of the title.
    ROLE_END.lastIndex = i;
    if (text[i] === text[i]!.toLowerCase() && ROLE_END.test(folded)) return null;
  }
  if (roleStart < 0) return null;
  let e = end;
  while (e > roleStart && /[\s\-–—,]/u.test(text[e - 1]!)) e--;
  return e > roleStart ? { start: roleStart, end: e } : null;
}

/** Finds the name in a run of capitalised words: 2–5 words from the first surname, up to a position word. */
function nameInRun(text: string, words: readonly Span[], folded: string): Span | null {
  const first = words.findIndex((w) => isSurname(text.slice(w.start, w.end)));
  if (first < 0) return null;
  const continues = (w: Span): boolean =>
    !positionAt(folded, w.start) && !isAcronymWord(text.slice(w.start, w.end));
  let last = first;
  while (last + 1 < words.length && last - first < 4 && continues(words[last + 1]!)) last++;
  if (last === first) return null;
  // More capitalised words than a name holds: an organisation or a place, not a person.
  if (last + 1 < words.length && last - first === 4 && !positionAt(folded, words[last + 1]!.start))
    return null;
  return { start: words[first]!.start, end: words[last]!.end };
}

interface PersonMention {
  key: string;
  name: string;
  role: string | null;
  inCaption: boolean;
  confidence: number;
  evidence: Evidence;
}

/**
 * Picks a person's role: the most complete (longest), then the most written. A caption's role competes only
 * when it contains every role the body gives, so that a caption damaged by scraping cannot beat the body.
 */
function chooseRole(mentions: readonly PersonMention[]): string | null {
  const withRole = mentions.filter((m) => m.role !== null);
  const bodyKeys = [...new Set(withRole.filter((m) => !m.inCaption).map((m) => foldKey(m.role!)))];
  const covers = (role: string): boolean => {
    const key = foldKey(role);
    return bodyKeys.every((k) => key.includes(k));
  };
  const pool = withRole.filter((m) => !m.inCaption || covers(m.role!));
  if (pool.length === 0) return null;
  const groups = new Map<string, string[]>();
  for (const m of pool) {
    const key = foldKey(m.role!);
    const list = groups.get(key);
    if (list) list.push(m.role!);
    else groups.set(key, [m.role!]);
  }
  const [, spellings] = [...groups].reduce((a, b) =>
    b[0].length > a[0].length || (b[0].length === a[0].length && b[1].length > a[1].length) ? b : a,
  );
  return preferredSpelling(spellings);
}

/** Finds persons (a surname-led name after `đồng chí`/`ông`/`bà` or with a position), one item each. */
export function findPeople(
  source: string,
  text: string,
  folded: string,
  captions: readonly Span[],
  excluded: readonly Span[],
): ExtractedItem<Person>[] {
  const mentions: PersonMention[] = [];
  for (const words of capitalisedRuns(text)) {
    const name = nameInRun(text, words, folded);
    if (!name || insideAny(excluded, name.start, name.end)) continue;
    const written = collapseSpaces(source.slice(name.start, name.end));
    if (provinceNamed(written)) continue;
    const honorific = honorificBefore(folded, name.start);
    const after = readRole(text, folded, name.end);
    const before = after || honorific ? null : readRoleBefore(text, folded, name.start);
    const role = after ?? before;
    if (!honorific && !role) continue;
    const start = before ? before.start : name.start;
    const end = after ? after.end : name.end;
    const inCaption = insideAny(captions, name.start, name.end);
    const confidence = (honorific && role ? 0.9 : after ? 0.85 : role ? 0.75 : 0.7) - (inCaption ? 0.1 : 0);
    mentions.push({
      key: foldKey(written),
      name: written,
      role: role ? collapseSpaces(source.slice(role.start, role.end)) : null,
      inCaption,
      confidence,
      evidence: { start, end, text: source.slice(start, end) },
    });
  }
  const byPerson = new Map<string, PersonMention[]>();
  for (const m of mentions) {
    const group = byPerson.get(m.key);
    if (group) group.push(m);
    else byPerson.set(m.key, [m]);
  }
  return [...byPerson.values()].map((group) => ({
    value: { name: preferredSpelling(group.map((m) => m.name)), role: chooseRole(group) },
    confidence: group.reduce((best, m) => Math.max(best, m.confidence), 0),
    evidence: group.map((m) => m.evidence),
  }));
}

const UPPER = 1;
const LOWER = 2;
const OTHER_LETTER = 3;
const DIGIT = 4;
const NEITHER = 5;
/** The class of each UTF-16 unit (0 until first seen). */
const unitClasses = new Uint8Array(65536);

function classOf(code: number): number {
  let kind = unitClasses[code]!;
  if (kind === 0) {
    const ch = String.fromCharCode(code);
    kind = /\p{Lu}/u.test(ch)
      ? UPPER
      : /\p{Ll}/u.test(ch)
        ? LOWER
        : /\p{L}/u.test(ch)
          ? OTHER_LETTER
          : /\p{N}/u.test(ch)
            ? DIGIT
            : NEITHER;
    unitClasses[code] = kind;
  }
  return kind;
}

/** End of the capitalised word (`Văn`, `HĐND`, `A`) starting at `at`, or -1 when none starts there. */
function capitalisedWordEnd(text: string, at: number): number {
  if (at >= text.length || classOf(text.charCodeAt(at)) !== UPPER) return -1;
  let end = at + 1;
  const rest = end < text.length ? classOf(text.charCodeAt(end)) : NEITHER;
  if (rest === LOWER || rest === UPPER)
    while (end < text.length && classOf(text.charCodeAt(end)) === rest) end++;
  const next = end < text.length ? classOf(text.charCodeAt(end)) : NEITHER;
  // A word must end where letters and digits end (`Văn2` and `ThànhPhố` are not words of a name).
  return next === NEITHER ? end : -1;
}

/** End of the run of letters and digits (any case) that `at` is in or starts. */
function wordCharsEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && classOf(text.charCodeAt(end)) !== NEITHER) end++;
  return end;
}

/**
 * The words of each run of two or more capitalised words joined by single spaces (`Nguyễn Văn A`, `Ban Tổ
 * chức`), not inside a longer word: what the pattern `\p{Lu}(?:\p{Ll}+|\p{Lu}*)` repeated with `[ \u00a0]`
 * between finds, scanned by hand because this runs over every report and a Unicode-class regex costs several
 * times more.
 */
function capitalisedRuns(text: string): Span[][] {
  const runs: Span[][] = [];
  let i = 0;
  while (i < text.length) {
    if (classOf(text.charCodeAt(i)) === NEITHER) {
      i++;
      continue;
    }
    // Here a word starts (what is before is not a letter or digit); none can start again before its end.
    const first = capitalisedWordEnd(text, i);
    if (first < 0) {
      i = wordCharsEnd(text, i);
      continue;
    }
    const words: Span[] = [{ start: i, end: first }];
    let end = first;
    for (;;) {
      const separator = text.charCodeAt(end);
      if (separator !== 0x20 && separator !== 0xa0) break;
      const next = capitalisedWordEnd(text, end + 1);
      if (next < 0) break;
      words.push({ start: end + 1, end: next });
      end = next;
    }
    if (words.length >= 2) runs.push(words);
    i = end;
  }
  return runs;
}
