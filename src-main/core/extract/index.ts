import { chooseAuthor, findByline, findPhotoCredits } from './byline';
import { findCaptions } from './captions';
import { findCounter } from './counters';
import { readDateLine, yearsIn } from './dates';
import type { DateLineMatch } from './dates';
import { findTailDebris } from './debris';
import { found, nothing } from './extracted';
import { readHead } from './head';
import { blocksOf, isBlank, lineSpan, makeDoc, maskSpans } from './layout';
import type { Doc, Line } from './layout';
import { findPeople } from './people';
import { choosePlace } from './places';
import { findPublished } from './published';
import type { Lead } from './published';
import { findReferences } from './references';
import { chooseSource, readLeadPrefix } from './source';
import type { DebrisRange, Extracted, Extraction } from './types';

export type * from './types';

/** Options for `extractMetadata`; tests pin the clock with `currentYear`. */
export interface ExtractOptions {
  /** The year a report cannot be later than (defaults to this year). */
  currentYear?: number;
}

/** Paragraphs searched for an outlet prefix and a dateline, and (the first two) for the place. */
const LEAD_BLOCKS = 6;
const PLACE_LEAD_BLOCKS = 2;

/** Sorts debris ranges by start and drops any range that overlaps one kept before it. */
function withoutOverlaps(ranges: readonly DebrisRange[]): DebrisRange[] {
  const kept: DebrisRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept[kept.length - 1];
    if (!last || r.start >= last.end) kept.push(r);
  }
  return kept;
}

/** The first line outside `taken` that holds nothing but a date (a date line at the foot of the page). */
function findOtherDateLine(
  doc: Doc,
  taken: ReadonlySet<number>,
): { line: Line; match: DateLineMatch } | null {
  for (const line of doc.lines) {
    if (isBlank(line) || taken.has(line.index)) continue;
    const match = readDateLine(doc.folded, line.contentStart, line.contentEnd);
    if (match) return { line, match };
  }
  return null;
}

function lineField(text: string, line: Line | null, confidence: number): Extracted<string | null> {
  return line
    ? found(text, text.slice(line.contentStart, line.contentEnd), confidence, lineSpan(line))
    : nothing();
}

/** Extracts the metadata of one normalised report (NFC, LF): every offset is a UTF-16 offset into `text`. */
export function extractMetadata(text: string, options: ExtractOptions = {}): Extraction {
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const doc = makeDoc(text);
  const head = readHead(doc);
  const counter = findCounter(doc, head.lines);
  const taken = new Set(head.lines);
  // A counter alone on its line is a counter, whatever block it sits in.
  if (
    counter &&
    counter.match.start === counter.line.contentStart &&
    counter.match.end === counter.line.contentEnd
  )
    taken.add(counter.line.index);
  const tail = findTailDebris(doc, head.last, taken);
  for (const i of tail.lines) taken.add(i);

  const debris = withoutOverlaps([
    ...tail.ranges,
    ...(head.section ? [{ ...lineSpan(head.section), kind: 'section-label' as const }] : []),
    ...(head.pageDate ? [{ ...lineSpan(head.pageDate.line), kind: 'page-date' as const }] : []),
    ...(head.placeLabel ? [{ ...lineSpan(head.placeLabel.line), kind: 'place-label' as const }] : []),
    ...(counter ? [{ start: counter.match.start, end: counter.match.end, kind: 'counter' as const }] : []),
  ]);

  const byline = findByline(doc, Math.max(tail.zoneStart, head.last + 1), tail.zoneHeading, taken);
  if (byline) taken.add(byline.line.index);
  const otherDateLine = head.dateLine ? null : findOtherDateLine(doc, taken);
  if (otherDateLine) taken.add(otherDateLine.line.index);

  const blocks = blocksOf(doc.lines, (line) => !taken.has(line.index));
  const captions = findCaptions(doc, blocks);
  const captionSet = new Set(captions);
  const leads: Lead[] = blocks
    .filter((b) => !captionSet.has(b))
    .slice(0, LEAD_BLOCKS)
    .map((block) => ({ block, prefix: readLeadPrefix(text, block.start) }));

  const masked = { text: maskSpans(text, debris), folded: maskSpans(doc.folded, debris) };
  const credits = findPhotoCredits(masked.text, masked.folded);
  const captionSpans = captions.map((c) => ({ start: c.start, end: c.end }));
  const notPeople = [...(byline ? [byline.credit.span] : []), ...credits.map((c) => c.span)];
  const placeRegions = [
    ...(head.title ? [{ span: lineSpan(head.title), confidence: 0.9 }] : []),
    ...leads.slice(0, PLACE_LEAD_BLOCKS).map((l) => ({ span: l.block, confidence: 0.8 })),
  ];
  const placeLabel = head.placeLabel
    ? { span: lineSpan(head.placeLabel.line), province: head.placeLabel.province }
    : null;

  return {
    title: lineField(text, head.title, head.titleConfidence),
    published: findPublished(text, doc.folded, {
      headDateLine: head.dateLine?.match ?? null,
      otherDateLine: otherDateLine?.match ?? null,
      pageDate: head.pageDate?.match.date ?? null,
      leads,
      textYears: yearsIn(masked.folded),
      currentYear,
    }),
    source: chooseSource(text, leads.find((l) => l.prefix)?.prefix ?? null, byline?.credit ?? null, credits),
    author: chooseAuthor(text, byline?.credit ?? null, credits),
    place: choosePlace(text, masked.text, masked.folded, placeRegions, placeLabel),
    section: lineField(text, head.section, head.sectionKnown ? 0.9 : 0.75),
    viewCount: counter
      ? found(text, counter.match.value, counter.bare ? 0.6 : 0.95, counter.match)
      : nothing(),
    references: findReferences(text, masked.text, masked.folded),
    people: findPeople(
      text,
      masked.text,
      masked.folded,
      captionSpans,
      notPeople.sort((a, b) => a.start - b.start),
    ),
    debris,
    captions: captionSpans,
  };
}
