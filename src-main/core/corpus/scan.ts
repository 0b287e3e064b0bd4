import { promises as fs, statSync, type Stats } from 'node:fs';
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

/** Files stat'ed between two yields to the event loop: a few milliseconds of work. */
const STAT_BATCH = 1000;

async function walk(
  root: string,
  dir: string,
  found: FoundFile[],
  onFound?: (count: number) => void,
): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (let i = 0; i < entries.length; i++) {
    // A synchronous stat costs a tenth of a promised one (100,000 files: 0.15 s, not 1 s); batches keep the
    // process answering meanwhile.
    if (i > 0 && i % STAT_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const entry = entries[i]!;
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('.') || entry.name === FOLIO_DIR) continue;
    if (entry.isDirectory()) {
      await walk(root, full, found, onFound);
      continue;
    }
    if (!entry.isFile() || !/\.txt$/i.test(entry.name)) continue;
    let stat: Stats;
    try {
      stat = statSync(full);
    } catch {
      // Gone between listing and stat'ing: not a report any more.
      continue;
    }
    const file = path.relative(root, full).split(path.sep).join('/');
    found.push({ id: reportIdOf(file), file, size: stat.size, mtimeMs: stat.mtimeMs });
    onFound?.(found.length);
  }
}
