import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  extractedValues,
  indexKeyOf,
  originalTextKey,
  searchDocumentOf,
  type AnalyzedFile,
  type ExtractedValues,
} from '../analyze/analyze';
import { analyzeFiles, WorkerPool, type AnalyzeOptions } from '../analyze/pool';
import { Emitter } from '../emitter';
import { FolioError } from '../errors';
import { extractMetadata, registryWith, type OutletRegistry } from '../extract';
import type { Extraction } from '../extract/types';
import { parseQuery } from '../search/query';
import { SearchIndex } from '../search/searchIndex';
import { makeSnippet } from '../search/snippet';
import {
  addAnnotation,
  correctText,
  deleteAnnotation,
  importAnnotations,
  resetMetadata,
  samePart,
  setMetadata,
  setStatus,
  setTags,
  textOf,
  updateAnnotation,
  type AppliedReportEdit,
  type AppliedSettingsEdit,
  type EditContext,
  type NewAnnotation,
  type ReportEdit,
  type SettingsEdit,
} from '../edits';
import { textKeyIn, type ImportedAnnotation } from '../edits/addAnnotations';
import { resolveConflictMarkers } from '../merge';
import { resolveConflictedFiles } from '../merge/resolveFiles';
import { textKeyOf } from '../text/anchor';
import { repairAnchors } from '../text/reanchor';
import { CodePointIndex } from '../../contract/codepoints';
import { decodeReport, normalizeText } from '../text/decode';
import { applyChanges, diffTexts, type TextChange } from '../text/diff';
import {
  newReportState,
  REPORT_STATUSES,
  type CorpusSettings,
  type ReportState,
  type ReportStatus,
  type StoredAnnotation,
} from '../store/schema';
import { KeyedQueue } from '../store/keyedQueue';
import { parseCorpusSettings, SidecarStore } from '../store/sidecars';
import { CorpusCache } from './cache';
import { effectiveValues, type ReportRecord } from './record';
import { reconcileState, type Reconciled, type ReportFindings } from './reconcile';
import { detailOf, problemsOf, summaryOf } from './reportView';
import { countFacets } from './facets';
import { ReferenceKeys } from './referenceKeys';
import { hasFilters, rowFilter } from './rowFilter';
import { RecentCache } from './recentCache';
import { findReportFiles, reportFileOf, symlinkSkipped, type FoundFile } from './scan';
import type {
  CheckResult,
  CorpusInfo,
  ReportDetail,
  ReportFilters,
  ReportSummary,
  ResolvedMergeFile,
  SearchResult,
  SkippedFile,
} from '../../contract/types';
import type { Facets } from '../../contract/operations';

/** The edit queue's key for `.folio/corpus.json` (no report id is empty). */
const SETTINGS_KEY = '';

/** What is known of a report whose sidecar was not read (or not yet checked against its text). */
const NOTHING_FOUND: Readonly<ReportFindings> = { unreadable: null, rebased: null, verified: false };

/** How often listing a folder reports how many files it found so far. */
const SCAN_PROGRESS_MS = 100;

/** Files larger than this are listed as skipped rather than opened: no news report is this long. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How a corpus is opened. */
export interface OpenOptions {
  maxFileBytes?: number;
  /**
   * Called as files are found (`total` still 0: a large folder takes a while to list) and then as they are
   * read, so a shell can show progress.
   */
  onProgress?: (done: number, total: number) => void;
  /** Where files are read, extracted and indexed: worker threads when a shell gives their script. */
  analysis?: AnalyzeOptions;
}

/** What changed in an open corpus, for listeners: a report (by id), or the settings (`id` is then empty). */
export interface CorpusChange {
  kind: 'added' | 'changed' | 'removed' | 'settings';
  id: string;
}

/**
 * An open corpus folder: reads every report, extracts metadata, keeps the search index, and applies editorial
 * changes to the `.folio/` sidecars. The original files are only ever read.
 */
export class Corpus {
  private records = new Map<string, ReportRecord>();
  /** Recently used original texts; the rest stay on disk so a large corpus does not live in memory. */
  private readonly originals = new RecentCache<string>(512);
  /** Full extractions of recently opened reports, with the key of the text they were made from. */
  private readonly extractions = new RecentCache<{ textKey: string; extraction: Extraction }>(64);
  private skippedFiles: SkippedFile[] = [];
  /** The documents the corpus cites, keyed; dropped when a report changes or goes, rebuilt when asked for. */
  private references: ReferenceKeys | null = null;
  private index = SearchIndex.create();
  private readonly changes = new Emitter<CorpusChange>();
  private settings!: CorpusSettings;
  private cache!: CorpusCache;
  /** The cache save under way, if any: saves run one after another. */
  private saving: Promise<void> = Promise.resolve();
  /** Why the cache could not be saved (a read-only corpus still opens, only more slowly next time). */
  private cacheWarning: string | null = null;
  /** Edits run one at a time per report (and for the settings) within this process. */
  private readonly editQueue = new KeyedQueue();
  /** States recently read or written, by revision: the base an editor's view was made from. */
  private readonly knownStates = new RecentCache<ReportState>(256);
  /** What reading each report's sidecar found besides its state, by id. */
  private readonly findings = new Map<string, ReportFindings>();
  /** Why `.folio/corpus.json` is held merged in memory (git left conflict markers in it); null normally. */
  private settingsConflict: string | null = null;

  private constructor(
    readonly root: string,
    private readonly store: SidecarStore,
    private readonly maxFileBytes: number,
    private analysis: AnalyzeOptions,
  ) {}

  /** Opens a corpus folder; files that cannot be read are listed by `skipped()`, never fatal. */
  static async open(root: string, options: OpenOptions = {}): Promise<Corpus> {
    const absolute = path.resolve(root);
    const corpus = new Corpus(
      absolute,
      new SidecarStore(absolute),
      options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      options.analysis ?? {},
    );
    await corpus.load(options.onProgress);
    // The corpus is ready: the cache is saved while it is used (`flush()` waits for that).
    void corpus.flush();
    return corpus;
  }

  private async load(onProgress?: (done: number, total: number) => void): Promise<void> {
    let lastReport = performance.now();
    // First: reports are extracted knowing the corpus's own outlets, here and in the analysis workers.
    const settings = await this.readSettings();
    this.analysis = { ...this.analysis, outlets: settings.outlets ?? [] };
    const cacheLoaded = CorpusCache.load(this.store.folioDir, this.analysis.outlets);
    // With no cache every file will be read: the workers load their script while the folder is listed.
    const pool = cacheLoaded.then((cache) =>
      cache.isEmpty ? WorkerPool.start(this.root, this.analysis) : null,
    );
    const [stateIds, , found, cache, workers] = await Promise.all([
      this.store.listStateIds(),
      this.store.tidy(),
      findReportFiles(this.root, (count) => {
        if (performance.now() - lastReport < SCAN_PROGRESS_MS) return;
        lastReport = performance.now();
        onProgress?.(count, 0);
      }),
      cacheLoaded,
      pool,
    ]).catch(async (error: unknown) => {
      (await pool.catch(() => null))?.close();
      throw error;
    });
    this.settings = settings;
    this.cache = cache;
    this.index = cache.index ?? SearchIndex.create();
    const files = found.files;
    this.skippedFiles = [...found.skipped];
    const read = await this.ingest(files, new Set(stateIds), onProgress, workers);
    if (read > 0) {
      // Workers finish in any order; the library's default order is the files' order.
      const records = new Map<string, ReportRecord>();
      for (const found of files) {
        const record = this.records.get(found.id);
        if (record) records.set(found.id, record);
      }
      this.records = records;
    }
    // Reports cached or indexed before whose files are gone (or no longer readable as reports).
    for (const id of cache.ids()) if (!this.records.has(id)) this.forget(id);
    for (const id of this.index.ids()) if (!this.records.has(id)) this.forget(id);
  }

  /**
   * Brings reports up to date with their files: unchanged ones (same size and modification time as cached)
   * are taken from the cache without reading them; the rest are read, extracted and indexed, in worker
   * threads for a large batch. Then sidecars are read and whatever depends on them refreshed. Returns how many
   * files were read.
   */
  private async ingest(
    files: FoundFile[],
    withState: Set<string>,
    onProgress?: (done: number, total: number) => void,
    pool: WorkerPool | null = null,
  ): Promise<number> {
    let done = 0;
    // The files are found: say how many, before the first is read.
    onProgress?.(0, files.length);
    const toRead: FoundFile[] = [];
    const ingested: ReportRecord[] = [];
    for (const found of files) {
      const cached = this.cache.get(found.id);
      if (found.size > this.maxFileBytes) {
        this.skip(
          found.file,
          'too-large',
          `${found.file}: ${formatBytes(found.size)} is over the ${formatBytes(this.maxFileBytes)} limit for a report`,
        );
        this.drop(found.id);
      } else if (cached && cached.size === found.size && cached.mtimeMs === found.mtimeMs) {
        ingested.push(this.addRecord(found, cached.sha256, cached.encoding, cached.values));
      } else {
        toRead.push(found);
        continue;
      }
      onProgress?.(++done, files.length);
    }
    const byId = new Map(toRead.map((found) => [found.id, found]));
    const shards = await analyzeFiles(
      this.root,
      toRead,
      this.analysis,
      (result: AnalyzedFile) => {
        const found = byId.get(result.id)!;
        if (result.ok) {
          this.cache.put(
            found.id,
            {
              size: found.size,
              mtimeMs: found.mtimeMs,
              sha256: result.sha256,
              encoding: result.encoding,
              textKey: originalTextKey(result.sha256),
              values: result.values,
            },
            result.extraction,
          );
          this.extractions.delete(found.id);
          ingested.push(this.addRecord(found, result.sha256, result.encoding, result.values));
        } else {
          this.skip(found.file, result.code, result.reason);
          this.drop(found.id);
        }
        onProgress?.(++done, files.length);
      },
      pool,
    );
    for (const shard of shards) {
      this.index.merge(shard);
      this.cache.touch();
    }
    for (const record of ingested) {
      if (withState.has(record.id)) await this.loadState(record);
      this.refreshDerived(record);
    }
    return toRead.length;
  }

  private addRecord(
    found: FoundFile,
    sha256: string,
    encoding: string,
    values: ExtractedValues,
  ): ReportRecord {
    // A file that could not be read before and can now is no longer listed as skipped.
    if (this.skippedFiles.length) this.skippedFiles = this.skippedFiles.filter((s) => s.file !== found.file);
    const record: ReportRecord = {
      id: found.id,
      file: found.file,
      size: found.size,
      mtimeMs: found.mtimeMs,
      sha256,
      encoding,
      corrected: null,
      state: null,
      revision: null,
      stateError: null,
      values,
      movedAnnotations: 0,
    };
    this.records.set(record.id, record);
    return record;
  }

  /** Drops a report whose file can no longer be read as one (it was listed before). */
  private drop(id: string): void {
    if (this.records.delete(id)) this.forget(id);
  }

  /** The outlets reports are extracted knowing: the shipped registry and the corpus's own, as it opened. */
  private get outlets(): OutletRegistry {
    return registryWith(this.analysis.outlets ?? []);
  }

  /** Drops a report that is gone from the index and the cache. */
  private forget(id: string): void {
    this.references = null;
    this.findings.delete(id);
    this.originals.delete(id);
    this.extractions.delete(id);
    if (this.index.has(id)) this.cache.touch();
    this.index.remove(id);
    this.cache.delete(id);
  }

  /** The normalised original text, read again from disk when it is not among the recently used. */
  private originalText(record: ReportRecord, remember = true): string {
    const cached = this.originals.get(record.id);
    if (cached !== undefined) return cached;
    const text = decodeReport(readFileSync(path.join(this.root, record.file)), record.file).text;
    if (remember) this.originals.put(record.id, text);
    return text;
  }

  /** The text editors see: the correction when there is one, the original otherwise. */
  private currentText(record: ReportRecord): string {
    return record.corrected ?? this.originalText(record);
  }

  private skip(file: string, code: SkippedFile['code'], reason: string): void {
    this.skippedFiles = [...this.skippedFiles.filter((s) => s.file !== file), { file, code, reason }];
  }

  private async loadState(record: ReportRecord): Promise<void> {
    const findings: ReportFindings = { ...NOTHING_FOUND };
    this.findings.set(record.id, findings);
    record.state = null;
    record.revision = null;
    record.corrected = null;
    record.stateError = null;
    try {
      const loaded = await this.store.readState(record.id, () => this.freshState(record));
      if (loaded.revision !== null) {
        this.adoptReconciled(record, loaded.revision, this.reconcile(record, loaded.state, true));
      }
    } catch (error) {
      if (!(error instanceof FolioError)) throw error;
      findings.unreadable = error.code === 'merge-conflict' ? 'merge-conflict' : 'corrupt-sidecar';
      record.stateError = error.message;
    }
  }

  /**
   * Reconciles a state read from disk with the report's original as it is now (see `reconcileState`); with
   * `trustRevisions`, anchors stamped with the current text's key are taken without reading the original.
   */
  private reconcile(
    record: ReportRecord,
    state: ReportState,
    trustRevisions = false,
    remember = true,
  ): Reconciled {
    return reconcileState(
      state,
      { sha256: record.sha256, text: () => this.originalText(record, remember) },
      { trustRevisions },
    );
  }

  /** Takes a reconciled state read at `revision` as the report's, with what reconciling it found. */
  private adoptReconciled(record: ReportRecord, revision: string, reconciled: Reconciled): void {
    const findings = this.findingsOf(record);
    this.knownStates.put(revision, reconciled.state);
    record.state = reconciled.state;
    record.revision = revision;
    record.corrected = reconciled.state.correction ? reconciled.state.correction.lines.join('\n') : null;
    record.movedAnnotations += reconciled.repaired;
    findings.rebased ??= reconciled.rebased;
    findings.verified ||= reconciled.text !== null;
    record.summary = undefined;
  }

  /**
   * Checks the anchors of a report against its text when they were taken on trust as its sidecar was read
   * (every revision the current text's key): `report`, `check` and exports read the text anyway, and a
   * sidecar edited by hand may point at other words.
   */
  private verify(record: ReportRecord, remember = true): void {
    if (!record.state?.annotations.length || record.revision === null || this.findingsOf(record).verified)
      return;
    this.adoptReconciled(record, record.revision, this.reconcile(record, record.state, false, remember));
  }

  private findingsOf(record: ReportRecord): ReportFindings {
    let findings = this.findings.get(record.id);
    if (!findings) this.findings.set(record.id, (findings = { ...NOTHING_FOUND }));
    return findings;
  }

  /** Re-extracts and re-indexes a record unless the cache and index already hold its text and metadata. */
  private refreshDerived(record: ReportRecord): void {
    record.summary = undefined;
    this.references = null;
    const textKey = this.textKeyOf(record);
    const cached = this.cache.get(record.id);
    if (cached?.textKey === textKey) {
      record.values = cached.values;
      this.cache.restat(record.id, record.size, record.mtimeMs);
    } else {
      const extraction = extractMetadata(this.currentText(record), { outlets: this.outlets });
      record.values = extractedValues(extraction);
      this.extractions.put(record.id, { textKey, extraction });
      const { size, mtimeMs, sha256, encoding } = record;
      this.cache.put(
        record.id,
        { size, mtimeMs, sha256, encoding, textKey, values: record.values },
        extraction,
      );
    }
    const indexKey = indexKeyOf(textKey, record.state?.metadata);
    if (this.index.keyOf(record.id) !== indexKey) {
      this.index.put(
        searchDocumentOf(record.id, this.currentText(record), effectiveValues(record)),
        indexKey,
      );
      this.cache.touch();
    }
  }

  /** Names the text extraction and indexing were made from; the original's hash names its normalised text. */
  private textKeyOf(record: ReportRecord): string {
    return textKeyOf(record.corrected, record.sha256);
  }

  /** The full extraction of a report's current `text`: recently used, from the cache file, or made again. */
  private extractionOf(record: ReportRecord, text: string, remember: boolean): Extraction {
    const textKey = this.textKeyOf(record);
    const recent = this.extractions.get(record.id);
    if (recent?.textKey === textKey) return recent.extraction;
    const extraction =
      this.cache.readExtraction(record.id, textKey) ?? extractMetadata(text, { outlets: this.outlets });
    if (remember) this.extractions.put(record.id, { textKey, extraction });
    return extraction;
  }

  private freshState(record: ReportRecord): ReportState {
    return newReportState(record.id, { file: record.file, sha256: record.sha256, size: record.size });
  }

  // ---------------------------------------------------------------- reading

  /** Counts and settings of the corpus. */
  info(): CorpusInfo {
    const statuses = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
    let corrected = 0;
    let annotations = 0;
    const corruptSidecars: CorpusInfo['corruptSidecars'] = [];
    for (const record of this.records.values()) {
      if (record.stateError) {
        const code = this.findingsOf(record).unreadable ?? 'corrupt-sidecar';
        corruptSidecars.push({ id: record.id, message: record.stateError, code });
      }
      statuses[record.state?.status ?? 'new']++;
      if (record.state?.correction) corrected++;
      annotations += record.state?.annotations.length ?? 0;
    }
    return {
      root: this.root,
      reports: this.records.size,
      skipped: this.skipped(),
      corrected,
      annotations,
      statuses,
      labels: this.settings.labels,
      labelUsage: this.labelUsage(),
      tags: this.allTags(),
      cacheWarning: this.cacheWarning,
      settingsProblem: this.settingsConflict,
      corruptSidecars,
      settingsConflicts: structuredClone(this.settings.conflicts ?? []),
    };
  }

  /** The corpus settings (`.folio/corpus.json`): labels, declared tags, collections. */
  corpusSettings(): CorpusSettings {
    return structuredClone(this.settings);
  }

  /** How many annotations use each label, by its name; a label no annotation uses is left out. */
  labelUsage(): Record<string, number> {
    const usage: Record<string, number> = {};
    for (const record of this.records.values())
      for (const annotation of record.state?.annotations ?? [])
        usage[annotation.label] = (usage[annotation.label] ?? 0) + 1;
    return usage;
  }

  /** Files that could not be opened as reports, with the reason. */
  skipped(): SkippedFile[] {
    return [...this.skippedFiles].sort((a, b) => a.file.localeCompare(b.file));
  }

  /** Ids of every report, sorted. */
  ids(): string[] {
    return [...this.records.keys()];
  }

  /** Every tag used in the corpus or declared in its settings, in Vietnamese order. */
  allTags(): string[] {
    const tags = new Set(this.settings.tags);
    for (const record of this.records.values()) for (const tag of record.state?.tags ?? []) tags.add(tag);
    return [...tags].sort((a, b) => a.localeCompare(b, 'vi'));
  }

  /** The library row of one report. */
  summary(id: string): ReportSummary {
    return this.summarize(this.record(id));
  }

  /** Library rows of every report that passes `filters`. */
  list(filters: ReportFilters = {}): ReportSummary[] {
    const rows: ReportSummary[] = [];
    const passes = rowFilter(filters, this.referenceKeys());
    for (const record of this.records.values()) {
      const row = this.summarize(record);
      if (passes(row)) rows.push(row);
    }
    return rows;
  }

  /** How many of `rows` have each facet value, each facet counted under `filters` but its own (see `countFacets`). */
  facets(rows: readonly ReportSummary[], filters: ReportFilters): Facets {
    return countFacets(rows, filters, this.referenceKeys());
  }

  /**
   * Everything about one report for the reader: texts, metadata with evidence, annotations, changes. A bulk
   * reader (an export of every report) passes `remember: false`, so it does not push the reports an editor
   * has open out of the recently used, nor fill memory with texts read once.
   */
  report(id: string, { remember = true }: { remember?: boolean } = {}): ReportDetail {
    const record = this.record(id);
    this.verify(record, remember);
    // Read once: an uncorrected report's text is its original.
    const original = this.originalText(record, remember);
    const text = record.corrected ?? original;
    return detailOf(
      record,
      this.summarize(record),
      original,
      text,
      this.extractionOf(record, text, remember),
    );
  }

  /** Ids of the reports matching a query (words, "phrases") and filters, best first; all of them for an empty query. */
  searchHits(
    query: string,
    filters: ReportFilters = {},
    limit = Infinity,
  ): Array<{ id: string; score: number }> {
    const parsed = parseQuery(query);
    if (parsed.words.length + parsed.phrases.length === 0) {
      return this.list(filters)
        .slice(0, limit)
        .map((row) => ({ id: row.id, score: 0 }));
    }
    const passes = rowFilter(filters, this.referenceKeys());
    const allowed = hasFilters(filters) ? (id: string) => passes(this.summarize(this.record(id))) : undefined;
    return this.index.search(parsed, allowed, limit);
  }

  /** Reports matching a query and filters, best first, with snippets. */
  search(query: string, filters: ReportFilters = {}, limit = 50): SearchResult[] {
    return this.searchHits(query, filters, limit).map((hit) => ({
      id: hit.id,
      score: hit.score,
      title: this.summary(hit.id).title,
      ...this.snippet(hit.id, query),
    }));
  }

  /** The excerpt of a report around the query's first match, highlights in code points of the excerpt. */
  snippet(id: string, query: string): { snippet: string; highlights: Array<[number, number]> } {
    const snippet = makeSnippet(this.currentText(this.record(id)), parseQuery(query));
    const index = new CodePointIndex(snippet.text);
    return {
      snippet: snippet.text,
      highlights: snippet.highlights.map(([s, e]): [number, number] => [
        index.toCodePoint(s),
        index.toCodePoint(e),
      ]),
    };
  }

  /**
   * Problems that need an editor: unreadable sidecars (damaged, or with git conflict markers), originals
   * changed on disk and corrections carried onto them, conflicts to resolve, orphaned annotations; and
   * annotations moved onto their words, which alone are no failure. Every annotation is checked against its
   * text first. Not `ok` either while `.folio/corpus.json` has conflict markers (`settingsProblem`) or
   * settings conflicts a merge recorded in it (`settingsConflicts`).
   */
  check(): CheckResult {
    const problems: CheckResult['problems'] = [];
    for (const record of this.records.values()) {
      this.verify(record, false);
      for (const problem of problemsOf(record, this.findingsOf(record)))
        problems.push({ id: record.id, ...problem });
    }
    const settingsConflicts = structuredClone(this.settings.conflicts ?? []);
    const ok =
      problems.every((p) => p.code === 'annotations-moved') &&
      this.skippedFiles.length === 0 &&
      this.settingsConflict === null &&
      settingsConflicts.length === 0;
    return {
      ok,
      problems,
      skipped: this.skipped(),
      settingsProblem: this.settingsConflict,
      settingsConflicts,
    };
  }

  /**
   * Why the corpus's settings are held merged in memory: git left conflict markers in `.folio/corpus.json`
   * (its two halves are merged as `folio resolve` would, and settings edits are refused until it is run).
   * Null normally.
   */
  settingsProblem(): string | null {
    return this.settingsConflict;
  }

  // ---------------------------------------------------------------- editing

  /**
   * Applies an edit to one report: edits of a report run one at a time in this process and under the
   * report's lock across processes, each on the sidecar as it is on disk then, so no change that returned
   * is ever lost. With `expectedRevision` (the revision the editor's view was made from) an edit that meets a
   * change made since is still applied unless that change touched a part the edit depends on (the same
   * field, annotation or text): then it is refused with `changed-on-disk`. Returns the edit as applied.
   */
  async edit(
    id: string,
    edit: ReportEdit,
    options: { editor?: string; expectedRevision?: string | null } = {},
  ): Promise<AppliedReportEdit> {
    const key = this.record(id).id;
    return this.editQueue.run(key, async () => {
      const record = this.record(key);
      if (record.stateError) {
        if (this.findingsOf(record).unreadable === 'merge-conflict')
          throw new FolioError('merge-conflict', `${record.stateError} before editing this report`);
        throw new FolioError(
          'corrupt-sidecar',
          `${record.stateError} — fix or remove that file before editing this report`,
        );
      }
      const context: EditContext = {
        editor: options.editor ?? '',
        at: new Date().toISOString(),
        original: () => this.originalText(record),
        originalSha256: record.sha256,
        labels: this.settings.labels,
      };
      let before!: ReportState;
      const written = await this.store.transact(
        key,
        () => this.freshState(record),
        (loaded) => {
          // What is written is repaired: the file on disk may be older than the original, or edited by hand.
          const current = this.reconcile(record, loaded.state).state;
          this.checkNotConflicting(record, edit, current, loaded.revision, options.expectedRevision);
          before = current;
          const next = structuredClone(current);
          edit.apply(next, context);
          next.original = { file: record.file, sha256: record.sha256, size: record.size };
          next.annotations = anchoredAfter(next, context);
          return next;
        },
      );
      this.adoptState(record, written!.revision, written!.state);
      this.refreshDerived(record);
      this.emit({ kind: 'changed', id: key });
      return { kind: 'report', id: key, edit, before, after: written!.state };
    });
  }

  /**
   * Applies an edit to `.folio/corpus.json` under its lock, on the file as it is on disk then, so a
   * collection another program made meanwhile is kept. Returns the edit as applied.
   */
  editSettings(edit: SettingsEdit): Promise<AppliedSettingsEdit> {
    return this.editQueue.run(SETTINGS_KEY, async () => {
      let before!: CorpusSettings;
      const after = await this.store
        .transactSettings((current) => {
          before = current;
          return edit.apply(structuredClone(current));
        })
        .catch((error: unknown) => {
          if (!(error instanceof FolioError && error.code === 'merge-conflict')) throw error;
          throw new FolioError(
            'merge-conflict',
            `${error.message}; the corpus's labels, tags and collections cannot be changed until then`,
            error.path,
          );
        });
      this.settingsConflict = null;
      this.adoptSettings(after);
      return { kind: 'settings', edit, before, after };
    });
  }

  /** Lists a symbolic link that appeared in the corpus folder as skipped: links are never followed. */
  skipSymlink(file: string): void {
    this.skippedFiles = [...this.skippedFiles.filter((s) => s.file !== file), symlinkSkipped(file)];
  }

  /**
   * Merges the `.folio/` files git left with conflict markers, as `folio resolve` does, and reads them again:
   * what they hold is known and editable again, and what the merge could not decide waits as conflicts.
   */
  async resolveMergeConflicts(): Promise<ResolvedMergeFile[]> {
    const resolved = await resolveConflictedFiles(this.root);
    for (const result of resolved) {
      if ('error' in result) continue;
      if (result.report === null) await this.reloadSettings();
      else if (this.records.has(result.report)) await this.reload(result.report);
    }
    return resolved;
  }

  /** Reads `.folio/corpus.json` again (another program changed it). */
  async reloadSettings(): Promise<void> {
    this.adoptSettings(await this.readSettings());
  }

  /**
   * Reads `.folio/corpus.json`; one git left conflict markers in is not fatal: its halves are merged in
   * memory as `folio resolve` would merge them, and `settingsProblem` says so.
   */
  private async readSettings(): Promise<CorpusSettings> {
    try {
      const settings = await this.store.readSettings();
      this.settingsConflict = null;
      return settings;
    } catch (error) {
      if (!(error instanceof FolioError && error.code === 'merge-conflict' && error.path)) throw error;
      const merged = resolveConflictMarkers(await fs.readFile(error.path, 'utf8'), error.path);
      this.settingsConflict = `${error.message}; until then its two versions are merged in memory, and settings cannot be changed`;
      return parseCorpusSettings(merged.text, error.path);
    }
  }

  /** Takes settings as they are now, telling listeners when they differ from those held (not an echo). */
  private adoptSettings(settings: CorpusSettings): void {
    const changed = JSON.stringify(settings) !== JSON.stringify(this.settings);
    this.settings = settings;
    if (changed) this.emit({ kind: 'settings', id: '' });
  }

  /** Adds and removes tags on many reports at once. */
  async setTags(ids: string[], change: { add?: string[]; remove?: string[] }): Promise<AppliedReportEdit[]> {
    return this.editEach(ids, setTags(change));
  }

  /** Sets the review status of many reports at once. */
  async setStatus(ids: string[], status: ReportStatus): Promise<AppliedReportEdit[]> {
    return this.editEach(ids, setStatus(status));
  }

  /**
   * Applies one edit to many reports, one after another (a thousand at once would hold a thousand locks);
   * returns each as applied.
   */
  async editEach(
    ids: string[],
    edit: ReportEdit,
    options: { editor?: string; applied?: AppliedReportEdit[] } = {},
  ): Promise<AppliedReportEdit[]> {
    // The caller's list, when given, holds what was applied even if a later report fails.
    const applied = options.applied ?? [];
    for (const id of ids) applied.push(await this.edit(id, edit, { editor: options.editor }));
    return applied;
  }

  /** Records the editor's value for a metadata field beside the extracted one. */
  async setMetadata(
    id: string,
    field: string,
    value: unknown,
    editor: string,
    expectedRevision?: string | null,
  ) {
    return this.edit(id, setMetadata(field, value), { editor, expectedRevision });
  }

  /** Drops the editor's correction so the extracted value is in effect again. */
  async resetMetadata(id: string, field: string, expectedRevision?: string | null) {
    return this.edit(id, resetMetadata(field), { expectedRevision });
  }

  /** Annotates a span of the corrected text (code points); returns the new annotation's id. */
  async addAnnotation(
    id: string,
    span: NewAnnotation,
    editor: string,
    expectedRevision?: string | null,
  ): Promise<string> {
    const edit = addAnnotation(span);
    await this.edit(id, edit, { editor, expectedRevision });
    return edit.annotationId;
  }

  /** Annotates the `occurrence`-th (1-based) occurrence of `quote` in the corrected text. */
  async annotateQuote(
    id: string,
    quote: string,
    occurrence: number,
    label: string,
    note: string,
    editor: string,
  ): Promise<string> {
    const text = this.currentText(this.record(id));
    const normalizedQuote = normalizeText(quote);
    let at = -1;
    for (let n = 0; n < occurrence; n++) {
      at = text.indexOf(normalizedQuote, at + 1);
      if (at < 0) {
        throw new FolioError(
          'invalid-input',
          `"${quote}" occurs fewer than ${occurrence} time(s) in report "${id}"`,
        );
      }
    }
    const start = new CodePointIndex(text).toCodePoint(at);
    const edit = addAnnotation({ start, end: start + [...normalizedQuote].length, label, note });
    // The revision the quote was found in: a text corrected meanwhile is refused, not annotated elsewhere.
    await this.edit(id, edit, { editor, expectedRevision: this.record(id).revision });
    return edit.annotationId;
  }

  /**
   * Adds annotations exactly as given — ids, authors and times kept — as an import does, so an export
   * imported again gives back the same files. Offsets are code points; each quote must match its span.
   */
  async importAnnotations(id: string, annotations: ImportedAnnotation[], expectedRevision?: string | null) {
    return this.edit(id, importAnnotations(annotations), { expectedRevision });
  }

  /** Changes an annotation's label or note. */
  async updateAnnotation(
    id: string,
    annotationId: string,
    change: { label?: string; note?: string },
    expectedRevision?: string | null,
  ) {
    return this.edit(id, updateAnnotation(annotationId, change), { expectedRevision });
  }

  /** Deletes an annotation. */
  async deleteAnnotation(id: string, annotationId: string, expectedRevision?: string | null) {
    return this.edit(id, deleteAnnotation(annotationId), { expectedRevision });
  }

  /**
   * Saves the editor's corrected text. Every annotation is carried through the edit onto its own words; one
   * whose words were all deleted stays, flagged orphaned. Saving the original text again removes the correction.
   */
  async saveCorrection(id: string, text: string, editor: string, expectedRevision?: string | null) {
    return this.edit(id, correctText(text), { editor, expectedRevision });
  }

  /** Undoes some of the tracked changes (indices into `report(id).changes`), keeping the others. */
  async revertChanges(id: string, changeIndices: number[], editor: string, expectedRevision?: string | null) {
    const record = this.record(id);
    const original = this.originalText(record);
    const changes = diffTexts(original, this.currentText(record));
    const revert = new Set(changeIndices);
    for (const index of revert) {
      if (!changes[index])
        throw new FolioError('invalid-input', `report "${id}" has no change number ${index}`);
    }
    const kept: TextChange[] = changes.filter((_, i) => !revert.has(i));
    return this.edit(id, correctText(applyChanges(original, kept), 'revert-changes'), {
      editor,
      expectedRevision,
    });
  }

  /**
   * Refuses an edit made on the state at `expected` when the state on disk changed since in a part the edit
   * depends on. The state at `expected` is one this corpus read or wrote recently; when it is not known, any
   * change since is a conflict.
   */
  private checkNotConflicting(
    record: ReportRecord,
    edit: ReportEdit,
    current: ReportState,
    currentRevision: string | null,
    expected: string | null | undefined,
  ): void {
    if (expected === undefined || currentRevision === expected) return;
    const base = expected === null ? this.freshState(record) : this.knownStates.get(expected);
    if (base && edit.parts.every((part) => samePart(base, current, part))) return;
    throw new FolioError(
      'changed-on-disk',
      `report "${record.id}" was changed by someone else since it was opened; reload it`,
    );
  }

  /**
   * Takes a state written as the report's, remembering it under its revision for `checkNotConflicting`: it
   * was reconciled and repaired before it was written, so nothing is pending any more.
   */
  private adoptState(record: ReportRecord, revision: string, state: ReportState): void {
    this.knownStates.put(revision, state);
    record.revision = revision;
    record.state = state;
    record.corrected = state.correction ? state.correction.lines.join('\n') : null;
    record.movedAnnotations = 0;
    this.findings.set(record.id, { ...NOTHING_FOUND, verified: true });
  }

  /**
   * Reloads one report from disk (after a change by someone else); removes it when its file is gone, or
   * when it became a symbolic link (never followed: it may lead out of the corpus). `file` is the report's
   * corpus-relative path as the disk spells it, when known.
   */
  async reload(id: string, file?: string): Promise<void> {
    id = id.normalize('NFC');
    const existing = this.records.get(id);
    file ??= existing?.file ?? reportFileOf(id);
    const stat = await fs.lstat(path.join(this.root, file)).catch(() => null);
    if (!stat?.isFile()) {
      this.originals.delete(id);
      if (this.records.delete(id)) {
        this.forget(id);
        this.emit({ kind: 'removed', id });
      }
      this.skippedFiles = this.skippedFiles.filter((s) => s.file !== file);
      if (stat?.isSymbolicLink()) this.skipSymlink(file);
      return;
    }
    const unchanged =
      existing !== undefined &&
      stat.size === existing.size &&
      stat.mtimeMs === existing.mtimeMs &&
      (await this.store.revisionOf(id)) === existing.revision;
    // The echo of this corpus's own sidecar write, or a file touched without change: nothing to reload.
    if (unchanged) return;
    this.originals.delete(id);
    await this.ingest([{ id, file, size: stat.size, mtimeMs: stat.mtimeMs }], new Set([id]));
    if (this.records.has(id)) this.emit({ kind: existing ? 'changed' : 'added', id });
    else if (existing) this.emit({ kind: 'removed', id });
  }

  /**
   * Saves the search index and extraction cache when they changed, after any save under way, so the next open
   * is fast. Never rejects: a cache that cannot be saved is reported by `info().cacheWarning`.
   */
  flush(): Promise<void> {
    this.saving = this.saving.then(() => this.saveIfChanged());
    return this.saving;
  }

  private async saveIfChanged(): Promise<void> {
    if (!this.cache.changed) return;
    try {
      await this.cache.save(this.index);
      this.cacheWarning = null;
    } catch (error) {
      this.cacheWarning = `could not save the cache in ${this.store.folioDir}: ${(error as Error).message}`;
    }
  }

  /** Registers a listener for reports added, changed or removed; returns its disposer. */
  readonly onDidChange = this.changes.event;

  // ---------------------------------------------------------------- internals

  private emit(change: CorpusChange): void {
    this.changes.fire(change);
  }

  private record(id: string): ReportRecord {
    // Ids are NFC; a name typed or pasted in NFD is the same report.
    const record = this.records.get(id) ?? this.records.get(id.normalize('NFC'));
    if (!record) throw new FolioError('unknown-report', `no report "${id}" in ${this.root}`);
    return record;
  }

  private checkLabel(label: string): string {
    const known = this.settings.labels.find((l) => l.name.toLowerCase() === label.toLowerCase());
    if (!known) {
      throw new FolioError(
        'invalid-input',
        `unknown label "${label}"; this corpus's labels are ${this.settings.labels.map((l) => l.name).join(', ')}`,
      );
    }
    return known.name;
  }

  private referenceKeys(): ReferenceKeys {
    this.references ??= ReferenceKeys.of(
      Array.from(this.records.values(), (record) => this.summarize(record).references),
    );
    return this.references;
  }

  private summarize(record: ReportRecord): ReportSummary {
    record.summary ??= summaryOf(record, this.findings.get(record.id) ?? NOTHING_FOUND);
    return record.summary;
  }
}

/**
 * The annotations of a state an edit made, each anchored on the state's text: an edit that placed or moved
 * them stamped them already; any other is repaired the one way (`repairAnchors`).
 */
function anchoredAfter(state: ReportState, context: EditContext): StoredAnnotation[] {
  if (state.annotations.length === 0) return state.annotations;
  const text = textOf(state, context);
  const key = textKeyIn(state, context, text);
  if (state.annotations.every((a) => a.revision === key)) return state.annotations;
  return repairAnchors(state.annotations, text, key).annotations;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
