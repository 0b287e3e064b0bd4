/** Every import format, in the order the command line lists them. */
export const IMPORT_FORMATS = ['brat', 'doccano', 'webannotation', 'csv-metadata'] as const;
/** The name of one import format. */
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];

/** An annotation read from another tool's file, before it is matched to a report. */
export interface IncomingAnnotation {
  /** File and line or item, for messages: `a.ann:3`. */
  where: string;
  reportId: string;
  /** Code-point offsets as the file gives them. */
  start: number;
  end: number;
  label: string;
  /** The text the file says the span covers; null when the file does not say. */
  text: string | null;
  /** Context around the text, when the file gives it, to pick the right occurrence when re-anchoring. */
  prefix?: string;
  suffix?: string;
  note: string;
  id?: string;
  author?: string;
  created?: string;
  modified?: string;
}

/** A metadata value read from a spreadsheet, before it is matched to a report. */
export interface IncomingMetadata {
  where: string;
  reportId: string;
  field: string;
  value: unknown;
}

/** What a format's reader found in the files. */
export interface ReadResult {
  annotations: IncomingAnnotation[];
  metadata: IncomingMetadata[];
  /** Things in the files Folio does not take (brat relations, unknown columns), listed for the user. */
  ignored: string[];
}

/** Something in the import that could not be applied, and why; never dropped without a trace. */
export interface Unmatched {
  where: string;
  reportId: string;
  what: string;
  reason: string;
}

/** An annotation whose offsets did not hold its text and that was placed where its text stands. */
export interface Reanchored {
  where: string;
  reportId: string;
  label: string;
  text: string;
  from: [number, number];
  to: [number, number];
}

/** What an import did. */
export interface ImportSummary {
  format: ImportFormatName;
  source: string;
  annotationsAdded: number;
  alreadyPresent: number;
  reanchored: Reanchored[];
  metadataChanged: number;
  metadataUnchanged: number;
  unmatched: Unmatched[];
  ignored: string[];
  /** Reports that were changed. */
  reports: string[];
}
