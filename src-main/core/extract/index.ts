import type { DateParts } from './dates';
import { VIETNAMESE_OUTLETS } from './outlets';
import type { OutletRegistry } from './outlets';
import { profileFor } from './profile';
import type { Profile } from './profile';
import { extractionOf, newReport } from './report';
import { readHeader, readLanguage } from './stages/reading';
import type { Extraction } from './types';

export type * from './types';

export { EXTRACTOR_VERSION } from './version';
export { registryWith, type Outlet, type OutletRegistry } from './outlets';
export type { Profile, Stage } from './profile';

/** Options for `extractMetadata`; tests pin the clock with `currentYear` or `today`. */
export interface ExtractOptions {
  /** The year a report cannot be later than (defaults to this year). */
  currentYear?: number;
  /** The day a report cannot be later than (defaults to today, or the end of `currentYear`). */
  today?: DateParts;
  /** Outlets known by domain and tag (defaults to the Vietnamese registry shipped with Folio). */
  outlets?: OutletRegistry;
  /** How to read the report once its header and language are known (defaults to the profile for its language). */
  profile?: Profile;
}

function todayOf(options: ExtractOptions): DateParts {
  if (options.today) return options.today;
  if (options.currentYear !== undefined) return { year: options.currentYear, month: 12, day: 31 };
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/**
 * Extracts the metadata of one normalised report (NFC, LF): every offset is a UTF-16 offset into `text`.
 * The scraper's header and the language are read first; the profile for that language does the rest.
 */
export function extractMetadata(text: string, options: ExtractOptions = {}): Extraction {
  const report = newReport(text, todayOf(options), options.outlets ?? VIETNAMESE_OUTLETS);
  readHeader(report);
  readLanguage(report);
  for (const stage of (options.profile ?? profileFor(report.language)).stages) stage(report);
  return extractionOf(report);
}
