// Bundles a Node entry point into one file, so `npx folio` and `npm run bench` start fast with no TypeScript
// loader at run time. Usage: node scripts/bundle.mjs cli|bench
import { build } from 'esbuild';

const TARGETS = {
  cli: { entry: 'src-main/cli/folio.ts', out: 'out/cli/folio.mjs' },
  bench: { entry: 'scripts/bench/main.ts', out: 'out/bench/bench.mjs' },
};

const target = TARGETS[process.argv[2] ?? ''];
if (!target) {
  console.error(`usage: node scripts/bundle.mjs ${Object.keys(TARGETS).join('|')}`);
  process.exit(2);
}

await build({
  entryPoints: [target.entry],
  outfile: target.out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
