import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {
  addAnnotation,
  Collections,
  correctText,
  Corpus,
  deleteAnnotation,
  editLabels,
  EditHistory,
  Emitter,
  EXPORTS_DIR,
  exportReports,
  FolioError,
  resetMetadata,
  resolveConflict,
  setMetadata,
  setStatus,
  setTags,
  updateAnnotation,
  watchCorpus,
  type AppliedEdit,
  type AppliedReportEdit,
  type Disposer,
  type EditVerb,
  type ReportEdit,
  type ReportSummary,
} from '../core';
import type { AnalyzeOptions } from '../core/analyze/pool';
import { resolveSettingsConflict } from '../core/edits/resolveSettingsConflict';
import type { ExportDownload, ExportResult } from '../contract/types';
import {
  OPERATIONS,
  type EventName,
  type Facets,
  type FolioEvents,
  type OperationName,
  type OperationResults,
  type ReportPage,
  type RevealAction,
  type ValidInput,
} from '../contract/operations';
import { withRecentCorpus, type PreferenceStore } from './preferences';
import { RowOrder } from './rowOrder';

/** What a shell gives the service: where preferences live and how to ask the user for a folder. */
export interface ServiceHost {
  preferences: PreferenceStore;
  /** Shows a folder picker; absent where the shell has none (the browser shell). */
  chooseFolder?: () => Promise<string | null>;
  /**
   * Asks where an export goes (a folder, or a `.zip` file); null when the user cancels. Without it, exports
   * go to `.folio/exports/` inside the corpus, the one place a shell with no dialog may write.
   */
  chooseExportTarget?: (suggestedName: string, zip: boolean) => Promise<string | null>;
  /**
   * Where the user saves files through the browser (the browser shell): takes a finished export zip, which the
   * shell then owns and removes, and returns where the browser fetches it once. With it, every export is a zip
   * written to the system's temporary folder.
   */
  offerDownload?: (file: string, name: string) => ExportDownload;
  /** Shows a path in the file manager or copies it to the clipboard; absent where the shell has neither. */
  revealPath?: (path: string, action: RevealAction) => Promise<void>;
  /** Where the analysis worker's script is, so opening a large corpus uses every core. */
  analysis?: AnalyzeOptions;
}

type Handlers = { [N in OperationName]: (input: ValidInput<N>) => Promise<OperationResults[N]> };
type Listener<E extends EventName> = (payload: FolioEvents[E]) => void;

/**
 * Serves the API contract over the core for one window: owns the open corpus, its watcher and the
 * preferences. Shells only move validated calls and events across their transport.
 */
export class FolioService {
  private corpus: Corpus | null = null;
  private stopWatching: (() => Promise<void>) | null = null;
  private readonly emitters = new Map<EventName, Emitter<FolioEvents[EventName]>>();
  private readonly order = new RowOrder(() => this.open_().list());
  private readonly history = new EditHistory();
  /** Where this window's exports went: the only paths `revealPath` shows or copies. */
  private readonly exported = new Set<string>();

  constructor(private readonly host: ServiceHost) {}

  /** Validates a call's input against the contract and runs it; bad input gets a `FolioError('invalid-input')`. */
  async call<N extends OperationName>(name: N, input: unknown): Promise<OperationResults[N]> {
    if (!Object.hasOwn(OPERATIONS, name))
      throw new FolioError('invalid-input', `unknown operation "${String(name)}"`);
    const parsed = OPERATIONS[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new FolioError(
        'invalid-input',
        `${name}: invalid input${where}: ${issue?.message ?? 'wrong shape'}`,
      );
    }
    const handler = this.handlers[name] as (input: unknown) => Promise<OperationResults[N]>;
    return handler(parsed.data);
  }

  /** Opens a corpus folder, replacing the one open, and remembers it in the preferences. */
  async open(root: string): Promise<Corpus> {
    const corpus = await Corpus.open(root, {
      onProgress: (done, total) => this.emit('progress', { task: 'open', done, total }),
      analysis: this.host.analysis,
    });
    await this.close();
    this.corpus = corpus;
    this.history.clear();
    this.emit('historyChanged', this.history.state());
    this.stopWatching = watchCorpus(corpus, (error) =>
      console.error(`[folio] watching ${root}: ${error.message}`),
    );
    this.order.invalidate();
    corpus.onDidChange((change) => {
      this.order.invalidate();
      this.emit('corpusChanged', change);
    });
    await this.host.preferences.set(withRecentCorpus(this.host.preferences.get(), corpus.root));
    this.emit('corpusOpened', corpus.info());
    return corpus;
  }

  /** Stops watching and saves the cache of the open corpus. */
  async close(): Promise<void> {
    await this.stopWatching?.();
    await this.corpus?.flush();
    this.stopWatching = null;
    this.corpus = null;
  }

  /** Registers an event listener; returns its disposer. */
  on<E extends EventName>(event: E, listener: Listener<E>): Disposer {
    return this.emitter(event).event(listener as Listener<EventName>);
  }

  private emit<E extends EventName>(event: E, payload: FolioEvents[E]): void {
    this.emitter(event).fire(payload);
  }

  private emitter(event: EventName): Emitter<FolioEvents[EventName]> {
    let emitter = this.emitters.get(event);
    if (!emitter) this.emitters.set(event, (emitter = new Emitter()));
    return emitter;
  }

  private open_(): Corpus {
    if (!this.corpus) throw new FolioError('invalid-input', 'no corpus is open');
    return this.corpus;
  }

  private editor(): string {
    return this.host.preferences.get().editorName;
  }

  private readonly handlers: Handlers = {
    corpusInfo: async () => this.corpus?.info() ?? null,
    openRecentCorpus: async ({ path }) => {
      // The renderer may only reopen a folder the user chose before, never name an arbitrary path.
      if (!this.host.preferences.get().recentCorpora.includes(path)) {
        throw new FolioError('outside-corpus', `${path} is not a recently opened corpus`);
      }
      return (await this.open(path)).info();
    },
    chooseCorpus: async () => {
      if (!this.host.chooseFolder) {
        throw new FolioError(
          'invalid-input',
          'this shell cannot show a folder picker; start it with --corpus <folder>',
        );
      }
      const folder = await this.host.chooseFolder();
      return folder === null ? null : (await this.open(folder)).info();
    },
    listReports: async (input) => this.listReports(input),
    facets: async (input) => this.facets(input),
    listIds: async (input) =>
      this.matching(input.query, input.filters, input.collection).map((row) => row.id),
    listCollections: async () => this.collections().list(),
    createCollection: async (spec) => this.collections().create(spec),
    addToCollection: async ({ name, ids }) => this.collections().add(name, ids),
    removeFromCollection: async ({ name, ids }) => this.collections().remove(name, ids),
    moveInCollection: async ({ name, id, position }) => this.collections().move(name, id, position),
    deleteCollection: async ({ name }) => {
      await this.collections().delete(name);
      return this.collections().list();
    },
    renameCollection: async ({ name, newName }) => this.collections().rename(name, newName),
    moveCollection: async ({ name, position }) => this.collections().reorder(name, position),
    editLabels: async (change) => {
      const corpus = this.open_();
      const applied = await corpus.editSettings(editLabels(change, () => corpus.labelUsage()));
      this.remember(applied.edit.verb, [applied]);
      return applied.after.labels;
    },
    exportReports: async (input) => this.exportReports(input),
    revealPath: async ({ path: target, action }) => {
      if (!this.host.revealPath) {
        throw new FolioError(
          'invalid-input',
          'this shell has no file manager or clipboard to show a path with; its exports arrive as downloads',
          undefined,
          { reason: 'not-in-this-shell' },
        );
      }
      if (!this.exported.has(target)) {
        throw new FolioError(
          'invalid-input',
          `${target} is not where an export of this window went; only those can be shown or copied`,
          target,
          { reason: 'not-an-export' },
        );
      }
      await this.host.revealPath(target, action);
      return null;
    },
    getReport: async ({ id }) => this.open_().report(id),
    getChanges: async ({ id }) => this.open_().report(id).changes,
    search: async ({ query, filters, limit }) => {
      return this.open_().search(query, filters, limit);
    },
    setMetadata: async ({ id, field, value, revision }) =>
      this.editOne(id, setMetadata(field, value), revision),
    resetMetadata: async ({ id, field, revision }) => this.editOne(id, resetMetadata(field), revision),
    applyMetadata: async ({ ids, field, value }) =>
      this.editMany(ids, setMetadata(field, value, 'apply-metadata')),
    setTags: async ({ ids, add, remove }) => this.editMany(ids, setTags({ add, remove })),
    setStatus: async ({ ids, status }) => this.editMany(ids, setStatus(status)),
    addAnnotation: async ({ id, start, end, label, note, revision }) =>
      this.editOne(id, addAnnotation({ start, end, label, note }), revision),
    updateAnnotation: async ({ id, annotationId, label, note, revision }) =>
      this.editOne(id, updateAnnotation(annotationId, { label, note }), revision),
    deleteAnnotation: async ({ id, annotationId, revision }) =>
      this.editOne(id, deleteAnnotation(annotationId), revision),
    saveCorrection: async ({ id, text, revision }) => this.editOne(id, correctText(text), revision),
    revertChanges: async ({ id, changes, revision }) => {
      const applied = await this.open_().revertChanges(id, changes, this.editor(), revision);
      this.remember(applied.edit.verb, [applied]);
      return this.open_().report(id);
    },
    resolveConflict: async ({ id, conflictId, choice, revision }) => {
      // What the conflict is about names the part of the report the resolution depends on.
      const conflict = this.open_()
        .report(id)
        .conflicts.find((c) => c.id === conflictId);
      if (!conflict) {
        throw new FolioError(
          'changed-on-disk',
          `report "${id}" has no conflict "${conflictId}": it was resolved already, or never was`,
          undefined,
          { reason: 'conflict-resolved' },
        );
      }
      return this.editOne(id, resolveConflict(conflict, choice), revision);
    },
    resolveSettingsConflict: async ({ conflictId, choice }) => {
      const corpus = this.open_();
      const applied = await corpus.editSettings(
        resolveSettingsConflict(conflictId, choice, () => corpus.labelUsage()),
      );
      this.remember(applied.edit.verb, [applied]);
      return corpus.info();
    },
    // Not an undoable step: it is the merge git left unfinished, done; what it could not decide waits as conflicts.
    resolveMergeConflicts: async () => this.open_().resolveMergeConflicts(),
    undo: async () => {
      await this.history.undo((step) => this.applyInverse(step)).finally(() => this.historyChanged());
      return this.history.state();
    },
    redo: async () => {
      await this.history.redo((step) => this.applyInverse(step)).finally(() => this.historyChanged());
      return this.history.state();
    },
    editHistory: async () => this.history.state(),
    getPreferences: async () => this.host.preferences.get(),
    setPreferences: async (patch) => this.host.preferences.set(patch),
  };

  private collections(): Collections {
    return new Collections(this.open_(), (applied) => this.remember(applied.edit.verb, [applied]));
  }

  /** Applies an edit to one report as the editor, records it for undo, and returns the report as it is now. */
  private async editOne(id: string, edit: ReportEdit, expectedRevision?: string | null) {
    const applied = await this.open_().edit(id, edit, { editor: this.editor(), expectedRevision });
    this.remember(edit.verb, [applied]);
    return this.open_().report(id);
  }

  /** Applies an edit to many reports as one undoable step; returns their rows. */
  private async editMany(ids: string[], edit: ReportEdit): Promise<ReportSummary[]> {
    const corpus = this.open_();
    const applied: AppliedReportEdit[] = [];
    try {
      await corpus.editEach(ids, edit, { editor: this.editor(), applied });
    } finally {
      // What was applied before a failure can be undone too.
      this.remember(edit.verb, applied);
    }
    return ids.map((id) => corpus.summary(id));
  }

  private remember(verb: EditVerb, applied: AppliedEdit[]): void {
    this.history.record(verb, applied);
    this.historyChanged();
  }

  private historyChanged(): void {
    this.emit('historyChanged', this.history.state());
  }

  /** Applies the inverse of an applied edit through the same path as any edit. */
  private applyInverse(step: AppliedEdit): Promise<AppliedEdit> {
    const corpus = this.open_();
    if (step.kind === 'settings') return corpus.editSettings(step.edit.inverse(step.before, step.after));
    return corpus.edit(step.id, step.edit.inverse(step.before, step.after), { editor: this.editor() });
  }

  /** Rows matching a query and filters, within a collection when one is named (in its order, if manual). */
  private matching(
    query: string,
    filters: ValidInput<'listReports'>['filters'],
    collection?: string,
  ): ReportSummary[] {
    const corpus = this.open_();
    const rows = query.trim()
      ? corpus.searchHits(query, filters).map((hit) => corpus.summary(hit.id))
      : corpus.list(filters);
    if (collection === undefined) return rows;
    const order = new Map(
      this.collections()
        .get(collection)
        .entries.filter((entry) => !entry.missing)
        .map((entry, index) => [entry.id, index]),
    );
    const inside = rows.filter((row) => order.has(row.id));
    return query.trim() ? inside : inside.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  private async exportReports(input: ValidInput<'exportReports'>): Promise<ExportResult> {
    const corpus = this.open_();
    const offer = this.host.offerDownload;
    // A browser download is one file: a folder export travels zipped.
    const zip = input.zip || offer !== undefined;
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
    const label = input.selection.kind === 'collection' ? input.selection.name : input.selection.kind;
    const text = input.text === 'original' ? '-original' : '';
    const suggested = `${label}-${input.format}${text}-${stamp}${zip ? '.zip' : ''}`;
    const onProgress = (done: number, total: number) =>
      this.emit('progress', { task: 'export', done, total });
    if (offer) {
      const out = path.join(os.tmpdir(), `folio-download-${randomBytes(6).toString('hex')}.zip`);
      const summary = await exportReports(corpus, { ...input, zip, out, onProgress });
      return { ...summary, download: offer(summary.out, suggested) };
    }
    const out = this.host.chooseExportTarget
      ? await this.host.chooseExportTarget(suggested, zip)
      : path.join(corpus.root, EXPORTS_DIR, suggested);
    if (out === null) {
      throw new FolioError('invalid-input', 'export cancelled', undefined, { reason: 'export-cancelled' });
    }
    const summary = await exportReports(corpus, { ...input, zip, out, onProgress });
    this.exported.add(summary.out);
    return { ...summary, download: null };
  }

  private listReports(input: ValidInput<'listReports'>): ReportPage {
    const matching = this.matching(input.query, input.filters, input.collection);
    const keepOrder = (input.query.trim() || input.collection !== undefined) && input.sort === 'id';
    // Relevance order for a query, the editor's order for a collection, unless a column is chosen.
    const rows = keepOrder ? matching : this.order.sort(matching, input.sort, input.descending);
    const page = rows.slice(input.offset, input.offset + input.limit);
    const withSnippets = input.query.trim()
      ? page.map((row) => {
          const { snippet, highlights } = this.open_().snippet(row.id, input.query);
          return { ...row, snippet: { text: snippet, highlights } };
        })
      : page;
    return { total: rows.length, offset: input.offset, rows: withSnippets };
  }

  /** The facets of a library view, each counted with the filters of the others, so its own stay listed. */
  private facets(input: ValidInput<'facets'>): Facets {
    return this.open_().facets(this.matching(input.query, {}, input.collection), input.filters);
  }
}
