/**
 * Folds text for search: lower case, diacritics and tone marks removed, đ → d, NBSP and other spaces → space.
 * The fold maps each UTF-16 unit of NFC text to exactly one unit, so offsets in the folded text are offsets
 * in the original: `Thành uỷ`, `Thành ủy` and `thanh uy` all fold to `thanh uy`.
 */
export function foldForSearch(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text.charCodeAt(i), text[i]!);
  return out;
}

const foldCache = new Map<number, string>();

function foldUnit(code: number, char: string): string {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : char;
  let folded = foldCache.get(code);
  if (folded === undefined) {
    folded = foldNonAscii(char);
    foldCache.set(code, folded);
  }
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
