import { addDays, findTimedDate, inferYear, readDateline, toIso } from './dates';
import type { DateLineMatch, DateParts, Dateline } from './dates';
import { isAfter } from './dateValue';
import type { DateValue } from './dateValue';
import { found, nothing } from './extracted';
import type { Block } from './layout';
import type { LeadPrefix } from './source';
import type { Extracted, Span } from './types';

/** How much of the first paragraph is searched for a date after a time of day. */
const LEAD_CHARS = 600;
const CAPTURE_SLACK_DAYS = 7;

/** A date read from the scraper's header or a URL, with how far it can be trusted as the article's. */
export interface DatedEvidence {
  value: DateValue;
  span: Span;
  confidence: number;
}

/** A paragraph near the top, with the outlet prefix it opens with, if any. */
export interface Lead {
  block: Block;
  prefix: LeadPrefix | null;
}

/** What the publication date can be read from. */
export interface DateSources {
  /** A date line in the head of the page (`21:31 - 05/07/2018`). */
  headDateLine: DateLineMatch | null;
  /** A date line elsewhere (the foot of the page). */
  otherDateLine: DateLineMatch | null;
  pageDate: DateParts | null;
  leads: readonly Lead[];
  /** The years written in the report, read only when a day and month without one need dating by them. */
  textYears: () => readonly number[];
  currentYear: number;
  /** The article's own date as its header gives it (`Published Date:`, `# date =`). */
  header: DatedEvidence | null;
  /**
   * The latest the article can be: when an aggregator captured it, else today. A day and month without
   * a year are dated to the last such day on or before it.
   */
  bound: DateParts | null;
  /** Weaker evidence to fall back on, best first: a date in the article's URL, the capture date. */
  fallbacks: readonly DatedEvidence[];
  today: DateParts;
}

function fromDateLine(text: string, match: DateLineMatch, confidence: number): Extracted<string | null> {
  return found(text, toIso(match.date, match.time), match.time ? confidence : confidence - 0.05, match);
}

/** The publication date: a date line, else the dateline opening the lead; body dates are never used. */
export function findPublished(text: string, folded: string, sources: DateSources): Extracted<string | null> {
  if (sources.header) return fromEvidence(text, sources.header);
  if (sources.headDateLine) return fromDateLine(text, sources.headDateLine, 0.95);
  if (sources.otherDateLine) return fromDateLine(text, sources.otherDateLine, 0.85);
  return fromLead(text, folded, sources) ?? fromStructure(text, null, sources.fallbacks);
}

function fromEvidence(text: string, evidence: DatedEvidence): Extracted<string | null> {
  return found(text, toIso(evidence.value.date, evidence.value.time), evidence.confidence, evidence.span);
}

/** The publication date from outside the prose: the header's, else the best fallback (an address, a capture). */
export function fromStructure(
  text: string,
  header: DatedEvidence | null,
  fallbacks: readonly DatedEvidence[],
): Extracted<string | null> {
  const best = header ?? fallbacks[0];
  return best ? fromEvidence(text, best) : nothing();
}

/** A dateline's date, its year inferred (never later than the bound or today) when it has none. */
function datelineValue(
  text: string,
  dateline: Dateline,
  sources: DateSources,
  confidences: { withYear: number; bounded: number; guessed: number },
): Extracted<string | null> | null {
  const { currentYear, today } = sources;
  const pageDate = sources.pageDate ?? sources.bound;
  // A page visit comes after publication; an aggregator may post a story a few days before its own date.
  const slackDays = sources.pageDate ? 0 : CAPTURE_SLACK_DAYS;
  const year =
    dateline.year ??
    inferYear(dateline.day, dateline.month, {
      pageDate,
      // With a page or capture date to go by, the years in the text are not looked at.
      textYears: pageDate ? [] : sources.textYears(),
      currentYear,
      today,
      slackDays,
    });
  if (year === null) return null;
  const date = addDays({ year, month: dateline.month, day: dateline.day }, dateline.shiftDays);
  if (isAfter(date, today)) return null;
  const confidence =
    dateline.year !== null ? confidences.withYear : pageDate ? confidences.bounded : confidences.guessed;
  return found(text, toIso(date), confidence, dateline);
}

/**
 * The dateline opening one of the first paragraphs, else one inside the first paragraph after a time of
 * day (`… từ sáng sớm 31/1 …`), its year inferred when it has none.
 */
function fromLead(text: string, folded: string, sources: DateSources): Extracted<string | null> | null {
  for (const [i, lead] of sources.leads.entries()) {
    // Without an outlet prefix, only the first paragraphs can open with the report's own dateline.
    if (!lead.prefix && i >= 2) continue;
    const dateline = readDateline(folded, lead.prefix ? lead.prefix.after : lead.block.start);
    if (dateline)
      return datelineValue(text, dateline, sources, { withYear: 0.75, bounded: 0.65, guessed: 0.5 });
  }
  const first = sources.leads[0]?.block;
  const inside = first
    ? findTimedDate(folded, first.start, Math.min(first.end, first.start + LEAD_CHARS))
    : null;
  return inside
    ? datelineValue(text, inside, sources, { withYear: 0.6, bounded: 0.55, guessed: 0.45 })
    : null;
}
