import { findPhotoCredits } from '../byline';
import { findCaptions } from '../captions';
import { blocksOf } from '../layout';
import type { Report } from '../report';
import { readLeadPrefix } from '../source';

/** Paragraphs searched for an outlet prefix and a dateline (the first two for the place too). */
const LEAD_BLOCKS = 6;

/**
 * The paragraphs the other stages left: which are photo captions, and the leads (the first paragraphs of
 * the report, with the outlet tag they open with); and the photo credits anywhere in the prose.
 */
export function paragraphs(report: Report): void {
  const { doc, taken, outlets, masked } = report;
  const blocks = blocksOf(doc.lines, (line) => !taken.has(line.index));
  const captions = findCaptions(doc, blocks);
  const captionSet = new Set(captions);
  report.leads = blocks
    .filter((b) => !captionSet.has(b))
    .slice(0, LEAD_BLOCKS)
    .map((block) => ({ block, prefix: readLeadPrefix(doc.text, block.start, outlets) }));
  report.photoCredits = findPhotoCredits(masked.text, masked.folded);
  report.fields.captions = captions.map((c) => ({ start: c.start, end: c.end }));
}
