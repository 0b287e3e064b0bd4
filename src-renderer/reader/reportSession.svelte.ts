import type { ReportDetail } from '../../src-main/contract/operations';
import { CodePointIndex } from '../../src-main/contract/codepoints';
import { ApiError, type FolioClient } from '../lib/api/client';

/** Where the editor's work stands: everything saved, waiting to save, saving, or failed. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

const SAVE_DELAY_MS = 700;

/**
 * One open report in the reader: loads it, saves text corrections automatically (debounced), sends
 * annotations and metadata edits with the revision they were based on, and handles changes made by someone
 * else — reloaded when nothing is unsaved, offered as a choice otherwise, never silently overwritten.
 */
export class ReportSession {
  report = $state.raw<ReportDetail | null>(null);
  saveState = $state<SaveState>('saved');
  error = $state<string | null>(null);
  /** Someone else's version, waiting for the editor's choice while there are unsaved edits. */
  conflict = $state.raw<ReportDetail | null>(null);

  private pendingText: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;

  constructor(
    private readonly client: FolioClient,
    /** Called when the report arrives from the core, so the editor can show it. */
    private readonly onLoaded: (report: ReportDetail, textReplaced: boolean) => void,
  ) {}

  /** Opens a report, saving any pending edit of the previous one first. */
  async open(id: string): Promise<void> {
    await this.flush();
    this.conflict = null;
    this.error = null;
    this.accept(await this.client.api.getReport({ id }), true);
  }

  /** Records an edit of the text; it is saved after a short pause in typing. */
  textEdited(text: string): void {
    this.pendingText = text;
    this.saveState = 'unsaved';
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Saves a pending text edit now; resolves when nothing is left unsaved. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.saving) await this.saving;
    const text = this.pendingText;
    const report = this.report;
    if (text === null || !report || this.conflict) return;
    this.pendingText = null;
    this.saveState = 'saving';
    this.saving = this.client.api
      .saveCorrection({ id: report.id, text, revision: report.revision })
      .then((saved) => this.accept(saved, false))
      .catch((error: unknown) => this.fail(error, text))
      .finally(() => (this.saving = null));
    await this.saving;
  }

  /** Annotates a span given in UTF-16 offsets of `text` (the editor's current text). */
  async annotate(label: string, start: number, end: number, text: string): Promise<void> {
    await this.flush();
    const report = this.report;
    if (!report || report.text !== text) return;
    const index = new CodePointIndex(text);
    await this.run(() =>
      this.client.api.addAnnotation({
        id: report.id,
        start: index.toCodePoint(start),
        end: index.toCodePoint(end),
        label,
        revision: report.revision,
      }),
    );
  }

  /** Runs an edit that returns the updated report (metadata, annotations, reverts) and shows its result. */
  async run(edit: () => Promise<ReportDetail>): Promise<void> {
    await this.flush();
    try {
      this.accept(await edit(), true);
    } catch (error) {
      this.fail(error, null);
    }
  }

  /** The core says the report changed: ours to ignore, theirs to reload, or a conflict to resolve. */
  async changedElsewhere(): Promise<void> {
    const report = this.report;
    if (!report || this.saving) return;
    const latest = await this.client.api.getReport({ id: report.id }).catch(() => null);
    if (!latest || latest.revision === report.revision) return;
    if (this.pendingText === null) this.accept(latest, true);
    else this.conflict = latest;
  }

  /** Resolves a conflict: take their version, or save mine over it. */
  async resolveConflict(keep: 'theirs' | 'mine'): Promise<void> {
    const theirs = this.conflict;
    if (!theirs) return;
    this.conflict = null;
    if (keep === 'theirs') {
      this.pendingText = null;
      this.accept(theirs, true);
      return;
    }
    this.report = { ...(this.report ?? theirs), revision: theirs.revision };
    await this.flush();
  }

  private accept(report: ReportDetail, replaceText: boolean): void {
    this.report = report;
    this.error = null;
    if (this.pendingText === null) this.saveState = 'saved';
    this.onLoaded(report, replaceText);
  }

  private fail(error: unknown, unsavedText: string | null): void {
    if (unsavedText !== null && this.pendingText === null) this.pendingText = unsavedText;
    if (error instanceof ApiError && error.code === 'changed-on-disk') {
      // After this save settles, fetch their version to offer the choice.
      setTimeout(() => void this.changedElsewhere());
      this.saveState = 'unsaved';
      return;
    }
    this.saveState = 'error';
    this.error = (error as Error).message;
  }
}
