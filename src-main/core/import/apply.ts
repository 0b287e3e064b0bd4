import type { CorpusWriter } from '../corpus/reader';
import type { AppliedReportEdit, ReportEdit } from '../edits';
import { FolioError } from '../errors';

/** One edit of one report, and the revision of the report it was planned on. */
export interface PlannedEdit {
  id: string;
  edit: ReportEdit;
  revision: string | null;
}

/**
 * Makes an import's edits report by report and returns them as made, for one undo of them all. When one is
 * refused (its report changed since the plan was made), those already made are undone before the error is
 * passed on, so an import is made whole or not at all.
 */
export async function applyEdits(
  corpus: CorpusWriter,
  edits: readonly PlannedEdit[],
  editor: string,
): Promise<AppliedReportEdit[]> {
  const applied: AppliedReportEdit[] = [];
  try {
    for (const { id, edit, revision } of edits)
      applied.push(await corpus.edit(id, edit, { editor, expectedRevision: revision }));
  } catch (error) {
    if (!(error instanceof FolioError)) throw error;
    const stuck: string[] = [];
    for (const step of applied.reverse()) {
      await corpus
        .edit(step.id, step.edit.inverse(step.before, step.after), { editor })
        .catch((undo: Error) => {
          stuck.push(undo.message);
        });
    }
    throw new FolioError(
      error.code,
      stuck.length
        ? `${error.message}; the import stopped there, and ${stuck.length} report(s) it had changed could not be put back: ${stuck.join('; ')}`
        : `${error.message}. Nothing was imported`,
      error.path,
      error.params,
    );
  }
  return applied;
}
