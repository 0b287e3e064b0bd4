// Bundles a Node entry point into one file, so `npx folio` and `npm run bench` start fast with no TypeScript
// loader at run time; the analysis worker goes beside it, where the entry point looks for it.
// Usage: node scripts/bundle.mjs cli|bench
import { build } from 'esbuild';

const TARGETS = {
  cli: { name: 'folio', entry: 'src-main/cli/folio.ts', outdir: 'out/cli' },
  bench: { name: 'bench', entry: 'scripts/bench/main.ts', outdir: 'out/bench' },
};

const target = TARGETS[process.argv[2] ?? ''];
if (!target) {
  console.error(`usage: node scripts/bundle.mjs ${Object.keys(TARGETS).join('|')}`);
  process.exit(2);
}

await build({
  entryPoints: { [target.name]: target.entry, 'analyze-worker': 'src-main/core/analyze/analyzeWorker.ts' },
  outdir: target.outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
