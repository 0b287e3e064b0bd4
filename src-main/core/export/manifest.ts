import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { version as FOLIO_VERSION } from '../../../package.json';
import { FolioError } from '../errors';
import { bratNote, bratSpanId } from './brat';
import {
  EXPORT_FORMATS,
  type ExportDocument,
  type ExportFormatName,
  type ManifestFile,
  type TextVersion,
} from './types';

/** The manifest's own file name; it lists every other file of the export. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * An annotation as an export wrote it, so that an import of the files edited in another tool can tell what
 * that tool changed: the Folio id, the id the format's file gives it when that is another (brat's `T3`), the
 * offsets and label written, and a fingerprint of the note as written (`''` for none; absent where the
 * format carries no notes).
 */
export interface ManifestAnnotation {
  id: string;
  local?: string;
  start: number;
  end: number;
  label: string;
  note?: string;
}

/** What `manifest.json` records about an export. */
export interface Manifest {
  format: ExportFormatName;
  folioVersion: string;
  exportedAt: string;
  text: TextVersion;
  selection: Record<string, unknown>;
  reports: string[];
  files: ManifestFile[];
  /** Per report, the annotations written, in the order written; only for formats an import matches back. */
  annotations?: Record<string, ManifestAnnotation[]>;
}

/** How a format names and writes what the manifest records of an annotation. */
interface AnnotationForm {
  local?: (index: number) => string;
  note?: (note: string) => string;
}

/** The formats whose imports are matched to what was exported; the others record no annotations. */
const ANNOTATION_FORMS: Partial<Record<ExportFormatName, AnnotationForm>> = {
  brat: { local: bratSpanId, note: bratNote },
  doccano: {},
  webannotation: { note: (note) => note },
};

/** A note as the format writes it, to compare with the note a file gives back; null when it writes none. */
export function writtenNote(format: ExportFormatName, note: string): string | null {
  return ANNOTATION_FORMS[format]?.note?.(note) ?? null;
}

/** The fingerprint the manifest keeps of a note as written: short, and no copy of what the note says. */
export function noteFingerprint(written: string): string {
  return written === '' ? '' : createHash('sha256').update(written).digest('hex').slice(0, 16);
}

/** Gathers, report by report, what the manifest records of the annotations an export writes. */
export class ManifestAnnotations {
  private readonly recorded = new Map<string, ManifestAnnotation[]>();
  private readonly form: AnnotationForm | undefined;

  constructor(format: ExportFormatName) {
    this.form = ANNOTATION_FORMS[format];
  }

  /** Records the spans of a report as the format wrote them. */
  add(doc: ExportDocument): void {
    const form = this.form;
    if (!form) return;
    this.recorded.set(
      doc.id,
      doc.spans.map((span, i) => ({
        id: span.id,
        ...(form.local && { local: form.local(i) }),
        start: span.start,
        end: span.end,
        label: span.label,
        ...(form.note && { note: noteFingerprint(form.note(span.note)) }),
      })),
    );
  }

  /** The record for `manifest.json`; undefined for a format whose imports are not matched to an export. */
  byReport(): Record<string, ManifestAnnotation[]> | undefined {
    return this.form ? Object.fromEntries(this.recorded) : undefined;
  }
}

/** SHA-256 and byte size of each file (paths relative to `dir`, `/`-separated), in the order given. */
export async function describeFiles(dir: string, paths: readonly string[]): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const relative of paths) {
    // Streamed: a whole-corpus export is tens of megabytes, not worth holding in memory to hash.
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(path.join(dir, ...relative.split('/')))) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    files.push({ path: relative, sha256: hash.digest('hex'), bytes });
  }
  return files;
}

/** The manifest of an export, as pretty-printed JSON; each recorded annotation on a line of its own. */
export function manifestJson(manifest: Omit<Manifest, 'folioVersion'>): string {
  const { format, exportedAt, text, selection, reports, files, annotations } = manifest;
  const head = JSON.stringify(
    { format, folioVersion: FOLIO_VERSION, exportedAt, text, selection, reports, files },
    null,
    2,
  );
  if (!annotations) return `${head}\n`;
  const lists = Object.entries(annotations).map(
    ([id, list]) =>
      `    ${JSON.stringify(id)}: ${
        list.length ? `[\n${list.map((entry) => `      ${JSON.stringify(entry)}`).join(',\n')}\n    ]` : '[]'
      }`,
  );
  const body = lists.length ? `{\n${lists.join(',\n')}\n  }` : '{}';
  // `head` ends with "\n}": the annotations go in before that brace.
  return `${head.slice(0, -2)},\n  "annotations": ${body}\n}\n`;
}

const manifestSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  folioVersion: z.string(),
  exportedAt: z.string(),
  text: z.enum(['original', 'corrected']),
  selection: z.record(z.string(), z.unknown()),
  reports: z.array(z.string()),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number() })),
  annotations: z
    .record(
      z.string(),
      z.array(
        z.object({
          id: z.string().min(1),
          local: z.string().optional(),
          start: z.number().int().nonnegative(),
          end: z.number().int().nonnegative(),
          label: z.string(),
          note: z.string().optional(),
        }),
      ),
    )
    .optional(),
});

/** Reads a `manifest.json`; throws naming `where` and the first problem when it is not one Folio wrote. */
export function parseManifest(json: string, where: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new FolioError('invalid-input', `${where}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FolioError(
      'invalid-input',
      `${where}: not a Folio export manifest (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'wrong shape'})`,
    );
  }
  return parsed.data;
}
