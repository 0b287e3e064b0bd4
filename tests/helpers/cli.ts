import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** What a `folio` process printed and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const BIN = path.resolve(import.meta.dirname, '../../bin/folio.mjs');

/** Runs the `folio` command as a separate process, as a user would. */
export function folio(...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, FOLIO_EDITOR: 'Test Editor' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
