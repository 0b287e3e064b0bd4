import { chooseAuthor, findByline, findPhotoCredits, nameCase } from './byline';
import type { Credit } from './byline';
import { findCaptions } from './captions';
import { findCounter } from './counters';
import { readDateLine, yearsIn } from './dates';
import type { DateLineMatch, DateParts } from './dates';
import { findDatedByline } from './datedByline';
import { dateInUrl, parseDateValue } from './dateValue';
import { findTailDebris } from './debris';
import { found, nothing } from './extracted';
import { findGluedTail } from './footer';
import { readHead } from './head';
import { detectLanguage } from './language';
import { blocksOf, cutSpans, isBlank, lineSpan, makeDoc, maskSpans } from './layout';
import type { Doc, Line } from './layout';
import { VIETNAMESE_OUTLETS } from './outlets';
import type { OutletRegistry } from './outlets';
import { findPeople } from './people';
import { choosePlace } from './places';
import type { PlaceRegion } from './places';
import { findPublished, fromStructure } from './published';
import type { DatedEvidence, Lead } from './published';
import { findReferences } from './references';
import { chooseSource, readLeadPrefix } from './source';
import { readStructure } from './structure';
import type { HeaderValue, Structure } from './structure';
import { chooseTitle, cleanHeadline, findTitleLine } from './title';
import type { DebrisRange, Extracted, Extraction, Span } from './types';

export type * from './types';

export { EXTRACTOR_VERSION } from './version';
export { registryWith, type Outlet, type OutletRegistry } from './outlets';

/** Options for `extractMetadata`; tests pin the clock with `currentYear` or `today`. */
export interface ExtractOptions {
  /** The year a report cannot be later than (defaults to this year). */
  currentYear?: number;
  /** The day a report cannot be later than (defaults to today, or the end of `currentYear`). */
  today?: DateParts;
  /** Outlets known by domain and tag (defaults to the Vietnamese registry shipped with Folio). */
  outlets?: OutletRegistry;
}

/** Paragraphs searched for an outlet prefix and a dateline, and (the first two) for the place. */
const LEAD_BLOCKS = 6;
const PLACE_LEAD_BLOCKS = 2;
/** How much of a run-on paragraph (a crawler's one-line body) counts as the lead. */
const LEAD_CHARS = 600;
const SECOND_LEAD_CHARS = 200;

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

function todayOf(options: ExtractOptions): DateParts {
  if (options.today) return options.today;
  if (options.currentYear !== undefined) return { year: options.currentYear, month: 12, day: 31 };
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function dated(header: HeaderValue | undefined, confidence: number): DatedEvidence | null {
  const value = header ? parseDateValue(header.value) : null;
  return value && header ? { value, span: header.span, confidence } : null;
}

/** Dates outside the prose, weakest last: the article's address, other addresses, the capture date. */
function headerFallbacks(structure: Structure, captured: DatedEvidence | null): DatedEvidence[] {
  const article = structure.values.url;
  const fromUrls = [
    ...(article ? [{ url: article, confidence: 0.45 }] : []),
    ...structure.urls.filter((u) => u !== article).map((url) => ({ url, confidence: 0.35 })),
  ].flatMap(({ url, confidence }) => {
    const value = dateInUrl(url.value);
    return value ? [{ value, span: url.span, confidence }] : [];
  });
  return [...fromUrls, ...(captured ? [captured] : [])];
}

/** The author a header gives (`Huyền Lê (Theo AFP, Times of Israel)` → `Huyền Lê`). */
function headerAuthor(text: string, header: HeaderValue | undefined): Extracted<string | null> {
  const name = header?.value.replace(/\s*\([^)]*\)\s*/gu, ' ').trim();
  return header && name ? found(text, nameCase(name), 0.9, header.span) : nothing();
}

function maskedFor(text: string, folded: string, debris: readonly Span[]): [string, string] {
  return [maskSpans(text, debris), maskSpans(folded, debris)];
}

/** Extracts the metadata of one normalised report (NFC, LF): every offset is a UTF-16 offset into `text`. */
export function extractMetadata(text: string, options: ExtractOptions = {}): Extraction {
  const today = todayOf(options);
  const registry = options.outlets ?? VIETNAMESE_OUTLETS;
  const doc = makeDoc(text);
  const structure = readStructure(doc);
  for (const [index, start] of structure.bodyStarts) doc.lines[index]!.contentStart = start;
  const bodyLine = doc.lines.find((l) => !isBlank(l) && !structure.lines.has(l.index));
  const language =
    structure.values.language?.value.slice(0, 2).toLowerCase() ??
    detectLanguage(text, bodyLine?.contentStart ?? 0);
  const headerSource = structure.values.source ?? null;
  const clean = (raw: string): string => cleanHeadline(raw, registry, headerSource?.value ?? null);

  const headerTitle = structure.values.title ?? null;
  const titleLine = headerTitle
    ? findTitleLine(doc, clean(headerTitle.value), structure.titleTruncated, structure.lines)
    : null;
  const head = readHead(doc, {
    skip: structure.lines,
    title: titleLine ?? (headerTitle ? 'none' : 'find'),
  });
  const taken = new Set([...structure.lines, ...head.lines]);
  const title = headerTitle
    ? chooseTitle(doc, headerTitle, titleLine, 0.95, clean)
    : lineField(text, head.title, head.titleConfidence);
  // The capture date is a fallback for the publication date and the latest a day without a year can be.
  const captured = dated(structure.values.captured, 0.3);
  const fallbacks = headerFallbacks(structure, captured);
  const headerPublished = dated(structure.values.published, 0.9);
  const headerAuthorField = headerAuthor(text, structure.values.author);
  const sourceEvidence = { header: headerSource, url: structure.values.url ?? null, registry };
  const headerDebris = structure.spans.map((s) => ({ ...s, kind: 'header' as const }));

  if (language !== null && language !== 'vi') {
    // Prose stages read Vietnamese conventions; other languages get what the structure says.
    return {
      title,
      source: chooseSource(text, { prefix: null, byline: null, ...sourceEvidence }),
      author: headerAuthorField,
      published: fromStructure(text, headerPublished, fallbacks),
      place: nothing(),
      section: nothing(),
      viewCount: nothing(),
      references: [],
      people: [],
      language,
      debris: withoutOverlaps(headerDebris),
      captions: [],
    };
  }

  const counter = findCounter(doc, taken);
  // A counter alone on its line is a counter, whatever block it sits in.
  if (
    counter &&
    counter.match.start === counter.line.contentStart &&
    counter.match.end === counter.line.contentEnd
  )
    taken.add(counter.line.index);
  const headEnd = Math.max(head.last, ...[...structure.lines].filter((i) => i < (bodyLine?.index ?? 0)));
  const tail = findTailDebris(doc, headEnd, taken);
  for (const i of tail.lines) taken.add(i);
  const glued = findGluedTail(doc, taken);

  const debris = withoutOverlaps([
    ...headerDebris,
    ...tail.ranges,
    ...(glued.footer ? [{ ...glued.footer, kind: 'footer' as const }] : []),
    ...(head.section ? [{ ...lineSpan(head.section), kind: 'section-label' as const }] : []),
    ...(head.pageDate ? [{ ...lineSpan(head.pageDate.line), kind: 'page-date' as const }] : []),
    ...(head.placeLabel ? [{ ...lineSpan(head.placeLabel.line), kind: 'place-label' as const }] : []),
    ...(counter ? [{ start: counter.match.start, end: counter.match.end, kind: 'counter' as const }] : []),
  ]);

  const datedByline = head.dateLine ? null : findDatedByline(doc, taken);
  if (datedByline) taken.add(datedByline.line.index);
  const lineByline = findByline(doc, Math.max(tail.zoneStart, headEnd + 1), tail.zoneHeading, taken, (name) =>
    Boolean(registry.named(name)),
  );
  if (lineByline) taken.add(lineByline.line.index);
  const byline: Credit | null = lineByline?.credit ?? datedByline?.credit ?? glued.byline;
  const otherDateLine = head.dateLine || datedByline ? null : findOtherDateLine(doc, taken);
  if (otherDateLine) taken.add(otherDateLine.line.index);

  const blocks = blocksOf(doc.lines, (line) => !taken.has(line.index));
  const captions = findCaptions(doc, blocks);
  const captionSet = new Set(captions);
  const leads: Lead[] = blocks
    .filter((b) => !captionSet.has(b))
    .slice(0, LEAD_BLOCKS)
    .map((block) => ({ block, prefix: readLeadPrefix(text, block.start, registry) }));

  const masked = { text: maskSpans(text, debris), folded: maskSpans(doc.folded, debris) };
  const credits = findPhotoCredits(masked.text, masked.folded);
  const captionSpans = captions.map((c) => ({ start: c.start, end: c.end }));
  const notPeople = [...(byline ? [byline.span] : []), ...credits.map((c) => c.span)];
  const source = chooseSource(text, {
    prefix: leads.find((l) => l.prefix)?.prefix ?? null,
    byline,
    ...sourceEvidence,
  });
  const outlet =
    (structure.values.url ? registry.byUrl(structure.values.url.value)?.outlet : null) ??
    (source.value ? registry.named(source.value) : null);
  const titleSpan: Span | null = title.evidence
    ? { start: title.evidence.start, end: title.evidence.end }
    : null;
  const placeRegions: PlaceRegion[] = [
    ...(titleSpan ? [{ span: titleSpan, confidence: 0.9, headline: true }] : []),
    ...leads.slice(0, PLACE_LEAD_BLOCKS).map((l, i) => ({
      // The second paragraph counts only for its opening: further on come lists of guests and their posts.
      span: {
        start: l.block.start,
        end: Math.min(l.block.end, l.block.start + (i === 0 ? LEAD_CHARS : SECOND_LEAD_CHARS)),
      },
      confidence: 0.8,
    })),
  ];

  return {
    title,
    published: findPublished(text, doc.folded, {
      header: headerPublished,
      headDateLine: head.dateLine?.match ?? datedByline?.match ?? null,
      otherDateLine: otherDateLine?.match ?? null,
      pageDate: head.pageDate?.match.date ?? null,
      bound: captured?.value.date ?? null,
      leads,
      textYears: yearsIn(masked.folded),
      currentYear: today.year,
      today,
      fallbacks,
    }),
    source,
    author: headerAuthorField.value ? headerAuthorField : chooseAuthor(text, byline),
    place: choosePlace(
      { source: text, folded: doc.folded, masked: masked.text, maskedFolded: masked.folded },
      placeRegions,
      {
        outletProvince: outlet?.province ?? null,
        provincialOutlet:
          outlet?.kind === 'provincial' && outlet.province && source.evidence
            ? { province: outlet.province, evidence: source.evidence }
            : null,
        label: head.placeLabel
          ? { span: lineSpan(head.placeLabel.line), province: head.placeLabel.province }
          : null,
      },
    ),
    section: lineField(text, head.section, head.sectionKnown ? 0.9 : 0.75),
    viewCount: counter
      ? found(text, counter.match.value, counter.bare ? 0.6 : 0.95, counter.match)
      : nothing(),
    // Header titles are read for codes too (a bot's `[Kết luận 126-KL/TW]`): masked again only when there are some.
    references:
      structure.readable.length > 0
        ? findReferences(text, ...maskedFor(text, doc.folded, cutSpans(debris, structure.readable)))
        : findReferences(text, masked.text, masked.folded),
    people: findPeople(
      text,
      masked.text,
      masked.folded,
      captionSpans,
      notPeople.sort((a, b) => a.start - b.start),
    ),
    language,
    debris,
    captions: captionSpans,
  };
}
