import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { FolioError } from '../errors';
import { isStaleTemporaryFile, removeStaleTemporaryFiles, toPrettyJson, writeFileAtomic } from './atomic';
import { sha256 } from './hash';
import { withFileLock } from './lock';
import { fromOsError } from './osError';
import {
  corpusSettingsSchema,
  DEFAULT_LABELS,
  reportStateSchema,
  SCHEMA_VERSION,
  type CorpusSettings,
  type ReportState,
} from './schema';

/** The folder inside a corpus that holds everything editorial. */
export const FOLIO_DIR = '.folio';

/** A sidecar as read from disk, with the revision that guards against overwriting someone else's change. */
export interface LoadedState {
  state: ReportState;
  /** SHA-256 of the file's bytes; `null` when the report has no sidecar yet. */
  revision: string | null;
}

/** Folder of `.folio/` that holds temporary files and locks, kept out of git by `.folio/.gitignore`. */
export const TEMP_DIR = 'tmp';
/** What `.folio/.gitignore` keeps out of a team's repository: what each machine makes for itself. */
const GITIGNORED = ['cache/', `${TEMP_DIR}/`];
/** The longest file name most file systems take, in bytes. */
const MAX_NAME_BYTES = 255;
/** A sidecar whose report's name is too long to add `.json` is named by a prefix of it and its hash. */
const HASHED_SIDECAR = /~[0-9a-f]{16}\.json$/;

/** Reads and writes `.folio/` files of one corpus. */
export class SidecarStore {
  readonly folioDir: string;
  /** Temporary files and locks; on the same disk as the sidecars, so a rename is atomic. */
  readonly tempDir: string;
  private prepared: Promise<void> | null = null;

  constructor(readonly root: string) {
    this.folioDir = path.join(root, FOLIO_DIR);
    this.tempDir = path.join(this.folioDir, TEMP_DIR);
  }

  /** Path of the sidecar of a report id. */
  statePath(id: string): string {
    const slash = id.lastIndexOf('/');
    const folder = id.slice(0, slash + 1);
    const name = id.slice(slash + 1);
    if (Buffer.byteLength(`${name}.json`) <= MAX_NAME_BYTES) {
      return path.join(this.folioDir, 'reports', `${id}.json`);
    }
    return path.join(
      this.folioDir,
      'reports',
      `${folder}${prefixOfBytes(name, 200)}~${sha256(Buffer.from(name)).slice(0, 16)}.json`,
    );
  }

  /** The report id a sidecar file belongs to (null when it is not one); a hashed name is read for its id. */
  async idOfStateFile(file: string): Promise<string | null> {
    const reportsDir = path.join(this.folioDir, 'reports');
    if (
      !file.startsWith(reportsDir + path.sep) ||
      !file.endsWith('.json') ||
      path.basename(file).startsWith('.')
    ) {
      return null;
    }
    const relative = path.relative(reportsDir, file).split(path.sep).join('/');
    if (!HASHED_SIDECAR.test(relative)) return relative.slice(0, -'.json'.length);
    const bytes = await readIfExists(file).catch(() => null);
    try {
      const id = (JSON.parse(bytes?.toString('utf8') ?? 'null') as { id?: unknown } | null)?.id;
      return typeof id === 'string' && this.statePath(id) === file ? id : null;
    } catch {
      return null;
    }
  }

  /**
   * Removes the temporary files killed writers left behind (those beside the sidecars go when they are
   * listed). Run when a corpus opens; never fails the open.
   */
  async tidy(): Promise<void> {
    await removeStaleTemporaryFiles([this.tempDir, path.join(this.folioDir, 'cache')]).catch(() => 0);
  }

  /**
   * Reads a report's sidecar, lets `change` make the next state from it, and writes that, all under the
   * report's cross-process lock, so two writers never read the same revision and both write. `change`
   * returning null writes nothing. A file changed by a program that takes no lock (git, a text editor) is
   * read again and `change` run on it anew: a change is an intent, not a snapshot.
   */
  async transact(
    id: string,
    fresh: () => ReportState,
    change: (loaded: LoadedState) => ReportState | null,
  ): Promise<{ revision: string; state: ReportState } | null> {
    await this.prepare();
    return withFileLock(this.tempDir, `report ${id}`, async () => {
      for (let attempt = 1; ; attempt++) {
        const loaded = await this.readState(id, fresh);
        const next = change(loaded);
        if (next === null) return null;
        try {
          return await this.writeState(next, loaded.revision);
        } catch (error) {
          if (!(error instanceof FolioError && error.code === 'changed-on-disk') || attempt === 3)
            throw error;
        }
      }
    });
  }

  /** Re-reads `.folio/corpus.json` and writes `mutate`'s result under its lock, so no writer erases another's. */
  async transactSettings(mutate: (settings: CorpusSettings) => CorpusSettings): Promise<CorpusSettings> {
    await this.prepare();
    return withFileLock(this.tempDir, 'corpus.json', async () => {
      const next = corpusSettingsSchema.parse(mutate(await this.readSettings()));
      // Named once, when it is first written: exports name their resources under it (Web Annotation IRIs).
      next.id ??= randomUUID();
      await this.writeSettings(next);
      return next;
    });
  }

  private prepare(): Promise<void> {
    this.prepared ??= ensureFolioGitignore(this.folioDir).catch((error: unknown) => {
      this.prepared = null;
      throw error;
    });
    return this.prepared;
  }

  /** Reads a report's state; a fresh state when it has none; `FolioError('corrupt-sidecar')` when it is broken. */
  async readState(id: string, fresh: () => ReportState): Promise<LoadedState> {
    const file = this.statePath(id);
    const bytes = await readIfExists(file);
    if (bytes === null) return { state: fresh(), revision: null };
    const state = parseJsonFile(file, bytes, reportStateSchema);
    if (state.id !== id) {
      throw new FolioError('corrupt-sidecar', `${file}: belongs to report "${state.id}", not "${id}"`, file);
    }
    return { state, revision: sha256(bytes) };
  }

  /** The revision of a report's sidecar as it is on disk now (null when there is none), without parsing it. */
  async revisionOf(id: string): Promise<string | null> {
    const bytes = await readIfExists(this.statePath(id));
    return bytes === null ? null : sha256(bytes);
  }

  /**
   * Writes a report's state atomically, provided the file still has `expectedRevision`; otherwise someone
   * else changed it since it was read and `FolioError('changed-on-disk')` is thrown instead of overwriting.
   * Returns the new revision and the state in the canonical form it was written in.
   */
  async writeState(
    state: ReportState,
    expectedRevision: string | null,
  ): Promise<{ revision: string; state: ReportState }> {
    const file = this.statePath(state.id);
    const current = await readIfExists(file);
    const currentRevision = current === null ? null : sha256(current);
    if (currentRevision !== expectedRevision) {
      throw new FolioError(
        'changed-on-disk',
        `${file}: changed on disk since it was read (by another editor or program); reload the report and try again`,
        file,
      );
    }
    const canonical = canonicalState(state);
    const text = toPrettyJson(canonical);
    await writeFileAtomic(file, text, { tempDir: this.tempDir });
    return { revision: sha256(Buffer.from(text)), state: canonical };
  }

  /** Reads `.folio/corpus.json`, or the defaults when there is none. */
  async readSettings(): Promise<CorpusSettings> {
    const file = path.join(this.folioDir, 'corpus.json');
    const bytes = await readIfExists(file);
    if (bytes === null) return { schema: SCHEMA_VERSION, labels: DEFAULT_LABELS, tags: [], collections: [] };
    return parseJsonFile(file, bytes, corpusSettingsSchema);
  }

  /** Writes `.folio/corpus.json` atomically. */
  async writeSettings(settings: CorpusSettings): Promise<void> {
    await writeFileAtomic(
      path.join(this.folioDir, 'corpus.json'),
      toPrettyJson(corpusSettingsSchema.parse(settings)),
      { tempDir: this.tempDir },
    );
  }

  /** Ids of every report that has a sidecar, found by listing `.folio/reports/`. */
  async listStateIds(): Promise<string[]> {
    const dir = path.join(this.folioDir, 'reports');
    const entries = await fs
      .readdir(dir, { recursive: true, withFileTypes: true })
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw fromOsError(error, dir, 'list');
      });
    const ids: string[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      // Written beside the sidecars by Folio before temporary files had their own folder.
      if (isStaleTemporaryFile(entry.name)) await fs.rm(file, { force: true }).catch(() => {});
      const id = await this.idOfStateFile(file);
      if (id !== null) ids.push(id);
    }
    return ids;
  }
}

/** Makes sure `.folio/.gitignore` keeps the folders each machine makes for itself out of a team's repository. */
export async function ensureFolioGitignore(folioDir: string): Promise<void> {
  const file = path.join(folioDir, '.gitignore');
  const current = (await readIfExists(file))?.toString('utf8') ?? '';
  const lines = current.split(/\r?\n/).map((line) => line.trim());
  const missing = GITIGNORED.filter((entry) => !lines.includes(entry));
  if (missing.length === 0) return;
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  await writeFileAtomic(file, `${current}${separator}${missing.join('\n')}\n`);
}

/** The longest start of `text` that fits in `bytes` bytes of UTF-8, never cutting a character. */
function prefixOfBytes(text: string, bytes: number): string {
  let prefix = '';
  for (const char of text) {
    if (Buffer.byteLength(prefix + char) > bytes) break;
    prefix += char;
  }
  return prefix;
}

/** The stable form written to disk: keys in schema order, tags sorted, annotations by position. */
function canonicalState(state: ReportState): ReportState {
  const parsed = reportStateSchema.parse(state);
  const metadata: ReportState['metadata'] = Object.fromEntries(
    Object.entries(parsed.metadata).sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    ...parsed,
    tags: [...new Set(parsed.tags)].sort((a, b) => a.localeCompare(b, 'vi')),
    metadata,
    annotations: [...parsed.annotations].sort(
      (a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id),
    ),
  };
}

function parseJsonFile<T extends z.ZodType>(file: string, bytes: Buffer, schema: T): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new FolioError('corrupt-sidecar', `${file}: not valid JSON (${(error as Error).message})`, file);
  }
  const version = (json as { schema?: unknown } | null)?.schema;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new FolioError(
      'corrupt-sidecar',
      `${file}: written by a newer Folio (schema ${version}, this one reads ${SCHEMA_VERSION}); left untouched`,
      file,
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new FolioError(
      'corrupt-sidecar',
      `${file}: invalid at ${where}: ${issue?.message ?? 'unknown problem'}`,
      file,
    );
  }
  return result.data;
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fromOsError(error, file, 'read');
  }
}
