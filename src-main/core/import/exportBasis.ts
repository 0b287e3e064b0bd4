import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FolioError } from '../errors';
import { MANIFEST_FILE, parseManifest, writtenNote, type Manifest } from '../export/manifest';
import { WEB_ANNOTATION_FILE } from '../export/webannotation';
import { utf8, type InputFiles } from './input';
import type { ExportBasis } from './match';
import type { ImportFormatName, ReadResult } from './types';

/** What an import of annotations is matched through: the export's manifest, or why there is none. */
export interface FoundBasis {
  basis: ExportBasis | null;
  /** Where the manifest was read from. */
  manifest: string | null;
  /** Why only additions are made, when so. */
  additionsOnly: string | null;
}

/**
 * Finds the manifest of the export the files come from — the one named (`given`), the one inside the folder
 * or zip, or the one beside the single file given when it lists that file — and tells from it, per report the
 * files wholly give, what the export wrote. Without one only additions can be made, and the reason says so.
 */
export async function exportBasis(
  format: Exclude<ImportFormatName, 'csv-metadata'>,
  source: string,
  files: InputFiles,
  read: ReadResult,
  given: string | undefined,
): Promise<FoundBasis> {
  const found = await findManifest(source, files, given);
  if (!found) {
    return {
      basis: null,
      manifest: null,
      additionsOnly: `no ${MANIFEST_FILE} of the Folio export came with the files, so only additions are made; to take back what was deleted, relabelled, moved or re-noted, import the export's folder or zip, or name its manifest with --manifest`,
    };
  }
  const { manifest, where } = found;
  if (manifest.format !== format) {
    throw new FolioError(
      'invalid-input',
      `${where} is the manifest of a ${manifest.format} export; importing ${format} files needs the manifest of the ${format} export they come from (or none)`,
    );
  }
  const annotations = manifest.annotations;
  if (!annotations) {
    return {
      basis: null,
      manifest: where,
      additionsOnly: `${where} comes from a Folio that did not record the annotations it exported, so only additions are made`,
    };
  }
  const reports = new Set([...(read.reports ?? []), ...read.annotations.map((a) => a.reportId)]);
  // Web Annotation has no file per report: the export's own collection gives every report it exported.
  if (format === 'webannotation' && files.has(WEB_ANNOTATION_FILE) && lists(manifest, WEB_ANNOTATION_FILE))
    for (const id of manifest.reports) reports.add(id);
  return {
    basis: {
      exported: (id) => (reports.has(id) ? (annotations[id] ?? []) : []),
      reports: [...reports],
      writtenNote: (note) => writtenNote(format, note),
    },
    manifest: where,
    additionsOnly: null,
  };
}

async function findManifest(
  source: string,
  files: InputFiles,
  given: string | undefined,
): Promise<{ manifest: Manifest; where: string } | null> {
  if (given !== undefined) return { manifest: parseManifest(await readText(given), given), where: given };
  const inside = files.get(MANIFEST_FILE);
  if (inside) {
    const where = path.join(source, MANIFEST_FILE);
    return { manifest: parseManifest(utf8(where, inside), where), where };
  }
  // A single file given from inside an export folder: the manifest beside it, if it is that export's.
  const isFile = await fs.stat(source).then(
    (stat) => stat.isFile(),
    () => false,
  );
  if (!isFile || /\.zip$/i.test(source)) return null;
  const beside = path.join(path.dirname(source), MANIFEST_FILE);
  const text = await fs.readFile(beside, 'utf8').catch(() => null);
  if (text === null) return null;
  const manifest = parseManifest(text, beside);
  return lists(manifest, path.basename(source)) ? { manifest, where: beside } : null;
}

function lists(manifest: Manifest, file: string): boolean {
  return manifest.files.some((f) => f.path === file);
}

async function readText(file: string): Promise<string> {
  const bytes = await fs.readFile(file).catch((error: Error) => {
    throw new FolioError('unreadable', `${file}: cannot be read (${error.message})`, file);
  });
  return utf8(file, bytes);
}
