import type { ConflictChoice, ConflictDto, ReportDetail } from '../../src-main/contract/operations';
import { client } from '../lib/api/client';
import { t, tf } from '../lib/i18n.svelte';

/**
 * Resolves one of the shown report's conflicts with the editor's choice. The reader's session takes the
 * report as it is then in through the corpus's change event, as it takes in any change of the report it shows.
 */
export async function resolveConflict(
  report: ReportDetail,
  conflictId: string,
  choice: ConflictChoice,
): Promise<void> {
  await client.api.resolveConflict({ id: report.id, conflictId, choice, revision: report.revision });
}

/** Where a text conflict stands, as a sentence names it: "line 4", "lines 4–6", "before line 4". */
export function textConflictPlace(conflict: Extract<ConflictDto, { kind: 'text' }>): string {
  const line = conflict.line + 1;
  if (conflict.ours.length === 0) return tf('conflictBeforeLine', { line });
  if (conflict.ours.length === 1) return tf('conflictLine', { line });
  return tf('conflictLines', { from: line, to: line + conflict.ours.length - 1 });
}

/** The names of a conflict's other side and of the button that takes it: theirs, or the new original. */
export function theirsNames(conflict: ConflictDto): { side: string; take: string } {
  return conflict.source === 'original-changed'
    ? { side: t('conflictNewOriginal'), take: t('conflictTakeNewOriginal') }
    : { side: t('conflictTheirs'), take: t('conflictTakeTheirs') };
}
