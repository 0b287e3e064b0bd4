import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a crash at any moment leaves either the old or the new content: a temporary file in
 * the same folder, fsync, rename over the target, fsync of the folder.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<void> {
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const handle = await fs.open(temp, 'w');
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
    else await writeChunks(handle, content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
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
