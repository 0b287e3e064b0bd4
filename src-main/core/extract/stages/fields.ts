import { chooseAuthor } from '../byline';
import { yearsIn } from '../dates';
import { found, lineField, nothing } from '../extracted';
import { cutSpans, lineSpan, maskSpans } from '../layout';
import { findPeople } from '../people';
import { choosePlace } from '../places';
import type { PlaceRegion } from '../places';
import { findPublished, fromStructure } from '../published';
import { findReferences } from '../references';
import type { Report } from '../report';
import { chooseSource } from '../source';

// The stages that choose each field's value from what the stages before them found.

/** Paragraphs searched for the place after the headline, and how much of each counts as its opening. */
const PLACE_LEAD_BLOCKS = 2;
const LEAD_CHARS = 600;
const SECOND_LEAD_CHARS = 200;

/** The outlet: the lead's tag, the byline's outlet, the header's, else the article's address. */
export function source(report: Report): void {
  const { doc, header, outlets } = report;
  const value = chooseSource(doc.text, {
    prefix: report.leads.find((l) => l.prefix)?.prefix ?? null,
    byline: report.byline,
    header: header.source,
    url: header.url,
    registry: outlets,
  });
  report.fields.source = value;
  report.outlet =
    (header.url ? outlets.byUrl(header.url.value)?.outlet : null) ??
    (value.value ? outlets.named(value.value) : null);
}

/** The publication date: the header's, a date line, the lead's dateline, else a date outside the prose. */
export function published(report: Report): void {
  const { doc, head, header, today } = report;
  let textYears: number[] | null = null;
  report.fields.published = findPublished(doc.text, doc.folded, {
    header: header.published,
    headDateLine: head.dateLine?.match ?? report.bylineDate,
    otherDateLine: report.otherDateLine,
    pageDate: head.pageDate?.match.date ?? null,
    bound: header.captured?.value.date ?? null,
    leads: report.leads,
    textYears: () => (textYears ??= yearsIn(report.masked.folded)),
    currentYear: today.year,
    today,
    fallbacks: header.fallbacks,
  });
}

/** The publication date as the header or an address gives it, for prose no stage reads. */
export function publishedFromHeader(report: Report): void {
  report.fields.published = fromStructure(report.doc.text, report.header.published, report.header.fallbacks);
}

/** The writer: the header's author, else the byline's name. */
export function author(report: Report): void {
  const fromHeader = report.header.author;
  report.fields.author = fromHeader.value ? fromHeader : chooseAuthor(report.doc.text, report.byline);
}

/** The place the report is about: named in the headline, the lead, a place label, or the outlet's province. */
export function place(report: Report): void {
  const { doc, head, masked, outlet, fields } = report;
  const title = fields.title?.evidence;
  const regions: PlaceRegion[] = [
    ...(title ? [{ span: { start: title.start, end: title.end }, confidence: 0.9, headline: true }] : []),
    ...report.leads.slice(0, PLACE_LEAD_BLOCKS).map(({ block }, i) => ({
      // The second paragraph counts only for its opening: further on come lists of guests and their posts.
      span: {
        start: block.start,
        end: Math.min(block.end, block.start + (i === 0 ? LEAD_CHARS : SECOND_LEAD_CHARS)),
      },
      confidence: 0.8,
    })),
  ];
  const sourceEvidence = fields.source?.evidence;
  fields.place = choosePlace(
    { source: doc.text, folded: doc.folded, masked: masked.text, maskedFolded: masked.folded },
    regions,
    {
      outletProvince: outlet?.province ?? null,
      provincialOutlet:
        outlet?.kind === 'provincial' && outlet.province && sourceEvidence
          ? { province: outlet.province, evidence: sourceEvidence }
          : null,
      label: head.placeLabel
        ? { span: lineSpan(head.placeLabel.line), province: head.placeLabel.province }
        : null,
    },
  );
}

/** The labels the page prints around the report: its section and view count. */
export function pageLabels(report: Report): void {
  const { doc, head, counter, fields } = report;
  fields.section = lineField(doc.text, head.section, head.sectionKnown ? 0.9 : 0.75);
  fields.viewCount = counter
    ? found(doc.text, counter.match.value, counter.bare ? 0.6 : 0.95, counter.match)
    : nothing();
}

/** The documents the report cites, read outside the debris (and in header titles, where a bot cites one). */
export function references(report: Report): void {
  const { doc, structure, masked } = report;
  const text = doc.text;
  if (structure.readable.length === 0) {
    report.fields.references = findReferences(text, masked.text, masked.folded);
    return;
  }
  const debris = cutSpans(report.debris, structure.readable);
  report.fields.references = findReferences(text, maskSpans(text, debris), maskSpans(doc.folded, debris));
}

/** The people named with their positions, outside the byline and photo credits. */
export function people(report: Report): void {
  const { doc, masked, byline, photoCredits, fields } = report;
  const notPeople = [...(byline ? [byline.span] : []), ...photoCredits.map((c) => c.span)];
  fields.people = findPeople(
    doc.text,
    masked.text,
    masked.folded,
    fields.captions ?? [],
    notPeople.sort((a, b) => a.start - b.start),
  );
}
