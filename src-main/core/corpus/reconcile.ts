import type { Conflict, ReportState } from '../store/schema';
import { textKeyOf } from '../text/anchor';
import { knownHunks, rebaseCorrection } from '../text/correction';
import { repairAnchors } from '../text/reanchor';

/** What reading a report's sidecar found besides its state, kept until the report is read again. */
export interface ReportFindings {
  /** Why the sidecar could not be read: it is damaged, or git left conflict markers in it; null when read. */
  unreadable: 'corrupt-sidecar' | 'merge-conflict' | null;
  /** The correction as carried onto a changed original, in memory until the report's next edit saves it. */
  rebased: Reconciled['rebased'];
  /** Whether the annotations were checked against the text since the sidecar was read. */
  verified: boolean;
}

/** The report's original as it is on disk now. */
export interface OriginalOnDisk {
  sha256: string;
  /** Its normalised text, read only when reconciling needs it. */
  text: () => string;
}

/** A state brought in line with the original on disk, and what that took. */
export interface Reconciled {
  state: ReportState;
  /** The text annotations' offsets now refer to; null when it was not read (every anchor trusted). */
  text: string | null;
  /** Annotations moved onto their words (see `repairAnchors`). */
  repaired: number;
  /** Annotations whose words are gone, orphaned by this reconciliation. */
  orphaned: number;
  /** When the correction was carried onto a changed original: how many of its changes were taken, and conflicts. */
  rebased: { applied: number; conflicts: number } | null;
}

/**
 * The one place a state read from disk is reconciled with the original as it is now (on every load and
 * before every edit): a format-1 correction gets its hunks when its original is unchanged; a correction
 * whose original changed is rebased onto it (`rebaseCorrection`), its conflicts recorded and the
 * annotations carried from the old corrected text to the new; then every anchor is repaired against the
 * text (`repairAnchors`). With `trustRevisions`, an uncorrected report whose annotations all carry the
 * current text's key is taken as it is, without reading the original (a warm open of a large corpus).
 * The state given is not changed.
 */
export function reconcileState(
  state: ReportState,
  original: OriginalOnDisk,
  { trustRevisions = false }: { trustRevisions?: boolean } = {},
): Reconciled {
  let correction = state.correction;
  let conflicts = state.conflicts;
  let rebased: Reconciled['rebased'] = null;
  let known: { from: string; revision?: string } | undefined;
  let text: string | null = null;
  if (correction && correction.base !== original.sha256) {
    const result = rebaseCorrection(correction, original.text(), original.sha256);
    known = { from: correction.lines.join('\n') };
    correction = result.correction;
    text = result.text;
    conflicts = withConflicts(conflicts, result.conflicts);
    rebased = { applied: result.applied, conflicts: result.conflicts.length };
  } else if (correction) {
    text = correction.lines.join('\n');
    if (correction.hunks === null) {
      correction = { ...correction, hunks: knownHunks(correction, original.text(), original.sha256) };
    }
  }
  const corrected = correction ? text : null;
  const key = textKeyOf(corrected, original.sha256);
  // Annotations made on the original before a correction they did not see (merged in by git's line merge).
  const originalKey = textKeyOf(null, original.sha256);
  if (!known && corrected !== null && state.annotations.some((a) => a.revision === originalKey)) {
    known = { from: original.text(), revision: originalKey };
  }
  const unchanged = { ...state, correction, conflicts };
  if (
    state.annotations.length === 0 ||
    (trustRevisions && corrected === null && state.annotations.every((a) => a.revision === key))
  ) {
    return { state: unchanged, text, repaired: 0, orphaned: 0, rebased };
  }
  text ??= original.text();
  const repair = repairAnchors(state.annotations, text, key, known);
  return {
    state: { ...unchanged, annotations: repair.annotations },
    text,
    repaired: repair.repaired,
    orphaned: repair.orphaned,
    rebased,
  };
}

/** The conflicts a state holds with new ones added (one already held, by id, is not held twice). */
function withConflicts(held: readonly Conflict[], found: readonly Conflict[]): Conflict[] {
  const ids = new Set(held.map((c) => c.id));
  return [...held, ...found.filter((c) => !ids.has(c.id))];
}
