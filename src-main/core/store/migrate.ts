import { z } from 'zod';
import { knownHunks } from '../text/correction';
import {
  corpusSettingsSchema,
  reportStateSchema,
  SCHEMA_VERSION,
  type CorpusSettings,
  type ReportState,
} from './schema';

// Format 1 is read and migrated in memory; the next write is format 2.

/** Format 1's text correction: the corrected lines and one editor and time for all of it. */
const textCorrectionV1Schema = z.object({
  lines: z.array(z.string()),
  baseSha256: z.string(),
  editor: z.string(),
  at: z.string().min(1),
});

/**
 * A format-1 sidecar as format 2: no status provenance, annotations without a quote's context or revision
 * (their defaults), no conflicts, and a correction whose hunks are unknown until its original is read
 * (`completeHunks`), its editor and time kept for them.
 */
export const reportStateV1Schema = reportStateSchema
  .extend({ schema: z.literal(1), correction: textCorrectionV1Schema.nullable() })
  .transform(({ correction, ...state }): ReportState => ({
    ...state,
    schema: SCHEMA_VERSION,
    correction: correction && {
      base: correction.baseSha256,
      lines: correction.lines,
      hunks: null,
      madeBy: { editor: correction.editor, at: correction.at },
    },
  }));

/** A format-1 `corpus.json` as format 2: the same settings, with no conflicts. */
export const corpusSettingsV1Schema = corpusSettingsSchema
  .extend({ schema: z.literal(1) })
  .transform((settings): CorpusSettings => ({ ...settings, schema: SCHEMA_VERSION }));

/**
 * Fills in the hunks a format-1 correction left unknown, given the report's original text and its hash:
 * when it is the original the correction was made on, each hunk gets the correction's editor and time.
 * Changes `state` in place; returns whether it did. A correction made on another original needs
 * `rebaseCorrection` instead (which takes one without hunks too).
 */
export function completeHunks(state: ReportState, original: string, originalSha256: string): boolean {
  const correction = state.correction;
  if (!correction || correction.hunks !== null) return false;
  const hunks = knownHunks(correction, original, originalSha256);
  if (hunks === null) return false;
  state.correction = hunks.length === 0 ? null : { base: correction.base, lines: correction.lines, hunks };
  return true;
}
