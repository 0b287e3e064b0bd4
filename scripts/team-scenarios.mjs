// Runs the team scenarios of issue 14 (tests/team/scenarios.ts: two clones of a corpus in git, edited through a
// built `folio`, merged) and prints their table in Markdown. Any build can be measured, an older one included:
//   node scripts/team-scenarios.mjs [--cli PATH/out/cli/folio.mjs] [--driver] [--only KEY,KEY] [--jobs N] [--out FILE] [--keep]
// --driver runs `folio git-setup` in both clones, so git merges Folio's files with `folio merge-driver`; --keep
// leaves the repositories in the temporary folder it names.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    cli: { type: 'string', default: path.join(root, 'out/cli/folio.mjs') },
    driver: { type: 'boolean', default: false },
    only: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const bundleDir = mkdtempSync(path.join(tmpdir(), 'folio-team-scenarios-'));
try {
  const bundle = path.join(bundleDir, 'runScenarios.mjs');
  await build({
    entryPoints: [path.join(root, 'tests/team/runScenarios.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const { runScenarios, markdownTable } = await import(pathToFileURL(bundle).href);
  const started = Date.now();
  const results = await runScenarios(
    // The bundle lives elsewhere, so the sample corpus is named from here rather than found beside it.
    {
      cli: path.resolve(values.cli),
      driver: values.driver,
      corpus: path.join(root, 'resources/sample-corpus'),
    },
    { keys: values.only?.split(','), jobs: Number(values.jobs), keep: values.keep },
  );
  const table = [
    `Folio: \`${path.resolve(values.cli)}\`, ${values.driver ? 'with `folio git-setup` (the merge driver)' : 'without the merge driver'}; ${results.length} scenario(s) in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    '',
    markdownTable(results),
    '',
  ].join('\n');
  if (values.out) writeFileSync(values.out, table);
  process.stdout.write(table);
} finally {
  rmSync(bundleDir, { recursive: true, force: true });
}
