import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FolioError } from '../errors';
import { FOLIO_DIR } from '../store/sidecars';

/** A report file found in the corpus folder, before it is read. */
export interface FoundFile {
  id: string;
  /** Path relative to the corpus root, with `/` separators. */
  file: string;
  size: number;
  mtimeMs: number;
}

/** Report id of a corpus-relative `.txt` path: the path without `.txt`, `/`-separated. */
export function reportIdOf(relativeFile: string): string {
  return relativeFile
    .split(path.sep)
    .join('/')
    .replace(/\.txt$/i, '');
}

/**
 * Lists every `.txt` file below `root` (nested folders included, hidden folders and `.folio/` skipped) with
 * its size and modification time, sorted by id. Throws `FolioError('not-a-folder')` when `root` is not one.
 */
export async function findReportFiles(root: string, onFound?: (count: number) => void): Promise<FoundFile[]> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat?.isDirectory()) throw new FolioError('not-a-folder', `${root}: not a folder`, root);
  const found: FoundFile[] = [];
  await walk(root, root, found, onFound);
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function walk(
  root: string,
  dir: string,
  found: FoundFile[],
  onFound?: (count: number) => void,
): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('.') || entry.name === FOLIO_DIR) return;
      if (entry.isDirectory()) return walk(root, full, found, onFound);
      if (!entry.isFile() || !/\.txt$/i.test(entry.name)) return;
      const stat = await fs.stat(full).catch(() => null);
      if (!stat) return;
      const file = path.relative(root, full).split(path.sep).join('/');
      found.push({ id: reportIdOf(file), file, size: stat.size, mtimeMs: stat.mtimeMs });
      onFound?.(found.length);
    }),
  );
}
