import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';

/** The built-in sample corpus shipped in resources/. */
export const SAMPLE_CORPUS = path.resolve(import.meta.dirname, '../../resources/sample-corpus');

/** Ids of the five sample reports. */
export const SAMPLE_IDS = [
  '000_6609e38cc437fad5',
  '001_9e0dc26d2fc8d3f8',
  '002_797677fa4fdc1458',
  '003_4f79c2bbafd55109',
  '004_ec9a05d4f704e603',
];

/** The analysis worker as bundled beside the command line by the global setup. */
export const BUILT_WORKER = pathToFileURL(
  path.resolve(import.meta.dirname, '../../out/cli/analyze-worker.mjs'),
);

const created: string[] = [];

// Folders live until the end of the test file, so ones made in beforeAll outlast the first test.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'folio-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A fresh copy of the sample corpus, removed after the test file. */
export function copySampleCorpus(): string {
  const dir = tempDir('folio-sample-');
  cpSync(SAMPLE_CORPUS, dir, { recursive: true });
  return dir;
}

/** A corpus built from `{ relativePath: content }`, removed after the test file. */
export function buildCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('folio-built-');
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(dir, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}
