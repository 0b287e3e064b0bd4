/**
 * Finds where a quote now stands when the text under an annotation no longer matches it (the original file
 * was changed on disk): the occurrence nearest to the old start, or null when the quote is gone.
 */
export function relocateQuote(text: string, quote: string, oldStart: number): number | null {
  if (quote.length === 0) return null;
  let best: number | null = null;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best === null || Math.abs(at - oldStart) < Math.abs(best - oldStart)) best = at;
    if (at > oldStart) break;
  }
  return best;
}

/** Start offsets (UTF-16) of every occurrence of `needle` in `text`, overlapping ones included. */
export function occurrencesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
