import { STRUCTURE_ONLY } from './profiles/structureOnly';
import { VIETNAMESE_NEWS } from './profiles/vietnameseNews';
import type { Report } from './report';

/** One step of extraction: reads what the stages before it found in the report and adds its own. */
export type Stage = (report: Report) => void;

/** How reports of some languages are read once their header and language are known: the stages to run, in order. */
export interface Profile {
  /** ISO 639-1 codes of the languages it reads. */
  languages: readonly string[];
  stages: readonly Stage[];
}

const PROFILES: readonly Profile[] = [VIETNAMESE_NEWS];

/**
 * The profile for a report's language. Text too short to tell is read as the archive's own language;
 * a language no profile reads gets only what the structure says.
 */
export function profileFor(language: string | null): Profile {
  if (language === null) return VIETNAMESE_NEWS;
  return PROFILES.find((p) => p.languages.includes(language)) ?? STRUCTURE_ONLY;
}
