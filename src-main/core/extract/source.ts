import type { Credit } from './byline';
import { found, nothing } from './extracted';
import { hostOf } from './outlets';
import type { OutletRegistry } from './outlets';
import type { HeaderValue } from './structure';
import type { Extracted } from './types';

/** An outlet code opening the lead: `(TGCT)`, `LSO-`, `TTXVN- `, `Cần Thơ (TTXVN) - `. */
export interface LeadPrefix {
  /** Span of the code as written, without brackets or dash. */
  start: number;
  end: number;
  /** Where the lead text proper (usually a dateline) starts. */
  after: number;
}

const BRACKETED =
  /\(\s*([\p{L}\d&.+](?:[\p{L}\d&.+ ]{0,22}[\p{L}\d&.+])?)\s*\)[ \u00a0]*(?:[-–—:][ \u00a0]*)?/uy;
const DASHED = /(\p{Lu}[\p{Lu}\d&]{1,9})[ \u00a0]*[-–—][ \u00a0]*/uy;
const PLACE_THEN_BRACKETED =
  /(?:\p{Lu}\p{Ll}*[ \u00a0]){0,3}\p{Lu}\p{Ll}*[ \u00a0]*\(\s*(\p{Lu}[\p{Lu}&]{1,9})\s*\)[ \u00a0]*[-–—:]?[ \u00a0]*/uy;

/** An outlet's tag: an acronym or a domain, or any name the registry knows (`Dân trí`). */
function looksLikeOutlet(code: string, registry: OutletRegistry | null): boolean {
  if (registry?.named(code)) return true;
  return !code.includes(' ') && (/\p{Lu}.*\p{Lu}/u.test(code) || /\.(?:vn|com|net|org)$/iu.test(code));
}

/** Reads an outlet prefix at position `at` of the text (the start of a lead paragraph). */
export function readLeadPrefix(
  text: string,
  at: number,
  registry: OutletRegistry | null = null,
): LeadPrefix | null {
  for (const re of [BRACKETED, DASHED, PLACE_THEN_BRACKETED]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || !looksLikeOutlet(m[1]!, registry)) continue;
    const start = m.index + m[0].indexOf(m[1]!, re === PLACE_THEN_BRACKETED ? m[0].lastIndexOf('(') : 0);
    return { start, end: start + m[1]!.length, after: re.lastIndex };
  }
  return null;
}

/** What the outlet can be read from, most direct first. */
export interface SourceEvidence {
  /** The tag opening the lead: `(QNO) -`, `(Dân trí) -`. */
  prefix: LeadPrefix | null;
  /** The byline, which may name the outlet (`Theo TTXVN`, `Thanh Sang/TTXVN`). */
  byline: Credit | null;
  /** The scraper's `Source:` header. */
  header: HeaderValue | null;
  /** The article's address. */
  url: HeaderValue | null;
  registry: OutletRegistry;
}

/**
 * The outlet as the report prints it (the lead's tag, the byline's outlet, the header), else the domain of
 * the article's address. An agency credited for a photo is not it.
 */
export function chooseSource(text: string, evidence: SourceEvidence): Extracted<string | null> {
  const { prefix, byline, header, url, registry } = evidence;
  if (prefix) return found(text, text.slice(prefix.start, prefix.end), 0.9, prefix);
  if (byline?.outlet && byline.outletValue) {
    return found(text, byline.outletValue, byline.confidence, byline.outlet);
  }
  if (header) return found(text, header.value, 0.9, header.span);
  if (!url) return nothing();
  // Named only by its address, an outlet is its domain: the name a registry gives may not be the one it
  // prints, a domain is unambiguous. The registry still says which part of a host is the outlet's.
  const known = registry.byUrl(url.value);
  if (known) return found(text, known.domain, 0.75, url.span);
  const host = hostOf(url.value);
  return host ? found(text, host, 0.5, url.span) : nothing();
}
