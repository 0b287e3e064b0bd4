import type { ExportFormatName, MetadataField, ReportStatus } from './vocabulary';

// The shapes the API returns, declared here for the core that makes them and the renderer that reads them.
// Every offset in these shapes counts Unicode code points, the unit of exports and of other tools.

/**
 * An annotation label of the corpus, with its colour and the key that applies it. `name` is what annotations
 * store and exports write, and never changes; `names` are what the interface shows in each language.
 */
export interface Label {
  name: string;
  /** The name shown in each interface language; where one is missing, `name` is shown. */
  names?: LabelNames;
  color: string;
  /** The key, `1`–`9`, that applies the label to the selected text; null when none does. */
  key: string | null;
}

/** A label's display names, by interface language. */
export interface LabelNames {
  vi?: string;
  en?: string;
}

/**
 * One change of a corpus's label set. `add` appends (or inserts at the 1-based `position`); `update` sets the
 * fields given (a display name of `''` clears it); `move` puts a label at a 1-based position; `remove` takes
 * out a label no annotation uses. Labels are named by their stable `name`, in any case.
 */
export type LabelChange =
  | { kind: 'add'; label: Label; position?: number }
  | { kind: 'update'; name: string; names?: LabelNames; color?: string; key?: string | null }
  | { kind: 'move'; name: string; position: number }
  | { kind: 'remove'; name: string };

/** A document a report refers to by its code (`22-NQ/TW`, `178/2024/NĐ-CP`). */
export interface DocumentReference {
  code: string;
  kind: 'party' | 'state';
  /** Document type abbreviation: NQ (Nghị quyết), CT (Chỉ thị), QĐ (Quy định/Quyết định), KL (Kết luận), KH (Kế hoạch), HD (Hướng dẫn), TB (Thông báo), QC (Quy chế), CTr (Chương trình). */
  type: string;
  number: string;
  /** Issuing body code (TW, TU, HU, ĐU, CP, TTg, QH15 …). */
  issuer: string | null;
}

/** A person named in the report with the position the text gives them. */
export interface Person {
  name: string;
  role: string | null;
}

/** What kind of web-page debris a range is. */
export type DebrisKind =
  | 'header'
  | 'section-label'
  | 'page-date'
  | 'place-label'
  | 'counter'
  | 'widget'
  | 'related-links'
  | 'footer';

/** Filters as a saved search stores them: the library's, with statuses not yet checked. */
export type StoredFilters = Omit<ReportFilters, 'status'> & { status?: string[] };

/** One entry of a collection; `missing` when its report file is no longer in the corpus. */
export interface CollectionEntry {
  id: string;
  missing: boolean;
}

/** A collection with its entries evaluated against the corpus as it is now. */
export interface ResolvedCollection {
  name: string;
  kind: 'manual' | 'search';
  /** The saved search's query and filters; null for a manual collection. */
  query: string | null;
  filters: StoredFilters | null;
  entries: CollectionEntry[];
}

/** A file in the corpus folder that could not be opened as a report, and why. */
export interface SkippedFile {
  file: string;
  code: 'binary' | 'undecodable' | 'too-large' | 'unreadable' | 'symlink' | 'duplicate-id';
  reason: string;
}

/** A problem with one report that needs the editor's attention. */
export interface ReportProblem {
  code:
    | 'corrupt-sidecar'
    | 'merge-conflict'
    | 'original-changed'
    | 'correction-rebased'
    | 'conflicts'
    | 'orphaned-annotations'
    | 'annotations-moved';
  message: string;
  /** How many annotations it concerns, for the interface's own sentence. */
  count?: number;
}

/** A report as the library lists it. */
export interface ReportSummary {
  id: string;
  file: string;
  title: string | null;
  published: string | null;
  source: string | null;
  author: string | null;
  place: string | null;
  section: string | null;
  references: string[];
  /** The language the extractor detected (ISO 639-1), null when too little text to tell. */
  language: string | null;
  status: ReportStatus;
  tags: string[];
  labels: string[];
  annotationCount: number;
  orphanedCount: number;
  corrected: boolean;
  problems: ReportProblem[];
}

/** Where an extracted value came from. */
export interface EvidenceDto {
  start: number;
  end: number;
  text: string;
}

/** One metadata field: the value in effect, what the machine extracted, and the editor's correction if any. */
export interface MetadataFieldDto {
  value: unknown;
  extracted: { value: unknown; confidence: number; evidence: EvidenceDto[] };
  correction: { value: unknown; editor: string; at: string } | null;
}

/** An annotation with offsets on the corrected text and, where its words exist there, on the original. */
export interface AnnotationDto {
  id: string;
  start: number;
  end: number;
  /** Offsets on the original text; null where the span is text the editor inserted. */
  originalStart: number | null;
  originalEnd: number | null;
  label: string;
  note: string;
  quote: string;
  orphaned: boolean;
  author: string;
  created: string;
  modified: string;
}

/** One tracked change of the corrected text against the original. */
export interface ChangeDto {
  /** Range in the original text. */
  from: number;
  to: number;
  /** Range in the corrected text. */
  newFrom: number;
  newTo: number;
  deleted: string;
  inserted: string;
}

/** Where a conflict came from: two editors' work merged, or a correction carried onto a changed original. */
export type ConflictSource = 'merge' | 'original-changed';

/** One side's value of a conflicted field: the editor's, with who set it (null for a status, which has none). */
export interface ConflictValueDto {
  value: unknown;
  editor: string | null;
  at: string | null;
}

/** One side's version of a conflicted annotation, offsets on the report's text. */
export type ConflictAnnotationDto = Omit<AnnotationDto, 'originalStart' | 'originalEnd'>;

/**
 * A true conflict a merge or a rebase could not decide, for the editor to resolve. `ours` is the editor's own
 * version ("mine"), the one in effect until it is resolved; `theirs` is the other side's (or the new original).
 * A side that is null has no value: a field that side left to the extractor, an annotation it deleted.
 */
export type ConflictDto =
  | {
      id: string;
      kind: 'field';
      source: ConflictSource;
      field: MetadataField | 'status';
      base: ConflictValueDto | null;
      ours: ConflictValueDto | null;
      theirs: ConflictValueDto | null;
    }
  | {
      id: string;
      kind: 'text';
      source: ConflictSource;
      /** The block's first line in the text (0-based), and where it stands there, in code points. */
      line: number;
      start: number;
      end: number;
      base: string[];
      ours: string[];
      theirs: string[];
    }
  | {
      id: string;
      kind: 'annotation';
      source: ConflictSource;
      annotationId: string;
      base: ConflictAnnotationDto | null;
      ours: ConflictAnnotationDto | null;
      theirs: ConflictAnnotationDto | null;
    };

/** How the editor resolves a conflict: with their own version, the other side's, or text they typed. */
export type ConflictChoice = 'ours' | 'theirs' | { text: string };

/** Everything the reader needs to show and edit one report. */
export interface ReportDetail extends ReportSummary {
  /** The corrected text (the original when uncorrected), normalised. */
  text: string;
  original: string;
  sha256: string;
  encoding: string;
  metadata: Record<MetadataField, MetadataFieldDto>;
  debris: Array<{ start: number; end: number; kind: DebrisKind }>;
  captions: Array<{ start: number; end: number }>;
  annotations: AnnotationDto[];
  changes: ChangeDto[];
  /** Conflicts waiting for the editor's choice, by id. */
  conflicts: ConflictDto[];
  /** Guards against overwriting: pass it back with a change; null when the report has no sidecar yet. */
  revision: string | null;
}

/** Filters the library and search share. */
export interface ReportFilters {
  tags?: string[];
  status?: ReportStatus[];
  source?: string[];
  place?: string[];
  label?: string[];
  reference?: string[];
  /** ISO 639-1 codes, as `ReportSummary.language`. */
  language?: string[];
  /** Inclusive ISO date bounds on the published date. */
  publishedFrom?: string;
  publishedTo?: string;
}

/** A search result with an excerpt; highlight offsets count code points in `snippet`. */
export interface SearchResult {
  id: string;
  score: number;
  title: string | null;
  snippet: string;
  highlights: Array<[number, number]>;
}

/** The corpus at a glance. */
export interface CorpusInfo {
  root: string;
  reports: number;
  skipped: SkippedFile[];
  corrected: number;
  annotations: number;
  statuses: Record<ReportStatus, number>;
  labels: Label[];
  /** How many annotations use each label, by its name (labels no annotation uses are left out). */
  labelUsage: Record<string, number>;
  tags: string[];
  /** Why `.folio/cache/` could not be written (the corpus works, the next open is slower); null normally. */
  cacheWarning: string | null;
  /**
   * Why `.folio/corpus.json` is held merged in memory: git left conflict markers in it, and settings edits are
   * refused until `folio resolve`. Null normally.
   */
  settingsProblem: string | null;
  /**
   * Reports whose editorial file cannot be read: their tags, annotations and corrections are unknown. A
   * `merge-conflict` one has git conflict markers, which merging both versions (`resolveMergeConflicts`) mends.
   */
  corruptSidecars: Array<{ id: string; message: string; code: 'corrupt-sidecar' | 'merge-conflict' }>;
  /** Settings a merge of `.folio/corpus.json` could not decide, waiting for the editor's choice. */
  settingsConflicts: SettingsConflictDto[];
}

/**
 * A setting two merged versions of `.folio/corpus.json` changed differently: a label, collection or outlet
 * (its whole value, null where that side deleted it) or a tag of the vocabulary. The settings hold `ours`.
 */
export interface SettingsConflictDto {
  id: string;
  kind: 'label' | 'collection' | 'tag-vocabulary' | 'outlet';
  name: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

/**
 * A `.folio/` file git left with conflict markers, as merging its two halves left it: `report` is the report
 * whose sidecar it is (null for `.folio/corpus.json`); `conflicts` how many conflict entries it now holds for
 * the editor to decide, or `error` why it could not be merged.
 */
export type ResolvedMergeFile = { file: string; report: string | null } & (
  { conflicts: number } | { error: string }
);

/** What `check` finds: every report with a problem, and unreadable files. */
export interface CheckResult {
  ok: boolean;
  problems: Array<{ id: string } & ReportProblem>;
  skipped: SkippedFile[];
  /** Why `.folio/corpus.json` is held merged in memory (see `CorpusInfo.settingsProblem`); null normally. */
  settingsProblem: string | null;
  /** Settings conflicts a merge recorded (see `CorpusInfo.settingsConflicts`): none of them is `ok`. */
  settingsConflicts: SettingsConflictDto[];
}

/** Which text is exported: the original as decoded, or the editor's corrected text. */
export type TextVersion = 'original' | 'corrected';

/**
 * Why an annotation is not in an export: its words were deleted (`orphaned`), exist only in the correction
 * while the original text is exported (`inserted`), overlap another span a format cannot nest (`overlap`),
 * end inside a character a token format keeps whole (`split-character`: half a flag or an emoji sequence), or
 * cover no token of such a format (`no-token`: only spaces or a joiner).
 */
export type LeftOutCause = 'orphaned' | 'inserted' | 'overlap' | 'split-character' | 'no-token';

/** An annotation that is not in the export, and why (`reason` is the English sentence for the command line). */
export interface LeftOutAnnotation {
  reportId: string;
  annotationId: string;
  label: string;
  text: string;
  cause: LeftOutCause;
  reason: string;
}

/** One file of the export with its checksum, as listed in `manifest.json`. */
export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** What an export did. */
export interface ExportSummary {
  format: ExportFormatName;
  text: TextVersion;
  out: string;
  zip: boolean;
  exportedAt: string;
  reports: number;
  files: ManifestFile[];
  /** Collection entries whose report file is gone. */
  missing: string[];
  leftOut: LeftOutAnnotation[];
  warnings: string[];
}

/** An export the browser shell holds for the browser to fetch, once, with the session token. */
export interface ExportDownload {
  /** The address, on the shell's own origin, that serves the file once. */
  url: string;
  /** The file name the browser saves it under. */
  name: string;
}

/** What the export operation resolves to: the summary and, in the browser shell, the download it offers. */
export interface ExportResult extends ExportSummary {
  download: ExportDownload | null;
}
