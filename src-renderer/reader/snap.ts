const WORD = /[\p{L}\p{M}\p{N}]/u;

/**
 * A selection (UTF-16 offsets) widened to the whole words it touches and trimmed of the spaces, line breaks
 * and punctuation at its edges, as annotators mean it: a drag that starts mid-word or ends after a space
 * still labels exactly the words. A selection of punctuation alone is left as it is.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && !WORD.test(charAt(text, from))) from += charAt(text, from).length;
  while (to > from && !WORD.test(charBefore(text, to))) to -= charBefore(text, to).length;
  if (from === to) return { start, end };
  while (from > 0 && WORD.test(charBefore(text, from))) from -= charBefore(text, from).length;
  while (to < text.length && WORD.test(charAt(text, to))) to += charAt(text, to).length;
  return { start: from, end: to };
}

function charAt(text: string, at: number): string {
  return String.fromCodePoint(text.codePointAt(at)!);
}

function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  // A trailing surrogate: the character before `at` is the pair.
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.slice(at - 1, at);
}
