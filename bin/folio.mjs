#!/usr/bin/env node
// The command line is bundled by `npm install` (the prepare script); say how to build it when it is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../out/cli/folio.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'folio: the command line is not built yet; run `npm run build:cli` in the Folio folder\n',
  );
  process.exit(70);
}
await import(bundle.href);
