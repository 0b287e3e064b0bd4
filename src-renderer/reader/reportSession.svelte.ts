import type { AnnotationDto, ReportDetail } from '../../src-main/contract/operations';
import { CodePointIndex } from '../../src-main/contract/codepoints';
import { ApiError, type FolioClient } from '../lib/api/client';
import { describeError } from '../lib/errors';
import type { DraftStore } from './drafts';

/** Where the editor's work stands: everything saved, waiting to save, saving, or failed. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

const SAVE_DELAY_MS = 700;

/** How an annotation shown before the core has saved it is told apart: no edit may name it yet. */
export const PENDING_PREFIX = 'pending:';

/** A correction waiting to be saved, with the report and revision it was typed on. */
interface PendingText {
  id: string;
  text: string;
  revision: string | null;
}

/** What the reader is told when the session loads a report or brings back an unsaved correction. */
export interface SessionView {
  /** The report arrived from the core; `replaceText` when the editor should show its text. */
  loaded(report: ReportDetail, replaceText: boolean): void;
  /** A correction left unsaved last time (a reload, a crash) is put back, as an edit of the shown text. */
  restore(text: string): void;
}

/**
 * One open report in the reader: loads it, saves text corrections automatically (debounced), sends
 * annotations and metadata edits with the revision they were based on, and handles changes made by someone
 * else — taken in when they leave the text alone, offered as a choice when they do not, never silently
 * overwritten. A correction belongs to the report it was typed on, even when the reader has moved on.
 */
export class ReportSession {
  report = $state.raw<ReportDetail | null>(null);
  saveState = $state<SaveState>('saved');
  error = $state<string | null>(null);
  /** Someone else's version of the text, waiting for the editor's choice while there are unsaved edits. */
  conflict = $state.raw<ReportDetail | null>(null);
  /** When the correction brought back from the window's storage was typed, until the next report. */
  restoredAt = $state<string | null>(null);

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly pending = new Map<string, PendingText>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pendingCount = 0;
  private saving: Promise<void> | null = null;

  constructor(
    private readonly client: FolioClient,
    private readonly drafts: DraftStore,
    private readonly view: SessionView,
  ) {}

  /** Whether a correction is typed and not yet saved, or a save is under way. */
  get busy(): boolean {
    return this.pending.size > 0 || this.saving !== null;
  }

  /** Opens a report, saving any pending edit of the previous one first. */
  async open(id: string): Promise<void> {
    await this.flush();
    this.conflict = null;
    this.error = null;
    this.restoredAt = null;
    const report = await this.client.api.getReport({ id });
    this.accept(report, true);
    const draft = this.drafts.take(id);
    if (!draft || draft.text === report.text) return;
    // Typed on another revision, the draft may undo someone's change: the editor chooses, as in a conflict.
    if (draft.revision !== report.revision) this.conflict = report;
    this.restoredAt = draft.at;
    this.view.restore(draft.text);
    if (!this.conflict) await this.flush();
  }

  /** Records an edit of the shown report's text; it is saved after a short pause in typing. */
  textEdited(text: string): void {
    const report = this.report;
    if (!report) return;
    const { id } = report;
    // A batch of typing keeps the revision it began on, which a conflict's choice or a save moves on.
    const revision = this.pending.get(id)?.revision ?? report.revision;
    this.pending.set(id, { id, text, revision });
    this.drafts.keep(id, { text, revision });
    this.saveState = 'unsaved';
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Saves every pending text edit now; resolves when nothing is left unsaved (but a conflict's). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.saving) await this.saving;
    const held = this.conflict ? this.report?.id : undefined;
    const next = [...this.pending.values()].find((p) => p.id !== held);
    if (!next) return;
    this.pending.delete(next.id);
    this.saveState = 'saving';
    this.saving = this.save(next).finally(() => (this.saving = null));
    await this.saving;
    if (this.pending.size > (held === undefined ? 0 : 1)) await this.flush();
  }

  /**
   * Annotates a span given in UTF-16 offsets of `text` (the editor's current text). The annotation shows at
   * once, as pending, and is replaced by the saved one; a refusal takes it away again and says why.
   */
  async annotate(label: string, start: number, end: number, text: string): Promise<void> {
    await this.flush();
    const report = this.report;
    if (!report || report.text !== text) return;
    const index = new CodePointIndex(text);
    const [from, to] = [index.toCodePoint(start), index.toCodePoint(end)];
    const pending: AnnotationDto = {
      id: `${PENDING_PREFIX}${++this.pendingCount}`,
      start: from,
      end: to,
      originalStart: null,
      originalEnd: null,
      label,
      note: '',
      quote: text.slice(start, end),
      orphaned: false,
      author: '',
      created: '',
      modified: '',
    };
    this.report = { ...report, annotations: [...report.annotations, pending] };
    this.view.loaded(this.report, false);
    try {
      this.accept(
        await this.client.api.addAnnotation({
          id: report.id,
          start: from,
          end: to,
          label,
          revision: report.revision,
        }),
        true,
      );
    } catch (error) {
      if (this.report.id === report.id) this.accept(report, false);
      this.fail(error);
    }
  }

  /** Runs an edit that returns the updated report (metadata, annotations, reverts) and shows its result. */
  async run(edit: () => Promise<ReportDetail>): Promise<void> {
    await this.flush();
    try {
      this.accept(await edit(), true);
    } catch (error) {
      this.fail(error);
    }
  }

  /** The core says the report changed: ours to ignore, theirs to take in, or a conflict to resolve. */
  async changedElsewhere(): Promise<void> {
    const report = this.report;
    if (!report || this.saving) return;
    const latest = await this.client.api.getReport({ id: report.id }).catch(() => null);
    if (!latest || latest.revision === report.revision || latest.id !== this.report?.id) return;
    const mine = this.pending.get(report.id);
    if (!mine) this.accept(latest, true);
    else if (latest.text === report.text) {
      // A tag, a status or a field changed: nothing my typing touches, so my correction goes on top.
      mine.revision = latest.revision;
      this.report = latest;
    } else this.conflict = latest;
  }

  /** Resolves a conflict: take their version, or save mine over it. */
  async resolveConflict(keep: 'theirs' | 'mine'): Promise<void> {
    const theirs = this.conflict;
    if (!theirs) return;
    this.conflict = null;
    const mine = this.pending.get(theirs.id);
    if (keep === 'theirs' || !mine) {
      this.pending.delete(theirs.id);
      this.drafts.drop(theirs.id);
      this.accept(theirs, true);
      return;
    }
    mine.revision = theirs.revision;
    this.report = { ...(this.report ?? theirs), revision: theirs.revision };
    await this.flush();
  }

  private async save(pending: PendingText): Promise<void> {
    try {
      const saved = await this.client.api.saveCorrection(pending);
      const typedSince = this.pending.get(saved.id);
      if (typedSince) typedSince.revision = saved.revision;
      else this.drafts.drop(saved.id);
      if (saved.id === this.report?.id) this.accept(saved, false);
      else if (this.pending.size === 0) this.saveState = 'saved';
    } catch (error) {
      if (!this.pending.has(pending.id)) this.pending.set(pending.id, pending);
      if (pending.id === this.report?.id) await this.refused(error);
      else this.fail(error);
    }
  }

  /** A save of the shown report failed: someone changed its text first (a choice), or it could not be. */
  private async refused(error: unknown): Promise<void> {
    if (!(error instanceof ApiError && error.code === 'changed-on-disk')) return this.fail(error);
    this.saveState = 'unsaved';
    const latest = await this.client.api.getReport({ id: this.report!.id }).catch(() => null);
    if (latest) this.conflict = latest;
  }

  private accept(report: ReportDetail, replaceText: boolean): void {
    this.report = report;
    this.error = null;
    if (this.pending.size === 0) this.saveState = 'saved';
    this.view.loaded(report, replaceText);
  }

  private fail(error: unknown): void {
    this.saveState = 'error';
    this.error = describeError(error);
  }
}
