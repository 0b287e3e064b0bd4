import headings from '../../../resources/extract/vi/debris.json';
import { foldKey, squash } from './fold';
import { isBlank } from './layout';
import type { Doc, Line } from './layout';
import type { DebrisKind, DebrisRange } from './types';

const MAX_HEADING = 60;

const HEADINGS = new Map<string, DebrisKind>([
  ...headings.relatedHeadings.map((h) => [foldKey(h), 'related-links'] as const),
  ...headings.widgetHeadings.map((h) => [foldKey(h), 'widget'] as const),
]);

/** The debris kind of a line that is a block heading (`Tin liên quan`, `Thông tin thời tiết`), else null. */
export function headingKind(foldedLine: string): DebrisKind | null {
  if (foldedLine.length > MAX_HEADING) return null;
  return HEADINGS.get(squash(foldedLine).replace(/\s*:$/u, '')) ?? null;
}

/** True for a line that reads like article prose rather than a link title or widget entry. */
export function isBodyLike(doc: Doc, line: Line): boolean {
  const length = line.contentEnd - line.contentStart;
  return (
    length > 200 || (length > 80 && /[.…!?"”]$/u.test(doc.text.slice(line.contentStart, line.contentEnd)))
  );
}

/** Page furniture: heading lines anywhere, and whole blocks after the last prose line. */
export interface TailDebris {
  ranges: DebrisRange[];
  /** Indexes of the lines that are debris. */
  lines: Set<number>;
  /** Index of the first line after the last prose line: the byline and the page blocks live from here on. */
  zoneStart: number;
  /** Index of the first heading in that zone, or the number of lines when there is none. */
  zoneHeading: number;
}

/** Finds related-link and widget blocks after line `after`, leaving the lines in `skip` alone. */
export function findTailDebris(doc: Doc, after: number, skip: ReadonlySet<number>): TailDebris {
  // A heading is debris wherever it stands, but only after the last prose line can the lines under it be told
  // apart from the article: there, every line that follows a heading belongs to its block.
  const lines = doc.lines;
  let zoneStart = after + 1;
  for (let i = lines.length - 1; i > after; i--) {
    if (!isBlank(lines[i]!) && !skip.has(i) && isBodyLike(doc, lines[i]!)) {
      zoneStart = i + 1;
      break;
    }
  }
  const ranges: DebrisRange[] = [];
  const debrisLines = new Set<number>();
  let zoneHeading = lines.length;
  let current: DebrisKind | null = null;
  for (let i = after + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line) || skip.has(i)) continue;
    const kind = headingKind(doc.lineFolded(line));
    if (kind && i >= zoneStart && zoneHeading === lines.length) zoneHeading = i;
    const lineKind: DebrisKind | null = kind ?? (i >= zoneStart ? current : null);
    if (i >= zoneStart) current = lineKind;
    if (!lineKind) continue;
    ranges.push({ start: line.contentStart, end: line.contentEnd, kind: lineKind });
    debrisLines.add(i);
  }
  return { ranges, lines: debrisLines, zoneStart, zoneHeading };
}
