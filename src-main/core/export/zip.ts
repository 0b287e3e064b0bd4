import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate } from 'fflate';

/**
 * Zips files of a folder (paths relative to it, `/`-separated) into `target`, in the order given, one file in
 * memory at a time; every entry gets `mtime`, so the same export gives the same bytes.
 */
export async function zipFiles(
  dir: string,
  paths: readonly string[],
  target: string,
  mtime: Date,
): Promise<void> {
  const handle = await fs.open(target, 'w');
  let writing: Promise<unknown> = Promise.resolve();
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else writing = writing.then(() => handle.write(chunk));
  });
  try {
    for (const relative of paths) {
      const entry = new ZipDeflate(relative, { level: 6 });
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(await fs.readFile(path.join(dir, ...relative.split('/'))), true);
      await writing;
    }
    zip.end();
    await writing;
    if (failure) throw failure;
    await handle.sync();
  } finally {
    await handle.close();
  }
}
