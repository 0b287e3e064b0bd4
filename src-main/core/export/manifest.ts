import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { version as FOLIO_VERSION } from '../../../package.json';
import type { ExportFormatName, ManifestFile, TextVersion } from './types';

/** The manifest's own file name; it lists every other file of the export. */
export const MANIFEST_FILE = 'manifest.json';

/** What `manifest.json` records about an export. */
export interface Manifest {
  format: ExportFormatName;
  folioVersion: string;
  exportedAt: string;
  text: TextVersion;
  selection: Record<string, unknown>;
  reports: string[];
  files: ManifestFile[];
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

/** The manifest of an export, as pretty-printed JSON. */
export function manifestJson(manifest: Omit<Manifest, 'folioVersion'>): string {
  const { format, exportedAt, text, selection, reports, files } = manifest;
  return `${JSON.stringify({ format, folioVersion: FOLIO_VERSION, exportedAt, text, selection, reports, files }, null, 2)}\n`;
}
