import type { HistoryState } from '../../src-main/contract/history';
import type { FolioClient } from './api/client';
import { describeError } from './errors';

/**
 * The corpus's undo and redo as this window sees them: kept current by the core's `historyChanged` event,
 * and the one place the renderer undoes or redoes an edit from (a key, a button, the Edit menu).
 */
export class EditHistoryStore {
  state = $state.raw<HistoryState>({ undo: null, redo: null });
  error = $state<string | null>(null);

  constructor(private readonly client: FolioClient) {}

  /** Starts following the core's history; returns the disposer. */
  follow(): () => void {
    void this.client.api.editHistory({}).then((state) => (this.state = state));
    return this.client.on('historyChanged', (state) => (this.state = state));
  }

  /** Undoes the last edit; a refusal (someone changed it since) is shown, not thrown. */
  undo(): Promise<void> {
    return this.move(() => this.client.api.undo({}));
  }

  /** Redoes the last undone edit. */
  redo(): Promise<void> {
    return this.move(() => this.client.api.redo({}));
  }

  private async move(call: () => Promise<HistoryState>): Promise<void> {
    this.error = null;
    try {
      this.state = await call();
    } catch (error) {
      this.error = describeError(error);
    }
  }
}

/**
 * Whether a key press belongs to a field being typed in, whose own undo must have it. The report's text is
 * one only while it is being corrected: read for annotating, its undo is the corpus's.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  const field = element.closest('input, textarea, select, [contenteditable="true"]');
  return field !== null && !field.matches('.report-text:not(.editing)');
}
