import { findByline } from '../byline';
import { findDatedByline } from '../datedByline';
import type { DateLineMatch } from '../dates';
import { dateLineOf } from '../head';
import { isBlank } from '../layout';
import type { Doc, Line } from '../layout';
import type { Report } from '../report';

/** The first line outside `taken` that holds nothing but a date (a date line at the foot of the page). */
function findOtherDateLine(
  doc: Doc,
  taken: ReadonlySet<number>,
): { line: Line; match: DateLineMatch } | null {
  for (const line of doc.lines) {
    if (isBlank(line) || taken.has(line.index)) continue;
    const match = dateLineOf(doc, line);
    if (match) return { line, match };
  }
  return null;
}

/**
 * Lines of their own that credit the report or date it: a byline carrying the date below the head, the
 * byline among the last lines before the page blocks, else a date line elsewhere.
 */
export function bylines(report: Report): void {
  const { doc, head, taken, outlets, footZone } = report;
  const dated = head.dateLine ? null : findDatedByline(doc, taken);
  if (dated) taken.add(dated.line.index);
  const byline = findByline(
    doc,
    Math.max(footZone.start, report.headEnd + 1),
    footZone.heading,
    taken,
    (name) => Boolean(outlets.named(name)),
  );
  if (byline) taken.add(byline.line.index);
  report.byline = byline?.credit ?? dated?.credit ?? report.byline;
  report.bylineDate = dated?.match ?? null;
  const other = head.dateLine || dated ? null : findOtherDateLine(doc, taken);
  if (other) taken.add(other.line.index);
  report.otherDateLine = other?.match ?? null;
}
