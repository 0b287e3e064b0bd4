// Bundles the command line into one file so `npx folio` starts fast, with no TypeScript loader at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src-main/cli/folio.ts'],
  outfile: 'out/cli/folio.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
