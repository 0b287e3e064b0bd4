// The names the API speaks in, declared once for the core, the shells and the renderer; no validation
// library, so the analysis worker and the renderer load none for them.

/** Metadata fields the editor can correct. */
export const METADATA_FIELDS = [
  'title',
  'published',
  'source',
  'author',
  'place',
  'section',
  'viewCount',
  'references',
  'people',
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** The facets the library filters by. */
export const FACETS = ['tags', 'status', 'source', 'place', 'label', 'reference', 'language'] as const;
export type Facet = (typeof FACETS)[number];

/** Review states a report moves through. */
export const REPORT_STATUSES = ['new', 'in-progress', 'needs-review', 'done'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The keys a label can be applied with. */
export const LABEL_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Every export format, in the order the command line lists them. */
export const EXPORT_FORMATS = [
  'jsonl',
  'csv',
  'xlsx',
  'markdown',
  'txt',
  'webannotation',
  'brat',
  'doccano',
  'conll',
  'patch',
] as const;
/** The name of one export format. */
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** Machine-readable reason attached to every error the core raises; shells pass it to the renderer. */
export const ERROR_CODES = [
  'not-a-folder',
  'unknown-report',
  'outside-corpus',
  'unreadable',
  'binary',
  'undecodable',
  'too-large',
  'corrupt-sidecar',
  /** A `.folio/` file git merged without Folio's merge driver, left with conflict markers. */
  'merge-conflict',
  'changed-on-disk',
  'disk-full',
  'read-only',
  'name-too-long',
  'unwritable',
  'invalid-input',
] as const;
export type FolioErrorCode = (typeof ERROR_CODES)[number];

/**
 * What an error says beyond its code, for the interface to put in its own language: `reason` names the case
 * (`collection-name`, `nothing-to-export`, `changed-since`, `undo-refused`), the rest fill its sentence.
 */
export type ErrorParams = { reason: string } & Record<string, string | number>;
