import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedMergeFile } from '../../contract/types';
import { FolioError } from '../errors';
import { writeFileAtomic } from '../store/atomic';
import { sha256 } from '../store/hash';
import { withFileLock } from '../store/lock';
import { SidecarStore } from '../store/sidecars';
import { decodeReport } from '../text/decode';
import { resolveConflictMarkers } from './folioFile';
import { hasConflictMarkers } from './markers';
import type { OriginalText } from './mergeText';

/**
 * Merges every `.folio/` file of the corpus at `root` that git left with conflict markers, with the merge
 * driver's logic, each under the lock the store writes it under and read again there (one resolved
 * meanwhile is left as it is). One entry per file merged, or not merged and why; none when no file has markers.
 */
export async function resolveConflictedFiles(root: string): Promise<ResolvedMergeFile[]> {
  const store = new SidecarStore(root);
  const settingsFile = path.join(store.folioDir, 'corpus.json');
  const originalText = originalsOf(root);
  const results: ResolvedMergeFile[] = [];
  for (const file of await editorialFiles(store.folioDir)) {
    if (!hasConflictMarkers(await fs.readFile(file, 'utf8'))) continue;
    const shown = path.relative(root, file).split(path.sep).join('/');
    const report = file === settingsFile ? null : await store.idOfStateFile(file);
    try {
      const conflicts = await withFileLock(
        store.tempDir,
        report === null ? 'corpus.json' : `report ${report}`,
        async () => {
          const text = await fs.readFile(file, 'utf8');
          if (!hasConflictMarkers(text)) return null;
          const merged = resolveConflictMarkers(text, shown, { originalText });
          await writeFileAtomic(file, merged.text, { tempDir: store.tempDir });
          return merged.conflicts;
        },
      );
      if (conflicts !== null) results.push({ file: shown, report, conflicts });
    } catch (error) {
      if (!(error instanceof FolioError)) throw error;
      results.push({ file: shown, report, error: error.message });
    }
  }
  return results;
}

/**
 * The originals of a corpus as the merge asks for them: a report's file read from the corpus folder, taken
 * only when its bytes still have the SHA-256 asked for.
 */
export function originalsOf(corpus: string | null): OriginalText {
  return ({ file, sha256: wanted }) => {
    if (corpus === null) return null;
    try {
      const bytes = readFileSync(path.join(corpus, file));
      return sha256(bytes) === wanted ? decodeReport(bytes, file).text : null;
    } catch {
      return null;
    }
  };
}

/** `corpus.json` and every sidecar in a corpus's `.folio/` folder. */
async function editorialFiles(folio: string): Promise<string[]> {
  const reports = path.join(folio, 'reports');
  const entries = existsSync(reports)
    ? await fs.readdir(reports, { recursive: true, withFileTypes: true })
    : [];
  const sidecars = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const settings = path.join(folio, 'corpus.json');
  return existsSync(settings) ? [settings, ...sidecars] : sidecars;
}
