import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// The stand-in is TypeScript and the app's process is plain Node, so the harness bundles it once per change:
// the `electron` module, the bootstrap and resolution hook, and the two page scripts. The bundles live under
// node_modules/.cache so that the stand-in's own `import('playwright-core')` finds the project's copy.

const HERE = import.meta.dirname;
const CACHE = path.resolve(HERE, '../../../node_modules/.cache/folio-desktop-harness');

const ENTRIES = {
  'electron.js': 'electron/index.ts',
  'bootstrap.js': 'electron/bootstrap.ts',
  'hooks.js': 'electron/hooks.ts',
  'main-world.js': 'page/mainWorld.ts',
  'preload-world.js': 'page/preloadWorld.ts',
};

let built: Promise<string> | null = null;

/** The folder of the built harness (built on first use in this process). */
export function harnessBundle(): Promise<string> {
  built ??= bundle();
  return built;
}

async function bundle(): Promise<string> {
  const outputs = await Promise.all(
    Object.entries(ENTRIES).map(async ([name, entry]) => {
      const page = entry.startsWith('page/');
      const result = await build({
        entryPoints: [path.join(HERE, entry)],
        bundle: true,
        write: false,
        platform: page ? 'browser' : 'node',
        format: page ? 'iife' : 'esm',
        target: page ? 'chrome120' : 'node20',
        external: ['playwright-core'],
        logLevel: 'silent',
      });
      return [name, result.outputFiles[0]!.text] as const;
    }),
  );
  const hash = createHash('sha256');
  for (const [name, text] of outputs) hash.update(name).update(text);
  const dir = path.join(CACHE, hash.digest('hex').slice(0, 16));
  if (!existsSync(dir)) {
    // Written beside, then renamed: test files starting at once never see half a bundle.
    const staging = `${dir}.${process.pid}`;
    mkdirSync(staging, { recursive: true });
    for (const [name, text] of outputs) writeFileSync(path.join(staging, name), text);
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
    removeStale(dir);
  }
  return dir;
}

// Bundles of an older stand-in, left a day ago or more (a test run of that version is long over).
function removeStale(current: string): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(CACHE)) {
    const dir = path.join(CACHE, name);
    const made = statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
    if (dir !== current && made < dayAgo) rmSync(dir, { recursive: true, force: true });
  }
}
