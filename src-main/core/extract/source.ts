import type { Credit } from './byline';
import { found, nothing } from './extracted';
import type { Extracted } from './types';

/** An outlet code opening the lead: `(TGCT)`, `LSO-`, `TTXVN- `, `Cần Thơ (TTXVN) - `. */
export interface LeadPrefix {
  /** Span of the code as written, without brackets or dash. */
  start: number;
  end: number;
  /** Where the lead text proper (usually a dateline) starts. */
  after: number;
}

const BRACKETED = /\(\s*([\p{L}\d&.]{2,24})\s*\)[ \u00a0]*(?:[-–—:][ \u00a0]*)?/uy;
const DASHED = /(\p{Lu}[\p{Lu}\d&]{1,9})[ \u00a0]*[-–—][ \u00a0]*/uy;
const PLACE_THEN_BRACKETED =
  /(?:\p{Lu}\p{Ll}*[ \u00a0]){0,3}\p{Lu}\p{Ll}*[ \u00a0]*\(\s*(\p{Lu}[\p{Lu}&]{1,9})\s*\)[ \u00a0]*[-–—:]?[ \u00a0]*/uy;

function looksLikeOutlet(code: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(code) || /\.vn$/iu.test(code);
}

/** Reads an outlet prefix at position `at` of the text (the start of a lead paragraph). */
export function readLeadPrefix(text: string, at: number): LeadPrefix | null {
  for (const re of [BRACKETED, DASHED, PLACE_THEN_BRACKETED]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || !looksLikeOutlet(m[1]!)) continue;
    const start = m.index + m[0].indexOf(m[1]!, re === PLACE_THEN_BRACKETED ? m[0].lastIndexOf('(') : 0);
    return { start, end: start + m[1]!.length, after: re.lastIndex };
  }
  return null;
}

/** The outlet: the lead's prefix, else the byline's outlet, else a photo credit's. */
export function chooseSource(
  text: string,
  prefix: LeadPrefix | null,
  byline: Credit | null,
  credits: readonly Credit[],
): Extracted<string | null> {
  if (prefix) return found(text, text.slice(prefix.start, prefix.end), 0.9, prefix);
  const credit = [...(byline ? [byline] : []), ...credits].find((c) => c.outlet && c.outletValue);
  return credit?.outlet && credit.outletValue
    ? found(text, credit.outletValue, credit.confidence, credit.outlet)
    : nothing();
}
