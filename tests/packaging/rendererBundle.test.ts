import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The renderer reaches the main side only through the contract's names and types: the input schemas (and the
// validation library behind them) stay in the main process, so they must not be in the built renderer.

const ASSETS = path.resolve(import.meta.dirname, '../../out/renderer/assets');

describe('the built renderer', () => {
  it('carries no validation library: the contract gives it names and types only', () => {
    const scripts = readdirSync(ASSETS).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = readFileSync(path.join(ASSETS, script), 'utf8');
      expect(code, script).not.toContain('ZodError');
    }
  });
});
