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
  /** The Folio annotation id, when the file carries it (a Web Annotation's IRI). */
  id?: string;
  /** The file's own id of the span when it is not a Folio id (brat's `T3`), mapped through the export's manifest. */
  localId?: string;
  /**
   * The parts of a span the file gives in pieces (brat's `0 5;6 11`), when no text beside the file could
   * tell whether only line breaks lie between them; the planner checks that on the report's text.
   */
  fragments?: Array<[number, number]>;
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
  /**
   * Every report the files give the whole annotation list of (a brat `.ann`, a doccano line), those left with
   * none included: an exported annotation such a report no longer has was deleted in the tool.
   */
  reports?: string[];
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

/** What an import does to one annotation: its report and id, and the annotation as it is after the import. */
interface ChangeOf<Kind extends string> {
  kind: Kind;
  reportId: string;
  annotationId: string;
  /** The file and line the change comes from; null for a removal (the file no longer has the span). */
  where: string | null;
  label: string;
  text: string;
  start: number;
  end: number;
}

/** One change an import makes, or would make in a dry run, to an annotation. */
export type AnnotationChange =
  | (ChangeOf<'added'> & { note: string })
  | ChangeOf<'removed'>
  | (ChangeOf<'relabelled'> & { from: string })
  | (ChangeOf<'moved'> & { from: { start: number; end: number; text: string } })
  | (ChangeOf<'renoted'> & { from: string; note: string });

/** A change the file makes that the import does not take, because Folio changed the same thing since the export. */
export interface Kept {
  where: string | null;
  reportId: string;
  annotationId: string;
  label: string;
  text: string;
  reason: string;
}

/** A metadata value an import sets, or would set in a dry run. */
export interface MetadataChange {
  reportId: string;
  field: string;
  value: unknown;
}

/** What an import did, or what it would do when `applied` is false (a dry run). */
export interface ImportSummary {
  format: ImportFormatName;
  source: string;
  /** False for a dry run: nothing was written. */
  applied: boolean;
  /** The export manifest the annotations were matched through, as given or found; null when none. */
  manifest: string | null;
  /** Why only additions are made, when no manifest tells what was exported; null when it does. */
  additionsOnly: string | null;
  changes: AnnotationChange[];
  annotationsAdded: number;
  /** Annotations of the file that Folio has as the file has them. */
  annotationsUnchanged: number;
  kept: Kept[];
  reanchored: Reanchored[];
  metadata: MetadataChange[];
  metadataChanged: number;
  metadataUnchanged: number;
  unmatched: Unmatched[];
  ignored: string[];
  /** Reports that were changed (or would be, in a dry run). */
  reports: string[];
}
