import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Packaging needs Electron's binary, which cannot be fetched here, so the configuration is checked the way
// electron-builder itself checks it before building, against its own schema.

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    const config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('targets Linux, macOS and Windows and ships the sample corpus read-only', () => {
    const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['linux', 'mac', 'win']));
    expect(config.extraResources).toEqual([
      { from: 'resources/sample-corpus', to: 'sample-corpus', filter: ['*.txt'] },
    ]);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.dist).toMatch(/electron-builder --linux --mac --win/);
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('unpacks the analysis worker, which imports nothing from node_modules, from the asar archive', () => {
    const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
    expect(config.asarUnpack).toEqual(['out/main/analyze-worker.js', 'out/main/chunks/**']);
    // Unpacked, the worker cannot reach packages inside the archive: only Node's own modules and its chunks.
    const importsOf = (file: string) =>
      [
        ...readFileSync(path.join(ROOT, 'out/main', file), 'utf8').matchAll(
          /(?:from|import)\s*["']([^"']+)["']/g,
        ),
      ].map((m) => m[1]!);
    const worker = importsOf('analyze-worker.js');
    const chunks = worker.filter((i) => i.startsWith('./chunks/'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const specifier of [...worker, ...chunks.flatMap((chunk) => importsOf(chunk))]) {
      expect(specifier).toMatch(/^(node:|\.\/)/);
    }
  });

  it('rejects a broken configuration, so the check can fail', async () => {
    const broken = { appId: 'x', linux: { category: ['not', 'a', 'string'] }, notAnOption: true } as never;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  });
});
