import { findCounter } from '../counters';
import { findTailDebris } from '../debris';
import { findGluedTail } from '../footer';
import { lineSpan, maskSpans } from '../layout';
import { debrisRange, settledDebris } from '../report';
import type { Report } from '../report';

/**
 * The page around the report, all debris: the view counter, the head's labels and page date, related-link
 * and widget blocks, a footer glued to the last paragraph (and the byline before it). The text is then
 * masked where debris is, for the stages that read prose.
 */
export function pageFurniture(report: Report): void {
  const { doc, head, structure, taken } = report;
  const counter = findCounter(doc, taken);
  // A counter alone on its line is a counter, whatever block it sits in.
  if (
    counter &&
    counter.match.start === counter.line.contentStart &&
    counter.match.end === counter.line.contentEnd
  )
    taken.add(counter.line.index);
  report.counter = counter;
  const bodyStart = report.bodyLine?.index ?? 0;
  report.headEnd = Math.max(head.last, ...[...structure.lines].filter((i) => i < bodyStart));
  const tail = findTailDebris(doc, report.headEnd, taken);
  for (const i of tail.lines) taken.add(i);
  report.footZone = { start: tail.zoneStart, heading: tail.zoneHeading };
  const glued = findGluedTail(doc, taken);
  // Glued to the last paragraph, a byline is the weakest: one on a line of its own, or dated, wins over it.
  report.byline = glued.byline;
  const debris = settledDebris([
    ...report.debris,
    ...tail.ranges,
    ...(glued.footer ? [debrisRange(glued.footer, 'footer')] : []),
    ...(head.section ? [debrisRange(lineSpan(head.section), 'section-label')] : []),
    ...(head.pageDate ? [debrisRange(lineSpan(head.pageDate.line), 'page-date')] : []),
    ...(head.placeLabel ? [debrisRange(lineSpan(head.placeLabel.line), 'place-label')] : []),
    ...(counter ? [debrisRange(counter.match, 'counter')] : []),
  ]);
  report.debris = debris;
  report.masked = { text: maskSpans(doc.text, debris), folded: maskSpans(doc.folded, debris) };
}
