import { addDays, inferYear, readDateline, toIso } from './dates';
import type { DateLineMatch, DateParts } from './dates';
import { found, nothing } from './extracted';
import type { Block } from './layout';
import type { LeadPrefix } from './source';
import type { Extracted } from './types';

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
  textYears: readonly number[];
  currentYear: number;
}

function fromDateLine(text: string, match: DateLineMatch, confidence: number): Extracted<string | null> {
  return found(text, toIso(match.date, match.time), match.time ? confidence : confidence - 0.05, match);
}

/** The publication date: a date line, else the dateline opening the lead; body dates are never used. */
export function findPublished(text: string, folded: string, sources: DateSources): Extracted<string | null> {
  if (sources.headDateLine) return fromDateLine(text, sources.headDateLine, 0.95);
  if (sources.otherDateLine) return fromDateLine(text, sources.otherDateLine, 0.85);
  for (const [i, lead] of sources.leads.entries()) {
    // Without an outlet prefix, only the first paragraphs can open with the report's own dateline.
    if (!lead.prefix && i >= 2) continue;
    const dateline = readDateline(folded, lead.prefix ? lead.prefix.after : lead.block.start);
    if (!dateline) continue;
    const { pageDate, textYears, currentYear } = sources;
    const year =
      dateline.year ?? inferYear(dateline.day, dateline.month, { pageDate, textYears, currentYear });
    if (year === null) return nothing();
    const date = addDays({ year, month: dateline.month, day: dateline.day }, dateline.shiftDays);
    const confidence = dateline.year !== null ? 0.75 : pageDate ? 0.6 : 0.5;
    return found(text, toIso(date), confidence, dateline);
  }
  return nothing();
}
