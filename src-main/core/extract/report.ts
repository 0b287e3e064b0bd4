import type { Credit } from './byline';
import type { FoundCounter } from './counters';
import type { DateLineMatch, DateParts } from './dates';
import { nothing } from './extracted';
import type { Head } from './head';
import { emptyHead } from './head';
import { Doc } from './layout';
import type { Line } from './layout';
import type { Outlet, OutletRegistry } from './outlets';
import type { DatedEvidence, Lead } from './published';
import { emptyStructure } from './structure/types';
import type { HeaderValue, Structure } from './structure';
import type { DebrisKind, DebrisRange, Extracted, Extraction, Span } from './types';

/** What the scraper's header says of the fields, read before any prose. */
export interface HeaderFields {
  title: HeaderValue | null;
  source: HeaderValue | null;
  url: HeaderValue | null;
  /** The article's own date (`Published Date:`, `# date =`). */
  published: DatedEvidence | null;
  /** When an aggregator captured the article: a fallback, and the latest the article can be. */
  captured: DatedEvidence | null;
  /** Dates outside the prose, weakest last: the article's address, other addresses, the capture date. */
  fallbacks: DatedEvidence[];
  author: Extracted<string | null>;
}

/** The text with every debris range blanked out (same length), as written and folded. */
export interface MaskedText {
  readonly text: string;
  readonly folded: string;
}

/** The text before any debris is known: nothing masked, folded only when asked. */
class Unmasked implements MaskedText {
  constructor(private readonly doc: Doc) {}

  get text(): string {
    return this.doc.text;
  }

  get folded(): string {
    return this.doc.folded;
  }
}

/**
 * One report as the stages of a profile see it: its text and lines, and what the stages before have found
 * (the header, the language, the lines they took, the debris, the bylines, the paragraphs). Each stage reads
 * what earlier ones wrote and adds its own; `extractionOf` then gives the result.
 */
export interface Report {
  readonly doc: Doc;
  readonly today: DateParts;
  readonly outlets: OutletRegistry;
  structure: Structure;
  header: HeaderFields;
  /** The first line of prose after the scraper's header. */
  bodyLine: Line | null;
  language: string | null;
  head: Head;
  /** Index of the last line of the page's head (title, labels, dates, header above the body). */
  headEnd: number;
  /** Lines a stage has claimed (header, head, counter, page blocks, bylines): later stages skip them. */
  readonly taken: Set<number>;
  /** Debris ranges of every kind found so far; `settledDebris` keeps those that do not overlap. */
  debris: DebrisRange[];
  counter: FoundCounter | null;
  /** The first line after the last prose line, and the first block heading from there. */
  footZone: { start: number; heading: number };
  /** The byline (from its own line, a dated byline, or glued to the last paragraph). */
  byline: Credit | null;
  /** The byline that carries the publication date (`NAME - Thứ ba, 07/05/2024 22:38`). */
  bylineDate: DateLineMatch | null;
  /** A line elsewhere holding only a date (the foot of the page). */
  otherDateLine: DateLineMatch | null;
  /** The first paragraphs that are not captions, with the outlet tag they open with. */
  leads: Lead[];
  /** The text with the debris masked (the text itself until the debris is known). */
  masked: MaskedText;
  photoCredits: Credit[];
  /** The outlet the report comes from, when the registry knows it. */
  outlet: Outlet | null;
  /** The fields found; those no stage sets are empty. */
  readonly fields: Partial<Omit<Extraction, 'language' | 'debris'>>;
}

/** A report as the reading stages find it: text split into lines, nothing else known yet. */
export function newReport(text: string, today: DateParts, outlets: OutletRegistry): Report {
  const doc = new Doc(text);
  return {
    doc,
    today,
    outlets,
    structure: emptyStructure(),
    header: {
      title: null,
      source: null,
      url: null,
      published: null,
      captured: null,
      fallbacks: [],
      author: nothing(),
    },
    bodyLine: null,
    language: null,
    head: emptyHead(),
    headEnd: -1,
    taken: new Set(),
    debris: [],
    counter: null,
    footZone: { start: 0, heading: 0 },
    byline: null,
    bylineDate: null,
    otherDateLine: null,
    leads: [],
    masked: new Unmasked(doc),
    photoCredits: [],
    outlet: null,
    fields: {},
  };
}

/** A range of debris of that kind over the span. */
export function debrisRange(span: Span, kind: DebrisKind): DebrisRange {
  return { start: span.start, end: span.end, kind };
}

/** Sorts debris ranges by start and drops any range that overlaps one kept before it. */
export function settledDebris(ranges: readonly DebrisRange[]): DebrisRange[] {
  const kept: DebrisRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept[kept.length - 1];
    if (!last || r.start >= last.end) kept.push(r);
  }
  return kept;
}

/** The extraction a report's stages add up to, every field in the contract's order. */
export function extractionOf(report: Report): Extraction {
  const { fields } = report;
  return {
    title: fields.title ?? nothing(),
    published: fields.published ?? nothing(),
    source: fields.source ?? nothing(),
    author: fields.author ?? nothing(),
    place: fields.place ?? nothing(),
    section: fields.section ?? nothing(),
    viewCount: fields.viewCount ?? nothing(),
    references: fields.references ?? [],
    people: fields.people ?? [],
    language: report.language,
    debris: settledDebris(report.debris),
    captions: fields.captions ?? [],
  };
}
