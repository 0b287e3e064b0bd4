import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { getFileMatchers, type FileMatcher } from 'app-builder-lib/out/fileMatcher';
import type { Configuration } from 'app-builder-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisWorkerUrl } from '../../src-main/electron/worker';
import { SAMPLE_CORPUS, tempDir } from '../helpers/corpora';
import { launchDesktop, ROOT, type DesktopApp } from '../desktop/harness/launch';
import type { WindowInfo } from '../desktop/harness/protocol';

// What the packaged desktop app needs, where `src-main/electron/main.ts` looks for it: checked on the build
// (`electron-vite build`, run by the global setup), on electron-builder's configuration with electron-builder's
// own file matching, and by running the built main entry from a package laid out as electron-builder lays
// one out (without the asar archive and the Electron binary, which cannot be had here; see README).

const OUT = path.join(ROOT, 'out');

/** The files a `files`/`asarUnpack`/`extraResources` entry selects, by electron-builder's own rules. */
function matchers(
  config: Configuration,
  name: 'files' | 'asarUnpack' | 'extraResources',
  to: string,
  from = ROOT,
) {
  return (
    getFileMatchers(config, name, to, {
      macroExpander: (pattern) => pattern,
      customBuildOptions: config.linux ?? {},
      globalOutDir: path.join(ROOT, 'dist'),
      defaultSrc: from,
    }) ?? []
  );
}

/** Whether `matcher` takes `file` (under its source folder), by electron-builder's filter. */
function takes(matcher: FileMatcher, file: string): boolean {
  const filter = matcher.createFilter();
  // The filter walks down: every folder on the way must be taken too.
  const relative = path.relative(matcher.from, file).split(path.sep);
  return relative.every((_, i) => {
    const step = path.join(matcher.from, ...relative.slice(0, i + 1));
    return filter(step, statSync(step));
  });
}

/** Copies what each matcher takes to its destination, as electron-builder's own copy does (with its filter). */
function copy(list: FileMatcher[]): void {
  for (const matcher of list) {
    const filter = matcher.createFilter();
    cpSync(matcher.from, matcher.to, { recursive: true, filter: (file) => filter(file, statSync(file)) });
  }
}

/** Every file below `dir`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The renderer's page and every script and style it loads. */
function rendererFiles(): string[] {
  const page = path.join(OUT, 'renderer/index.html');
  const html = readFileSync(page, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) =>
    path.join(OUT, 'renderer', m[1]!),
  );
  return [page, ...assets];
}

/** The worker and the chunks it imports. */
function workerFiles(workerUrl: URL): string[] {
  const worker = fileURLToPath(workerUrl);
  const chunks = [...readFileSync(worker, 'utf8').matchAll(/from\s*["']\.\/(chunks\/[^"']+)["']/g)];
  return [worker, ...chunks.map((m) => path.join(path.dirname(worker), m[1]!))];
}

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
});

describe('the build', () => {
  it('has the main entry, the preload, the renderer with its assets, the worker with its chunks', () => {
    const needed = [
      path.join(OUT, 'main/index.js'),
      path.join(OUT, 'preload/index.cjs'),
      ...rendererFiles(),
      ...workerFiles(analysisWorkerUrl(pathToFileURL(path.join(OUT, 'main/index.js')).href)),
    ];
    expect(needed.length).toBeGreaterThan(5);
    expect(needed.filter((file) => !existsSync(file))).toEqual([]);
    expect(
      readdirSync(path.join(ROOT, 'resources/sample-corpus')).filter((f) => f.endsWith('.txt')),
    ).toHaveLength(5);
  });
});

describe("electron-builder's configuration", () => {
  it('packs the main entry, preload, renderer and worker, and leaves the command line and bench out', () => {
    const [files] = matchers(config, 'files', '/app');
    const needed = [
      path.join(ROOT, 'package.json'),
      ...filesBelow(path.join(OUT, 'main')),
      ...filesBelow(path.join(OUT, 'preload')),
      ...rendererFiles(),
    ];
    expect(needed.filter((file) => !takes(files!, file))).toEqual([]);
    const left = [path.join(OUT, 'cli'), path.join(OUT, 'bench')].filter(existsSync).flatMap(filesBelow);
    expect(left.filter((file) => takes(files!, file))).toEqual([]);
  });

  it('unpacks the worker and its chunks from the archive, and nothing the window loads', () => {
    const [unpack] = matchers(config, 'asarUnpack', '/app');
    const worker = workerFiles(analysisWorkerUrl(pathToFileURL(path.join(OUT, 'main/index.js')).href));
    expect(worker.filter((file) => !takes(unpack!, file))).toEqual([]);
    expect(
      [path.join(OUT, 'main/index.js'), path.join(OUT, 'preload/index.cjs'), ...rendererFiles()].filter(
        (file) => takes(unpack!, file),
      ),
    ).toEqual([]);
  });

  it('ships the sample corpus as the resources folder that the main entry reads when packaged', () => {
    const [sample] = matchers(config, 'extraResources', '/resources');
    expect(sample!.to).toBe(path.resolve('/resources', 'sample-corpus'));
    const shipped = filesBelow(SAMPLE_CORPUS);
    expect(shipped.filter((file) => file.endsWith('.txt')).every((file) => takes(sample!, file))).toBe(true);
  });
});

describe('a packaged run', () => {
  // resources/app.asar (the archive, here a folder), app.asar.unpacked and sample-corpus, as electron-builder
  // writes them. An unpacked file stays readable at its place in the archive too (Electron's asar support reads
  // it from app.asar.unpacked), so it is copied, not moved; the production node_modules that electron-builder
  // would copy into the archive are linked instead.
  const resources = path.join(tempDir('folio-packaged-'), 'resources');
  const archive = path.join(resources, 'app.asar');
  const unpacked = path.join(resources, 'app.asar.unpacked');
  let app: DesktopApp;
  let window: WindowInfo;

  beforeAll(async () => {
    copy(matchers(config, 'files', archive));
    const [unpack] = matchers(config, 'asarUnpack', archive, archive);
    for (const file of filesBelow(archive).filter((file) => takes(unpack!, file))) {
      const to = path.join(unpacked, path.relative(archive, file));
      mkdirSync(path.dirname(to), { recursive: true });
      copyFileSync(file, to);
    }
    copy(matchers(config, 'extraResources', resources));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(archive, 'node_modules'));
    app = await launchDesktop({
      configHome: tempDir('folio-packaged-home-'),
      main: path.join(archive, 'out/main/index.js'),
      resourcesPath: resources,
    });
    const { page, info } = await app.firstWindow();
    await page.locator('.report-table .rows .row').first().waitFor();
    window = await info();
  });

  afterAll(() => app?.quit());

  it('opens its window on the preload and renderer inside the archive', async () => {
    expect(window.preload).toBe(path.join(archive, 'out/preload/index.cjs'));
    expect(window.url).toBe(`${pathToFileURL(path.join(archive, 'out/renderer/index.html')).href}#library`);
  });

  it('copies the sample corpus from the resources folder on first run', () => {
    const copy = path.join(app.userData, 'sample-corpus');
    const reports = (dir: string) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.txt'))
        .sort();
    expect(reports(copy)).toHaveLength(5);
    expect(reports(copy)).toEqual(reports(path.join(resources, 'sample-corpus')));
    expect(existsSync(path.join(archive, 'resources'))).toBe(false);
  });

  it('finds the analysis worker unpacked, where it loads and answers', async () => {
    const url = analysisWorkerUrl(pathToFileURL(path.join(archive, 'out/main/index.js')).href);
    expect(fileURLToPath(url)).toBe(path.join(unpacked, 'out/main/analyze-worker.js'));
    const worker = new Worker(url, { workerData: { root: SAMPLE_CORPUS, outlets: [] } });
    try {
      const reply = await new Promise<{ kind: string }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ kind: 'shard' });
      });
      expect(reply.kind).toBe('shard');
    } finally {
      await worker.terminate();
    }
  });
});
