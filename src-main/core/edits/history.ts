import { FolioError } from '../errors';
import type { CorpusSettings, ReportState } from '../store/schema';
import type { EditVerb, HistoryState, HistoryStep } from '../../contract/history';
import type { ReportEdit } from './edit';
import type { SettingsEdit } from './settings';

/** An edit as it was applied to one report, with the states on either side: what its undo needs. */
export interface AppliedReportEdit {
  kind: 'report';
  id: string;
  edit: ReportEdit;
  before: ReportState;
  after: ReportState;
}

/** An edit as it was applied to the corpus settings. */
export interface AppliedSettingsEdit {
  kind: 'settings';
  edit: SettingsEdit;
  before: CorpusSettings;
  after: CorpusSettings;
}

export type AppliedEdit = AppliedReportEdit | AppliedSettingsEdit;

interface Entry {
  verb: EditVerb;
  steps: AppliedEdit[];
}

/** How many user actions can be undone: older ones drop off. */
const DEPTH = 200;

/**
 * The undo and redo stacks of one window. An entry is one user action — a bulk action over many reports
 * included — and undoing it applies each step's inverse through the same path as any edit, so an undo never
 * overwrites what someone else changed since (that step is refused and named).
 */
export class EditHistory {
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];

  /** Records a user action (nothing when it changed nothing); a new action clears what could be redone. */
  record(verb: EditVerb, steps: AppliedEdit[]): void {
    if (steps.length === 0) return;
    this.undoStack.push({ verb, steps });
    if (this.undoStack.length > DEPTH) this.undoStack.shift();
    this.redoStack = [];
  }

  /** What undo and redo would do now. */
  state(): HistoryState {
    return { undo: describe(this.undoStack.at(-1)), redo: describe(this.redoStack.at(-1)) };
  }

  /** Forgets everything (another corpus was opened). */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  /** Undoes the last action with `apply`, which applies one inverse edit and returns it as applied. */
  undo(apply: (step: AppliedEdit) => Promise<AppliedEdit>): Promise<HistoryStep> {
    return this.move(this.undoStack, this.redoStack, apply, 'undo');
  }

  /** Redoes the last undone action. */
  redo(apply: (step: AppliedEdit) => Promise<AppliedEdit>): Promise<HistoryStep> {
    return this.move(this.redoStack, this.undoStack, apply, 'redo');
  }

  private async move(
    from: Entry[],
    to: Entry[],
    apply: (step: AppliedEdit) => Promise<AppliedEdit>,
    what: 'undo' | 'redo',
  ): Promise<HistoryStep> {
    const entry = from.pop();
    if (!entry) throw new FolioError('invalid-input', `there is nothing to ${what}`);
    const done: AppliedEdit[] = [];
    const refused: string[] = [];
    let firstPart = '';
    // Later steps first, so a step always meets the state the step after it left.
    for (const step of [...entry.steps].reverse()) {
      try {
        done.unshift(await apply(step));
      } catch (error) {
        if (!(error instanceof FolioError)) throw error;
        refused.push(error.message);
        firstPart ||= String(error.params?.part ?? '');
      }
    }
    if (done.length) to.push({ verb: entry.verb, steps: done });
    if (refused.length) {
      throw new FolioError(
        'changed-on-disk',
        `could not ${what} ${refused.length} of ${entry.steps.length} change(s): ${refused.slice(0, 3).join('; ')}${refused.length > 3 ? '; …' : ''}`,
        undefined,
        {
          reason: 'undo-refused',
          move: what,
          count: refused.length,
          total: entry.steps.length,
          part: firstPart,
        },
      );
    }
    return describe(entry)!;
  }
}

function describe(entry: Entry | undefined): HistoryStep | null {
  if (!entry) return null;
  return {
    verb: entry.verb,
    reports: new Set(entry.steps.map((s) => (s.kind === 'report' ? s.id : ''))).size,
  };
}
