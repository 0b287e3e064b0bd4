import { unitsToString } from './units';

/**
 * Folds text for search: lower case, diacritics and tone marks removed, đ → d, NBSP and other spaces → space.
 * The fold maps each UTF-16 unit of NFC text to exactly one unit, so offsets in the folded text are offsets
 * in the original: `Thành uỷ`, `Thành ủy` and `thanh uy` all fold to `thanh uy`.
 */
export function foldForSearch(text: string): string {
  return unitsToString(foldUnitsForSearch(text));
}

/** `foldForSearch` as UTF-16 units, for the tokenizer, which reads words off them without making strings. */
export function foldUnitsForSearch(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i] = foldTable[code] || foldUnit(code);
  }
  return out;
}

/** The folded unit of every UTF-16 unit, filled on first sight (0 = not yet computed). */
const foldTable = new Uint16Array(65536);

function foldUnit(code: number): number {
  const char = String.fromCharCode(code);
  const folded =
    code < 0x80 ? (code >= 0x41 && code <= 0x5a ? code + 32 : code) : foldNonAscii(char).charCodeAt(0);
  foldTable[code] = folded;
  return folded;
}

function foldNonAscii(char: string): string {
  if (/\s/u.test(char)) return ' ';
  if (char === 'đ' || char === 'Đ') return 'd';
  const base = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  // Keep the one-unit-per-unit promise: characters that fold to several letters (ß, ﬁ) or to nothing keep a stand-in.
  if (base.length === 1) return base;
  return base.length === 0 ? ' ' : char.toLowerCase().length === 1 ? char.toLowerCase() : char;
}
