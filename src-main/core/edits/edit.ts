import type { EditVerb } from '../../contract/history';
import type { Label, ReportState } from '../store/schema';
import type { StatePart } from './parts';

/** What an edit may need besides the state it changes. */
export interface EditContext {
  editor: string;
  /** ISO time stamped on what the edit writes. */
  at: string;
  /** The report's original text, normalised (read only by edits of the text). */
  original: () => string;
  /** The corpus's hash of that original, recorded with a correction. */
  originalSha256: string;
  labels: readonly Label[];
}

/**
 * One editorial change of one report, as an intent ("add tag X"), not a snapshot: applied to whatever the
 * report's state is when its turn comes, so a change made meanwhile by another writer is kept.
 */
export interface ReportEdit {
  readonly verb: EditVerb;
  /**
   * The parts of the state whose value the edit depends on: when another writer changed one of them since
   * the editor read the report, the edit is refused rather than applied over their change.
   */
  readonly parts: readonly StatePart[];
  /** Changes `state` in place; throws a `FolioError` naming the problem when the state cannot take it. */
  apply(state: ReportState, context: EditContext): void;
  /** The edit that takes what this one changed from `after` back to `before`. */
  inverse(before: ReportState, after: ReportState): ReportEdit;
}

/** The text editors see in a state: its correction, or else the original. */
export function textOf(state: ReportState, context: EditContext): string {
  return state.correction ? state.correction.lines.join('\n') : context.original();
}
