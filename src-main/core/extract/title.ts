import { found, nothing } from './extracted';
import { baseOf, collapseSpaces, foldKey, squash } from './fold';
import { isBlank, lineSpan, lineText } from './layout';
import type { Doc, Line } from './layout';
import type { OutletRegistry } from './outlets';
import type { HeaderValue } from './structure';
import type { Extracted } from './types';

const LEADING_SYMBOLS = /^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D\s|•·–—-]+/u;
/** A bot's keyword in brackets before the headline: `[Bác Hồ] Xã Tân An…`, `[Video] …`. */
const LEADING_KEYWORD = /^\[[^\]]{1,80}\]\s*/u;
const SITE_SEPARATOR = /\s+[|–—-]\s+/gu;
const SITE_WORDS = /^(?:báo|tạp chí|cổng thông tin|trang tin|đài)\s|(?:\.vn|\.com|\.net|\.org)$|online$/u;
/** How many body lines are searched for the full headline an aggregator cut short. */
const FULL_TITLE_LINES = 12;
const MIN_PREFIX = 16;
const MAX_HEADLINE = 400;
/** Compared as written before folding: short enough to hold no doubled space. */
const QUICK_PREFIX = 6;

function isSiteName(part: string, registry: OutletRegistry, source: string | null): boolean {
  const key = foldKey(part);
  if (key.length === 0 || key.length > 40) return false;
  return (
    registry.named(part) !== null || (source !== null && key === foldKey(source)) || SITE_WORDS.test(key)
  );
}

/**
 * A headline as a header gives it, without what sites and bots add: leading symbols (`🔥🔥`), a bracketed
 * keyword, and the site's name before or after a separator (`… - VnExpress`, `Báo Dân trí | …`).
 */
export function cleanHeadline(raw: string, registry: OutletRegistry, source: string | null): string {
  let title = collapseSpaces(raw).replace(LEADING_SYMBOLS, '').replace(LEADING_KEYWORD, '');
  const separators = [...title.matchAll(SITE_SEPARATOR)];
  const last = separators[separators.length - 1];
  if (last && isSiteName(title.slice(last.index + last[0].length), registry, source)) {
    title = title.slice(0, last.index);
  }
  const first = separators[0];
  if (first && first !== last && isSiteName(title.slice(0, first.index), registry, source)) {
    title = title.slice(first.index + first[0].length);
  }
  return title.trim();
}

/** Compares headlines as readers do: folded, spaces collapsed, a trailing ellipsis ignored. */
function headlineKey(text: string): string {
  return withoutEllipsis(foldKey(text));
}

function withoutEllipsis(text: string): string {
  const end = text.endsWith('...') ? text.length - 3 : text.endsWith('…') ? text.length - 1 : text.length;
  return text.slice(0, end).trimEnd();
}

/** True when the line's first units are the folded `prefix`'s letters, whatever their tones: folded, it may open with it. */
function mayStartWith(doc: Doc, line: Line, prefix: string): boolean {
  if (line.contentEnd - line.contentStart < prefix.length) return false;
  for (let j = 0; j < prefix.length; j++) {
    if (baseOf(doc.text.charCodeAt(line.contentStart + j)) !== baseOf(prefix.charCodeAt(j))) return false;
  }
  return true;
}

/**
 * The body line that prints the headline the header gave: the same words, or, when the aggregator cut
 * the headline short, a longer line that starts with what it kept.
 */
export function findTitleLine(
  doc: Doc,
  headline: string,
  truncated: boolean,
  skip: ReadonlySet<number>,
): Line | null {
  const key = headlineKey(headline);
  if (key.length === 0) return null;
  const quick = key.slice(0, QUICK_PREFIX);
  let seen = 0;
  for (const line of doc.lines) {
    if (isBlank(line) || skip.has(line.index)) continue;
    if (++seen > FULL_TITLE_LINES) break;
    // Most lines differ from the headline in their first letters: no need to fold them further.
    if (!mayStartWith(doc, line, quick) || doc.lineFoldedPrefix(line, quick.length) !== quick) continue;
    // A line far longer than any headline is a paragraph; its opening is all that needs comparing.
    const candidate = withoutEllipsis(squash(doc.lineFoldedPrefix(line, MAX_HEADLINE)));
    if (candidate === key) return line;
    if (truncated && key.length >= MIN_PREFIX && candidate.length > key.length && candidate.startsWith(key)) {
      return line;
    }
  }
  return null;
}

/** The title: the printed headline line when there is one, else the header's headline, cleaned. */
export function chooseTitle(
  doc: Doc,
  header: HeaderValue | null,
  titleLine: Line | null,
  confidence: number,
  clean: (raw: string) => string,
): Extracted<string | null> {
  if (titleLine) {
    const value = clean(lineText(doc, titleLine));
    if (value) return found(doc.text, value, confidence, lineSpan(titleLine));
  }
  if (!header) return nothing();
  const value = clean(header.value);
  return value ? found(doc.text, value, 0.9, header.span) : nothing();
}
