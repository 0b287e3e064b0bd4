import { unitsToString } from '../text/units';

/** The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const BASE_VOWELS = 'aăâeêioôơuưy';
/** Each toneless lower-case vowel's number (from 1), 0 for other units. */
const VOWELS = new Uint8Array(65536);
for (let v = 0; v < BASE_VOWELS.length; v++) VOWELS[BASE_VOWELS.charCodeAt(v)] = v + 1;
/** Each vowel with each tone as one unit, by vowel number and tone; 0 until first needed. */
const composed = new Uint16Array((BASE_VOWELS.length + 1) * (TONE_MARKS.length + 1));

// Per UTF-16 unit, filled lazily: lower case without tone, lower case with tone, flags (done, letter, tone).
const baseTable = new Uint16Array(65536);
const lowerTable = new Uint16Array(65536);
const flagTable = new Uint8Array(65536);
const COMPUTED = 1;
const LETTER = 2;
const TONE_SHIFT = 2;

/** True for a UTF-16 unit that scraped pages use as white space (ASCII, NBSP, U+2000–U+200B, BOM). */
export function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function computeUnit(code: number): number {
  const unit = String.fromCharCode(code);
  let base = code;
  let lower = code;
  let flags = COMPUTED;
  if (code >= 128 && isSpaceCode(code)) {
    base = lower = 32;
  } else {
    const lowered = unit.toLowerCase();
    // Keep one unit per unit: characters whose lower case is longer (İ) stay as they are.
    if (lowered.length === 1) base = lower = lowered.charCodeAt(0);
    if (/\p{L}/u.test(unit)) {
      flags |= LETTER;
      let rest = '';
      let marks = 0;
      let tone = 0;
      for (const ch of String.fromCharCode(lower).normalize('NFD')) {
        const t = TONE_MARKS.indexOf(ch);
        if (t >= 0) {
          tone = t + 1;
          marks++;
        } else rest += ch;
      }
      const recomposed = rest.normalize('NFC');
      if (marks === 1 && recomposed.length === 1) {
        base = recomposed.charCodeAt(0);
        flags |= tone << TONE_SHIFT;
      }
    }
  }
  baseTable[code] = base;
  lowerTable[code] = lower;
  flagTable[code] = flags;
  return flags;
}

/** Whether a UTF-16 unit is a letter (`\p{L}`), from a table filled on first sight: far cheaper than a regex. */
export function isLetterCode(code: number): boolean {
  let flags = flagTable[code]!;
  if (flags === 0) flags = computeUnit(code);
  return (flags & LETTER) !== 0;
}

/** A unit in lower case without its tone mark: what it folds to, whichever vowel its word's tone goes on. */
export function baseOf(code: number): number {
  if (flagTable[code] === 0) computeUnit(code);
  return baseTable[code]!;
}

/** The vowel `base` (toneless, lower case) with the tone, as one unit. */
function compose(base: number, tone: number): number {
  const key = VOWELS[base]! * (TONE_MARKS.length + 1) + tone;
  let unit = composed[key]!;
  if (unit === 0) {
    const nfc = (String.fromCharCode(base) + TONE_MARKS[tone - 1]!).normalize('NFC');
    composed[key] = unit = nfc.length === 1 ? nfc.charCodeAt(0) : base;
  }
  return unit;
}

/** Puts a word's tone mark on its last vowel (one mark), or leaves every mark where written (several). */
function placeTone(
  text: string,
  out: Uint16Array,
  wordStart: number,
  end: number,
  tones: number,
  tone: number,
  tonePosition: number,
): void {
  if (tones === 1) {
    let j = end - 1;
    while (j >= wordStart && VOWELS[out[j]!] === 0) j--;
    if (j >= wordStart) out[j] = compose(out[j]!, tone);
    else out[tonePosition] = lowerTable[text.charCodeAt(tonePosition)]!;
  } else {
    // Not a Vietnamese syllable.
    for (let j = wordStart; j < end; j++) out[j] = lowerTable[text.charCodeAt(j)]!;
  }
}

/** Reports up to this long are folded in one buffer kept between calls, not a new one each time. */
const SCRATCH_LENGTH = 65536;
const scratch = new Uint16Array(SCRATCH_LENGTH);
/** Below this length a string is built unit by unit: a decoder's call costs more than the text. */
const SHORT_TEXT = 32;

/** Folds text for matching, keeping its length: lower case, spaces to ' ', tone marks on one vowel. */
export function foldText(text: string): string {
  // Moving each word's tone mark to its last vowel makes placement variants (`uỷ`/`ủy`, `khoá`/`khóa`) alike
  // while keeping one unit per unit, so offsets in the folded text are offsets in the original.
  const n = text.length;
  const out = n <= SCRATCH_LENGTH ? scratch.subarray(0, n) : new Uint16Array(n);
  let wordStart = -1;
  let tone = 0;
  let tones = 0;
  let tonePosition = -1;
  // Locals only, since this runs over every character of a corpus.
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let flags = flagTable[code]!;
    if (flags === 0) flags = computeUnit(code);
    out[i] = baseTable[code]!;
    if (flags & LETTER) {
      if (wordStart < 0) wordStart = i;
      const t = flags >> TONE_SHIFT;
      if (t !== 0) {
        tones++;
        tone = t;
        tonePosition = i;
      }
    } else if (wordStart >= 0) {
      if (tones > 0) placeTone(text, out, wordStart, i, tones, tone, tonePosition);
      wordStart = -1;
      tones = 0;
    }
  }
  if (tones > 0) placeTone(text, out, wordStart, n, tones, tone, tonePosition);
  return n <= SHORT_TEXT ? shortString(out) : unitsToString(out);
}

/** `unitsToString` for a few units: a lone surrogate becomes U+FFFD there too, keeping the length. */
function shortString(units: Uint16Array): string {
  let text = '';
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const next = units[i + 1] ?? 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      text += String.fromCharCode(unit, next);
      i++;
    } else text += String.fromCharCode(unit >= 0xd800 && unit <= 0xdfff ? 0xfffd : unit);
  }
  return text;
}

/** Collapses white space in already folded text to single spaces and trims, giving a comparison key. */
export function squash(folded: string): string {
  return folded.replace(/\s+/g, ' ').trim();
}

const foldKeys = new Map<string, string>();
const FOLD_KEYS_KEPT = 50_000;

/** Folds a phrase for comparison: `foldText`, white space collapsed to single spaces, trimmed. */
export function foldKey(text: string): string {
  // Names and words are folded over and over (every capitalised word is checked against the surnames).
  let key = foldKeys.get(text);
  if (key === undefined) {
    if (foldKeys.size >= FOLD_KEYS_KEPT) foldKeys.clear();
    key = squash(foldText(text));
    foldKeys.set(text, key);
  }
  return key;
}

/** Collapses runs of white space (NBSP included) to one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}

/** Escapes a string for literal use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Builds a regex alternation (longest first) of folded phrases, their spaces matching any white space. */
export function phraseAlternation(phrases: readonly string[]): string {
  const folded = [...new Set(phrases.map(foldKey))].sort((a, b) => b.length - a.length);
  return folded.map((p) => escapeRegExp(p).replace(/ /g, '\\s+')).join('|');
}

/** Regex lookbehind: no letter or digit right before. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
/** Regex lookahead: no letter or digit right after. */
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** Counts upper-case letters, used to prefer `Bí thư` over the scraping damage `Bí Thư`. */
export function countCapitals(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== ch.toLowerCase()) n++;
  return n;
}

/** Picks the spelling written most often; ties go to fewer capital letters, then to the first seen. */
export function preferredSpelling(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best = '';
  let bestCount = -1;
  for (const [s, n] of counts) {
    if (n > bestCount || (n === bestCount && countCapitals(s) < countCapitals(best))) {
      best = s;
      bestCount = n;
    }
  }
  return best;
}

/** True when a word starts with an upper-case letter and continues in lower case (`Thành`, `Đảng`). */
export function isCapitalisedWord(word: string): boolean {
  return /^\p{Lu}\p{Ll}*$/u.test(word);
}
