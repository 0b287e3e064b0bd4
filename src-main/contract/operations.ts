import { z } from 'zod';
import { EVENT_NAMES, OPERATION_NAMES } from './channels';
import type { HistoryState } from './history';
import type {
  ChangeDto,
  ConflictChoice,
  CorpusInfo,
  ExportResult,
  ExportSummary,
  Label,
  LabelChange,
  ReportDetail,
  ReportSummary,
  ResolvedCollection,
  ResolvedMergeFile,
  SearchResult,
} from './types';
import {
  EXPORT_FORMATS,
  FACETS,
  LABEL_KEYS,
  METADATA_FIELDS,
  REPORT_STATUSES,
  type Facet,
} from './vocabulary';

export type { ExportResult, ExportSummary, HistoryState, ResolvedCollection };
export { EDIT_VERBS, historyLabel, type EditVerb, type HistoryStep } from './history';
export { EXPORT_FORMATS, FACETS, LABEL_KEYS, METADATA_FIELDS, REPORT_STATUSES, type Facet };

export type {
  AnnotationDto,
  ChangeDto,
  ConflictAnnotationDto,
  ConflictChoice,
  ConflictDto,
  ConflictSource,
  ConflictValueDto,
  CorpusInfo,
  ExportDownload,
  LeftOutAnnotation,
  LeftOutCause,
  MetadataFieldDto,
  ReportDetail,
  ReportFilters,
  ReportProblem,
  ReportSummary,
  ResolvedMergeFile,
  SearchResult,
  SettingsConflictDto,
  SkippedFile,
  Label,
  LabelChange,
  LabelNames,
} from './types';
export type { FolioErrorCode, MetadataField, ReportStatus } from './vocabulary';

// The one contract between the renderer and the core. Each operation declares the schema its input must pass
// (checked by the shell before the core sees it) and, in `OperationResults`, what it resolves to. Both shells
// register exactly these operations and the renderer's client is typed from them.

const reportId = z.string().min(1).max(1024);
const revision = z.string().nullable().optional();
const status = z.enum(REPORT_STATUSES);
const codePoint = z.number().int().nonnegative();
const shortText = z.string().max(10_000);

const filters = z
  .object({
    tags: z.array(shortText).optional(),
    status: z.array(status).optional(),
    source: z.array(shortText).optional(),
    place: z.array(shortText).optional(),
    label: z.array(shortText).optional(),
    reference: z.array(shortText).optional(),
    language: z.array(shortText).optional(),
    publishedFrom: z.iso.date().optional(),
    publishedTo: z.iso.date().optional(),
  })
  .strict();

/** Columns the library can sort by. */
export const SORT_FIELDS = [
  'title',
  'published',
  'source',
  'place',
  'author',
  'status',
  'annotationCount',
  'id',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/** What the desktop app can do with a finished export's path: show it in the file manager, or copy it. */
export const REVEAL_ACTIONS = ['open-folder', 'copy-path'] as const;
export type RevealAction = (typeof REVEAL_ACTIONS)[number];

/** Interface languages. */
export const LANGUAGES = ['vi', 'en'] as const;
/** Colour themes; `system` follows the operating system. */
export const THEMES = ['system', 'light', 'dark'] as const;

/** App preferences kept outside the corpus (electron-store on the desktop, a JSON file in the browser shell). */
export interface Preferences {
  language: (typeof LANGUAGES)[number];
  theme: (typeof THEMES)[number];
  editorName: string;
  recentCorpora: string[];
  lastCorpus: string | null;
}

/** A library row; with a query, the excerpt around its first match (highlights in code points). */
export interface LibraryRow extends ReportSummary {
  snippet?: { text: string; highlights: Array<[number, number]> };
}

/** One page of the library. */
export interface ReportPage {
  total: number;
  offset: number;
  rows: LibraryRow[];
}

/** How many reports have each value of each facet, among those that pass the current query and filters. */
export type Facets = Record<Facet, Array<{ value: string; count: number }>>;

const empty = z.object({}).strict();

/** Which reports a library view shows: a query, filters, and optionally one collection. */
const scope = z
  .object({ query: shortText.default(''), filters: filters.default({}), collection: shortText.optional() })
  .strict();

const labelNames = z.object({ vi: shortText.optional(), en: shortText.optional() }).strict();
// Keys are checked against LABEL_KEYS by the core, which names the bad one in the interface's language.
const labelKey = z.string().max(16).nullable();
const labelPosition = z.number().int().min(1);

/** One change of the label set; the core checks what the shape cannot (names and keys unique, unused). */
const labelChange = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('add'),
      label: z
        .object({ name: shortText, names: labelNames.optional(), color: shortText, key: labelKey })
        .strict(),
      position: labelPosition.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('update'),
      name: shortText,
      names: labelNames.optional(),
      color: shortText.optional(),
      key: labelKey.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('move'), name: shortText, position: labelPosition }).strict(),
  z.object({ kind: z.literal('remove'), name: shortText }).strict(),
]) satisfies z.ZodType<LabelChange>;

/** Every operation of the API: its name and the schema its input must pass. */
export const OPERATIONS = {
  corpusInfo: { input: empty },
  openRecentCorpus: { input: z.object({ path: z.string().min(1) }).strict() },
  chooseCorpus: { input: empty },
  listReports: {
    input: z
      .object({
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(1000).default(100),
        sort: z.enum(SORT_FIELDS).default('id'),
        descending: z.boolean().default(false),
        query: shortText.default(''),
        filters: filters.default({}),
        collection: shortText.optional(),
      })
      .strict(),
  },
  facets: { input: scope },
  listIds: { input: scope },
  listCollections: { input: empty },
  createCollection: {
    input: z.union([
      z.object({ kind: z.literal('manual'), name: shortText, ids: z.array(reportId).default([]) }).strict(),
      z
        .object({
          kind: z.literal('search'),
          name: shortText,
          query: shortText,
          filters: filters.default({}),
        })
        .strict(),
    ]),
  },
  addToCollection: { input: z.object({ name: shortText, ids: z.array(reportId).min(1) }).strict() },
  removeFromCollection: { input: z.object({ name: shortText, ids: z.array(reportId).min(1) }).strict() },
  moveInCollection: {
    // 1-based, as the command line counts.
    input: z.object({ name: shortText, id: reportId, position: z.number().int().min(1) }).strict(),
  },
  deleteCollection: { input: z.object({ name: shortText }).strict() },
  renameCollection: { input: z.object({ name: shortText, newName: shortText }).strict() },
  moveCollection: {
    // 1-based, as moveInCollection counts.
    input: z.object({ name: shortText, position: z.number().int().min(1) }).strict(),
  },
  editLabels: { input: labelChange },
  exportReports: {
    input: z
      .object({
        selection: z.union([
          z.object({ kind: z.literal('all') }).strict(),
          z.object({ kind: z.literal('query'), query: shortText, filters: filters.default({}) }).strict(),
          z.object({ kind: z.literal('collection'), name: shortText }).strict(),
        ]),
        format: z.enum(EXPORT_FORMATS),
        text: z.enum(['original', 'corrected']).default('corrected'),
        zip: z.boolean().default(false),
      })
      .strict()
      .refine((input) => !(input.format === 'patch' && input.text === 'original'), {
        path: ['text'],
        message: 'a patch always goes from the original to the corrected text; export the corrected text',
      }),
  },
  // Desktop only: the path must be one this window exported to.
  revealPath: {
    input: z.object({ path: z.string().min(1).max(4096), action: z.enum(REVEAL_ACTIONS) }).strict(),
  },
  getReport: { input: z.object({ id: reportId }).strict() },
  getChanges: { input: z.object({ id: reportId }).strict() },
  search: {
    input: z
      .object({
        query: shortText,
        filters: filters.default({}),
        limit: z.number().int().min(1).max(1000).default(50),
      })
      .strict(),
  },
  setMetadata: {
    input: z.object({ id: reportId, field: z.enum(METADATA_FIELDS), value: z.unknown(), revision }).strict(),
  },
  resetMetadata: { input: z.object({ id: reportId, field: z.enum(METADATA_FIELDS), revision }).strict() },
  applyMetadata: {
    input: z
      .object({ ids: z.array(reportId).min(1), field: z.enum(METADATA_FIELDS), value: z.unknown() })
      .strict(),
  },
  setTags: {
    input: z
      .object({
        ids: z.array(reportId).min(1),
        add: z.array(shortText).default([]),
        remove: z.array(shortText).default([]),
      })
      .strict(),
  },
  setStatus: { input: z.object({ ids: z.array(reportId).min(1), status }).strict() },
  addAnnotation: {
    input: z
      .object({
        id: reportId,
        start: codePoint,
        end: codePoint,
        label: shortText,
        note: shortText.default(''),
        revision,
      })
      .strict(),
  },
  updateAnnotation: {
    input: z
      .object({
        id: reportId,
        annotationId: z.string().min(1),
        label: shortText.optional(),
        note: shortText.optional(),
        revision,
      })
      .strict(),
  },
  deleteAnnotation: { input: z.object({ id: reportId, annotationId: z.string().min(1), revision }).strict() },
  saveCorrection: { input: z.object({ id: reportId, text: z.string().max(20_000_000), revision }).strict() },
  revertChanges: {
    input: z
      .object({ id: reportId, changes: z.array(z.number().int().nonnegative()).min(1), revision })
      .strict(),
  },
  resolveConflict: {
    input: z
      .object({
        id: reportId,
        conflictId: z.string().min(1).max(64),
        choice: z.union([
          z.enum(['ours', 'theirs']),
          z.object({ text: z.string().max(20_000_000) }).strict(),
        ]) satisfies z.ZodType<ConflictChoice>,
        revision,
      })
      .strict(),
  },
  resolveSettingsConflict: {
    input: z.object({ conflictId: z.string().min(1).max(64), choice: z.enum(['ours', 'theirs']) }).strict(),
  },
  resolveMergeConflicts: { input: empty },
  undo: { input: empty },
  redo: { input: empty },
  editHistory: { input: empty },
  getPreferences: { input: empty },
  setPreferences: {
    input: z
      .object({
        language: z.enum(LANGUAGES).optional(),
        theme: z.enum(THEMES).optional(),
        editorName: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
  },
} as const;

/** What each operation resolves to. */
export interface OperationResults {
  corpusInfo: CorpusInfo | null;
  openRecentCorpus: CorpusInfo;
  chooseCorpus: CorpusInfo | null;
  listReports: ReportPage;
  facets: Facets;
  listIds: string[];
  listCollections: ResolvedCollection[];
  createCollection: ResolvedCollection;
  addToCollection: ResolvedCollection;
  removeFromCollection: ResolvedCollection;
  moveInCollection: ResolvedCollection;
  deleteCollection: ResolvedCollection[];
  /** The collection under its new name. */
  renameCollection: ResolvedCollection;
  /** Every collection, in the new order. */
  moveCollection: ResolvedCollection[];
  /** The label set as it is after the change. */
  editLabels: Label[];
  exportReports: ExportResult;
  revealPath: null;
  getReport: ReportDetail;
  getChanges: ChangeDto[];
  search: SearchResult[];
  setMetadata: ReportDetail;
  resetMetadata: ReportDetail;
  applyMetadata: ReportSummary[];
  setTags: ReportSummary[];
  setStatus: ReportSummary[];
  addAnnotation: ReportDetail;
  updateAnnotation: ReportDetail;
  deleteAnnotation: ReportDetail;
  saveCorrection: ReportDetail;
  revertChanges: ReportDetail;
  resolveConflict: ReportDetail;
  /** The corpus as it is after the choice (its `settingsConflicts` without the one resolved). */
  resolveSettingsConflict: CorpusInfo;
  /** Each `.folio/` file that had git conflict markers, merged or not and why (as `folio resolve` says). */
  resolveMergeConflicts: ResolvedMergeFile[];
  undo: HistoryState;
  redo: HistoryState;
  editHistory: HistoryState;
  getPreferences: Preferences;
  setPreferences: Preferences;
}

export type OperationName = keyof typeof OPERATIONS;
/** What a caller passes (defaults may be left out). */
export type OperationInput<N extends OperationName> = z.input<(typeof OPERATIONS)[N]['input']>;
/** What the shell hands the service after validation (defaults filled in). */
export type ValidInput<N extends OperationName> = z.output<(typeof OPERATIONS)[N]['input']>;

/** The API as the renderer sees it: one async method per operation. */
export type FolioApi = { [N in OperationName]: (input: OperationInput<N>) => Promise<OperationResults[N]> };

/** Events pushed from the core to the renderer. */
export interface FolioEvents {
  /**
   * A report was added, changed or removed, on disk or by another window; or, with `kind: 'settings'` and an
   * empty `id`, the corpus settings changed (labels, declared tags, collections): `corpusInfo` has them.
   */
  corpusChanged: { kind: 'added' | 'changed' | 'removed' | 'settings'; id: string };
  /** A (possibly different) corpus is now open. */
  corpusOpened: CorpusInfo;
  /** Progress of long work, such as opening a large corpus. */
  progress: { task: string; done: number; total: number };
  /** What undo and redo would do now changed (an edit was made, undone or redone; a corpus opened). */
  historyChanged: HistoryState;
  /** A native menu item the renderer acts on (desktop only). */
  menuCommand: { command: MenuCommand };
}
export type EventName = keyof FolioEvents;

/** Menu items whose action lives in the renderer. */
export type MenuCommand =
  'show-library' | 'show-reader' | 'show-changes' | 'toggle-theme' | 'find' | 'export' | 'undo' | 'redo';

/** Names of every event, for shells that forward them. */
export const EVENTS: readonly EventName[] = EVENT_NAMES;

// Compile-time guards: results, operation names and event names all describe the same sets.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const resultsCoverOperations: Exact<keyof OperationResults, OperationName> = true;
const namesCoverOperations: Exact<(typeof OPERATION_NAMES)[number], OperationName> = true;
const namesCoverEvents: Exact<(typeof EVENT_NAMES)[number], EventName> = true;
void [resultsCoverOperations, namesCoverOperations, namesCoverEvents];
