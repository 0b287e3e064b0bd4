import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { FolioError } from '../errors';
import { toPrettyJson, writeFileAtomic } from './atomic';
import { sha256 } from './hash';
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

/** Reads and writes `.folio/` files of one corpus. */
export class SidecarStore {
  readonly folioDir: string;

  constructor(readonly root: string) {
    this.folioDir = path.join(root, FOLIO_DIR);
  }

  /** Path of the sidecar of a report id. */
  statePath(id: string): string {
    return path.join(this.folioDir, 'reports', `${id}.json`);
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
    await writeFileAtomic(file, text);
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
    );
  }

  /** Ids of every report that has a sidecar, found by listing `.folio/reports/`. */
  async listStateIds(): Promise<string[]> {
    const dir = path.join(this.folioDir, 'reports');
    const entries = await fs
      .readdir(dir, { recursive: true, withFileTypes: true })
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'))
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).slice(0, -'.json'.length))
      .map((id) => id.split(path.sep).join('/'));
  }
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
    throw new FolioError('unreadable', `${file}: cannot be read (${(error as Error).message})`, file);
  }
}
