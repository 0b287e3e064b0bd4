import type { StoredFilters } from '../collections/schema';
import type { ReportDetail } from '../corpus/types';
import type { Label } from '../store/schema';

/** Every export format, in the order the command line lists them. */
export const EXPORT_FORMATS = [
  'jsonl',
  'csv',
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

/** Which text is exported: the original as decoded, or the editor's corrected text. */
export type TextVersion = 'original' | 'corrected';

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

/** An annotation that is not in the export, and why. */
export interface LeftOutAnnotation {
  reportId: string;
  annotationId: string;
  label: string;
  text: string;
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

/** What a format writer knows about the export as a whole. */
export interface FormatContext {
  root: string;
  labels: Label[];
  version: TextVersion;
  debris: boolean;
  exportedAt: string;
  /** Records an annotation the format cannot carry. */
  leaveOut(doc: ExportDocument, span: ExportSpan, reason: string): void;
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
  end?(): OutputFile[];
}
