import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AsPlainObject } from 'minisearch';
import type { Extraction } from '../extract/types';
import { writeFileAtomic } from '../store/atomic';

const CACHE_VERSION = 3;

/** What a previous open learnt about one report, reused while its file and text are unchanged. */
export interface CachedReport {
  size: number;
  mtimeMs: number;
  sha256: string;
  encoding: string;
  /** SHA-256 of the effective text the extraction and index entry were made from. */
  textKey: string;
  extraction: Extraction;
}

/** The persisted cache of a corpus: `.folio/cache/`, rebuilt from the files whenever it is missing or stale. */
export interface CorpusCache {
  reports: Record<string, CachedReport>;
  /** Index entries by id, each tagged with the key of the content it indexed. */
  indexKeys: Record<string, string>;
  index: AsPlainObject | null;
}

/** Loads the cache, or an empty one when it is missing, unreadable or from another version. */
export async function loadCache(folioDir: string): Promise<CorpusCache> {
  const empty: CorpusCache = { reports: {}, indexKeys: {}, index: null };
  try {
    const raw = JSON.parse(await fs.readFile(path.join(folioDir, 'cache', 'corpus-cache.json'), 'utf8'));
    if (raw?.version !== CACHE_VERSION) return empty;
    return { reports: raw.reports ?? {}, indexKeys: raw.indexKeys ?? {}, index: raw.index ?? null };
  } catch {
    // A cache is only an optimisation: any problem means rebuilding it.
    return empty;
  }
}

/** Saves the cache atomically; `.folio/.gitignore` keeps it out of a team's repository. */
export async function saveCache(folioDir: string, cache: CorpusCache): Promise<void> {
  const gitignore = path.join(folioDir, '.gitignore');
  await fs.access(gitignore).catch(() => writeFileAtomic(gitignore, 'cache/\n'));
  await writeFileAtomic(
    path.join(folioDir, 'cache', 'corpus-cache.json'),
    JSON.stringify({ version: CACHE_VERSION, ...cache }),
  );
}
