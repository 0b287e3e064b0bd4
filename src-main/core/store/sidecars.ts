import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { FolioError } from '../errors';
import { isStaleTemporaryFile, removeStaleTemporaryFiles, writeFileAtomic } from './atomic';
import { toLineJson } from './format';
import { sha256 } from './hash';
import { withFileLock } from './lock';
import { corpusSettingsV1Schema, reportStateV1Schema } from './migrate';
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
    const id = idInText(bytes?.toString('utf8') ?? 'null');
    return id !== null && this.statePath(id) === file ? id : null;
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
      const next = canonicalSettings(mutate(await this.readSettings()));
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

  /**
   * Reads a report's state (a format-1 one migrated); a fresh state when it has none;
   * `FolioError('corrupt-sidecar')` when it is broken, `FolioError('merge-conflict')` when git left conflict
   * markers in it.
   */
  async readState(id: string, fresh: () => ReportState): Promise<LoadedState> {
    const file = this.statePath(id);
    const bytes = await readIfExists(file);
    if (bytes === null) return { state: fresh(), revision: null };
    const state = parseReportState(bytes.toString('utf8'), file);
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
    const text = toLineJson(canonical);
    await writeFileAtomic(file, text, { tempDir: this.tempDir });
    return { revision: sha256(Buffer.from(text)), state: canonical };
  }

  /** Reads `.folio/corpus.json` (a format-1 one migrated), or the defaults when there is none. */
  async readSettings(): Promise<CorpusSettings> {
    const file = path.join(this.folioDir, 'corpus.json');
    const bytes = await readIfExists(file);
    if (bytes === null) return { schema: SCHEMA_VERSION, labels: DEFAULT_LABELS, tags: [], collections: [] };
    return parseCorpusSettings(bytes.toString('utf8'), file);
  }

  /** Writes `.folio/corpus.json` atomically. */
  async writeSettings(settings: CorpusSettings): Promise<void> {
    await writeFileAtomic(path.join(this.folioDir, 'corpus.json'), corpusSettingsText(settings), {
      tempDir: this.tempDir,
    });
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

/**
 * A report's state from the text of its sidecar (format 1 migrated); `file` names it in errors. Throws
 * `FolioError('merge-conflict')` for a file git left conflict markers in, `'corrupt-sidecar'` for any other
 * damage.
 */
export function parseReportState(text: string, file: string): ReportState {
  return inOrder(parseFolioFile(file, text, { 1: reportStateV1Schema, [SCHEMA_VERSION]: reportStateSchema }));
}

/** The text a report's state is written as: format 2, in its canonical form (`canonicalState`). */
export function reportStateText(state: ReportState): string {
  return toLineJson(canonicalState(state));
}

/** Corpus-wide settings from the text of `corpus.json` (format 1 migrated); errors as `parseReportState`. */
export function parseCorpusSettings(text: string, file: string): CorpusSettings {
  return settingsInOrder(
    parseFolioFile(file, text, { 1: corpusSettingsV1Schema, [SCHEMA_VERSION]: corpusSettingsSchema }),
  );
}

/** The text corpus-wide settings are written as: format 2, in their canonical form. */
export function corpusSettingsText(settings: CorpusSettings): string {
  return toLineJson(canonicalSettings(settings));
}

const byVietnamese = (a: string, b: string) => a.localeCompare(b, 'vi');
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The stable form written to disk: keys in schema order, tags without repeats and sorted, metadata by field,
 * annotations and conflicts by id, hunks by line — so the same state is always the same bytes, and items
 * two editors add land where their order puts them rather than both at the end.
 */
export function canonicalState(state: ReportState): ReportState {
  return inOrder(reportStateSchema.parse(state));
}

/** A parsed state in the canonical order (see `canonicalState`). */
function inOrder(parsed: ReportState): ReportState {
  const metadata: ReportState['metadata'] = Object.fromEntries(
    Object.entries(parsed.metadata).sort(([a], [b]) => a.localeCompare(b)),
  );
  // Who made the correction is kept only while its hunks, which then say it, are unknown.
  const correction = parsed.correction && {
    base: parsed.correction.base,
    lines: parsed.correction.lines,
    hunks: parsed.correction.hunks && [...parsed.correction.hunks].sort((a, b) => a.line - b.line),
    ...(parsed.correction.hunks === null && { madeBy: parsed.correction.madeBy }),
  };
  return {
    ...parsed,
    tags: [...new Set(parsed.tags)].sort(byVietnamese),
    metadata,
    annotations: [...parsed.annotations].sort((a, b) => byCode(a.id, b.id)),
    correction,
    conflicts: [...parsed.conflicts].sort((a, b) => byCode(a.id, b.id)),
  };
}

/**
 * The stable form of corpus-wide settings: labels and collections in the editor's order (which means
 * something: keys, the order shown), the tag vocabulary and outlets sorted, conflicts by id and left out
 * when there are none.
 */
export function canonicalSettings(settings: CorpusSettings): CorpusSettings {
  return settingsInOrder(corpusSettingsSchema.parse(settings));
}

/** Parsed settings in the canonical order (see `canonicalSettings`). */
function settingsInOrder({ conflicts, outlets, ...parsed }: CorpusSettings): CorpusSettings {
  return {
    ...parsed,
    tags: [...new Set(parsed.tags)].sort(byVietnamese),
    ...(outlets && { outlets: [...outlets].sort((a, b) => byVietnamese(a.name, b.name)) }),
    ...(conflicts?.length && { conflicts: [...conflicts].sort((a, b) => byCode(a.id, b.id)) }),
  };
}

/** A line of a git conflict region: `<<<<<<< ours`, `=======` or `>>>>>>> theirs`. */
const CONFLICT_MARKER = /^(?:<{7}(?: |\r?$)|={7}\r?$|>{7}(?: |\r?$))/m;

/** The id a sidecar's text names, read even from a file JSON cannot parse (git conflict markers in it). */
function idInText(text: string): string | null {
  try {
    const id = (JSON.parse(text) as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : null;
  } catch {
    const line = /^ {2}"id": ("(?:[^"\\]|\\.)*"),?\r?$/m.exec(text)?.[1];
    return line === undefined ? null : (JSON.parse(line) as string);
  }
}

/** The corpus folder a `.folio/` file is in, as a user types it after `folio resolve`. */
function corpusFolderOf(file: string): string {
  const at = file.lastIndexOf(`${path.sep}${FOLIO_DIR}${path.sep}`);
  return at < 0 ? '<corpus folder>' : file.slice(0, at) || path.sep;
}

/** Parses a `.folio/` file with the schema of the version it says it is (each migrating to the current one). */
function parseFolioFile<T>(file: string, text: string, schemas: Record<number, z.ZodType<T>>): T {
  if (CONFLICT_MARKER.test(text)) {
    throw new FolioError(
      'merge-conflict',
      `${file}: has unresolved git conflict markers (merged without Folio's merge driver); run "folio resolve ${corpusFolderOf(file)}"`,
      file,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
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
  const schema = (typeof version === 'number' && schemas[version]) || schemas[SCHEMA_VERSION]!;
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
