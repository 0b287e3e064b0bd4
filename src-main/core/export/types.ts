import type {
  ExportSummary,
  Label,
  LeftOutAnnotation,
  LeftOutCause,
  ManifestFile,
  ReportDetail,
  StoredFilters,
  TextVersion,
} from '../../contract/types';
import { EXPORT_FORMATS, type ExportFormatName } from '../../contract/vocabulary';

export { EXPORT_FORMATS };
export type { ExportFormatName, ExportSummary, LeftOutAnnotation, LeftOutCause, ManifestFile, TextVersion };

/** Which reports are exported. */
export type ExportSelection =
  | { kind: 'all' }
  | { kind: 'query'; query: string; filters: StoredFilters }
  | { kind: 'collection'; name: string };

/** What to export, how, and where. */
export interface ExportOptions {
  selection: ExportSelection;
  format: ExportFormatName;
  /** Default `corrected`. */
  text?: TextVersion;
  /** A folder, or the zip file when `zip` is set. */
  out: string;
  zip?: boolean;
  /** Replace an existing non-empty folder or zip file at `out`. */
  force?: boolean;
  /** Markdown only: keep the web-page debris in the text (default true). */
  debris?: boolean;
  /** Web Annotation only: the absolute IRI the export's resources are named under; default one per corpus. */
  base?: string;
  /** CSV and XLSX only: write cells as they are, even those a spreadsheet would run as a formula. */
  rawCells?: boolean;
  /** The export time written into manifests and collections; default now. */
  now?: Date;
  /** Called after each report is written. */
  onProgress?: (done: number, total: number) => void;
}

/** An annotation as exported: code-point offsets into the exported text, and the text they cover. */
export interface ExportSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  note: string;
  text: string;
  author: string;
  created: string;
  modified: string;
}

/** One report ready for the format writers: the chosen text and the spans on it. */
export interface ExportDocument {
  id: string;
  text: string;
  version: TextVersion;
  spans: ExportSpan[];
  /** Debris ranges (code points) on `text`, computed on first use. */
  debris: () => Array<{ start: number; end: number }>;
  report: ReportDetail;
}

/** What a format writer knows about the export as a whole. */
export interface FormatContext {
  root: string;
  labels: Label[];
  version: TextVersion;
  debris: boolean;
  /** An absolute IRI when the user gave one (`--base`); else the format names its resources itself. */
  base: string | null;
  /** The corpus's id (`corpus.json`), null until its settings were first written. */
  corpusId: string | null;
  rawCells: boolean;
  exportedAt: string;
  /** Records an annotation the format cannot carry: why, as a cause and as a sentence. */
  leaveOut(doc: ExportDocument, span: ExportSpan, cause: LeftOutCause, reason: string): void;
  warn(message: string): void;
}

/** A file, or a piece appended to one, produced by a format writer; paths are relative and `/`-separated. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
  append?: boolean;
}

/** The writer of one format for one export run; may keep state between reports. */
export interface FormatWriter {
  begin?(): OutputFile[];
  report(doc: ExportDocument): OutputFile[] | Promise<OutputFile[]>;
  end?(): OutputFile[] | Promise<OutputFile[]>;
}
