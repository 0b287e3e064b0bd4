import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fromOsError } from './osError';

/** Where a write puts its temporary file: beside the target unless a folder on the same disk is given. */
export interface AtomicWriteOptions {
  tempDir?: string;
}

/**
 * Writes a file so that a crash at any moment leaves either the old or the new content: a temporary file,
 * fsync, rename over the target, fsync of the folder. The temporary file has a short hashed name (a long
 * target name must not make it too long) holding the writer's process id, so `removeStaleTemporaryFiles`
 * can tell a dead writer's leftovers; it is removed when the write fails. Operating-system errors become
 * `FolioError`s that say what went wrong in words.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = path.dirname(target);
  const tempDir = options.tempDir ?? dir;
  const temp = path.join(tempDir, temporaryName(target));
  try {
    await fs.mkdir(dir, { recursive: true });
    if (tempDir !== dir) await fs.mkdir(tempDir, { recursive: true });
    const handle = await fs.open(temp, 'w');
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      else await writeChunks(handle, content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    await syncFolder(dir);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw fromOsError(error, target, 'save');
  }
}

/** Temporary files are named `.<hash>.<pid>.<random>.tmp`. */
const TEMPORARY_NAME = /^\.[0-9a-f]{12}\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** Temporary files of writers before hashed names: `.<target>.<pid>.<random>.tmp`. */
const OLD_TEMPORARY_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function temporaryName(target: string): string {
  const hash = createHash('sha256').update(target).digest('hex').slice(0, 12);
  return `.${hash}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * Removes the temporary files that writers which are no longer running left in `dirs` (a crash or a kill
 * between creating one and renaming it); a live process's file is left alone. Returns how many went.
 */
export async function removeStaleTemporaryFiles(dirs: string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !isStaleTemporaryFile(entry.name)) continue;
      await fs.rm(path.join(entry.parentPath, entry.name), { force: true }).catch(() => {});
      removed++;
    }
  }
  return removed;
}

/** Whether a file name is a temporary file of a writer that is no longer running. */
export function isStaleTemporaryFile(name: string): boolean {
  const pid = (TEMPORARY_NAME.exec(name) ?? OLD_TEMPORARY_NAME.exec(name))?.[1];
  return pid !== undefined && !isRunning(Number(pid));
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Bytes gathered from small chunks before one write: large files go out in a few big writes. */
const WRITE_BATCH_BYTES = 4 * 1024 * 1024;

/** Writes chunks in order without ever holding the whole file (a cache can be hundreds of megabytes). */
async function writeChunks(
  handle: FileHandle,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<void> {
  let batch: Uint8Array[] = [];
  let bytes = 0;
  const flush = async () => {
    const data = batch.length === 1 ? batch[0]! : Buffer.concat(batch);
    for (let offset = 0; offset < data.length;) {
      offset += (await handle.write(data, offset)).bytesWritten;
    }
    batch = [];
    bytes = 0;
  };
  for await (const chunk of chunks) {
    batch.push(chunk);
    bytes += chunk.length;
    if (bytes >= WRITE_BATCH_BYTES) await flush();
  }
  await flush();
}

async function syncFolder(dir: string): Promise<void> {
  // Makes the rename itself durable; folders cannot be opened for sync on Windows, where rename is already durable.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Pretty-printed JSON with a trailing newline, the form every `.folio/` file is written in. */
export function toPrettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
