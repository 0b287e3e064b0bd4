import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The built-in sample corpus ships read-only; editors work on a copy in the user's data folder, made on first
 * use, so their edits persist and the shipped files stay pristine. Returns the copy's path.
 */
export async function ensureSampleCorpus(shippedDir: string, dataDir: string): Promise<string> {
  const copy = path.join(dataDir, 'sample-corpus');
  const exists = await fs.stat(copy).then(
    (stat) => stat.isDirectory(),
    () => false,
  );
  if (!exists) {
    await fs.mkdir(dataDir, { recursive: true });
    const staging = `${copy}.partial`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.cp(shippedDir, staging, { recursive: true });
    // The copy appears whole or not at all, even if the first start is interrupted.
    await fs.rename(staging, copy);
  }
  return copy;
}
