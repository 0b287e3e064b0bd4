import { promises as fs, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { FolioError } from '../errors';
import { FOLIO_DIR } from '../store/sidecars';
import type { SkippedFile } from '../../contract/types';

/** A report file found in the corpus folder, before it is read. */
export interface FoundFile {
  id: string;
  /** Path relative to the corpus root, with `/` separators. */
  file: string;
  size: number;
  mtimeMs: number;
}

/** Files read as reports: plain text, and Markdown as scrapers and aggregators save it. */
export const REPORT_FILE = /\.(?:txt|md|markdown)$/i;

/**
 * Report id of a corpus-relative report path, `/`-separated and in NFC (a name in NFD, as macOS writes
 * them, is the same report): a `.txt` file's path without `.txt`, any other report file's path as it is
 * (so `a.txt`, `a.md` and `a.TXT` side by side are three reports).
 */
export function reportIdOf(relativeFile: string): string {
  return relativeFile
    .split(path.sep)
    .join('/')
    .normalize('NFC')
    .replace(/\.txt$/, '');
}

/** The corpus-relative file of a report id (see `reportIdOf`), spelt as the id is. */
export function reportFileOf(id: string): string {
  return REPORT_FILE.test(id) && !id.endsWith('.txt') ? id : `${id}.txt`;
}

/** The report files of a folder, and the files that look like reports but are not opened, with why. */
export interface FoundFiles {
  files: FoundFile[];
  skipped: SkippedFile[];
}

/**
 * Lists every report file (`.txt`, `.md`) below `root` (nested folders included, hidden folders and `.folio/`
 * skipped) with its size and modification time, sorted by id. Symbolic links are never followed (a link can
 * lead out of the corpus, or round in a loop): they are listed as skipped, as is a second file whose name
 * gives the same id (the same name in NFC and NFD). Throws `FolioError('not-a-folder')` when `root` is not one.
 */
export async function findReportFiles(root: string, onFound?: (count: number) => void): Promise<FoundFiles> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat?.isDirectory()) throw new FolioError('not-a-folder', `${root}: not a folder`, root);
  const found: FoundFile[] = [];
  const skipped: SkippedFile[] = [];
  await walk(root, root, found, skipped, onFound);
  found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : 1));
  const files = found.filter((file, i) => {
    const first = found[i - 1];
    if (first?.id !== file.id) return true;
    skipped.push({
      file: file.file,
      code: 'duplicate-id',
      reason: `${file.file}: the same name as ${first.file} (written in another Unicode form); only ${first.file} is opened`,
    });
    return false;
  });
  return { files, skipped };
}

/** Why a symbolic link is not opened as a report, for the list of skipped files. */
export function symlinkSkipped(file: string): SkippedFile {
  return {
    file,
    code: 'symlink',
    reason: `${file}: a symbolic link; Folio opens only the files inside the corpus folder`,
  };
}

/** Files stat'ed between two yields to the event loop: a few milliseconds of work. */
const STAT_BATCH = 1000;

async function walk(
  root: string,
  dir: string,
  found: FoundFile[],
  skipped: SkippedFile[],
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
      await walk(root, full, found, skipped, onFound);
      continue;
    }
    if (entry.isSymbolicLink()) {
      skipped.push(symlinkSkipped(path.relative(root, full).split(path.sep).join('/')));
      continue;
    }
    if (!entry.isFile() || !REPORT_FILE.test(entry.name)) continue;
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
