import { FolioError } from '../errors';
import { REPORT_STATUSES, type ReportStatus } from '../store/schema';
import type { ReportEdit } from './edit';
import { restoreParts } from './parts';

/** Sets the review status, stamped with who set it and when. */
export function setStatus(status: ReportStatus): ReportEdit {
  if (!REPORT_STATUSES.includes(status)) {
    throw new FolioError(
      'invalid-input',
      `unknown status "${status}"; expected one of ${REPORT_STATUSES.join(', ')}`,
    );
  }
  return {
    verb: 'set-status',
    parts: ['status'],
    apply(state, context) {
      state.status = status;
      state.statusBy = { editor: context.editor, at: context.at };
    },
    inverse: (before, after) => restoreParts('set-status', ['status'], before, after),
  };
}
