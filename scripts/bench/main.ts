import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isChild, parseChildTask, parseOptions, USAGE, UsageError, type BenchOptions } from './args';
import { runChild, type ChildResult } from './child';
import { countReportFiles, extractionTables } from './extraction';
import { formatBytes } from './format';
import { failedRow, toRow, type BenchRow } from './rows';
import { writeSyntheticCorpus, type SyntheticCorpus } from './synthetic';
import { renderTable } from './table';

// `npm run bench`: builds synthetic corpora, measures each size in a fresh child process of this same script,
// prints one table and optionally writes the figures as JSON. It measures; it never fails on a missed budget.

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(argv: readonly string[]): Promise<void> {
  if (isChild(argv)) {
    await runChild(parseChildTask(argv), (line) => log(`  ${line}`));
    // The corpus a child leaves open would keep it alive with its file watcher, and closing it saves the
    // corpus cache, which no figure measures and which costs most at the largest sizes.
    process.exit(0);
  }
  const options = parseOptions(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  await runBench(options);
}

async function runBench(options: BenchOptions): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'folio-bench-'));
  const rows: BenchRow[] = [];
  const corpora: SyntheticCorpus[] = [];
  const details: Record<string, unknown> = {};
  try {
    for (const size of options.sizes) {
      const dir = path.join(work, `corpus-${size}`);
      log(`${size.toLocaleString('en-US')} reports: writing the synthetic corpus`);
      corpora.push(await writeSyntheticCorpus(dir, size, options.seed));
      const args = [
        'corpus',
        '--dir',
        dir,
        '--work',
        path.join(work, `work-${size}`),
        '--runs',
        `${options.runs}`,
      ];
      const result = runChildProcess(args, path.join(work, `result-${size}.json`));
      if (typeof result === 'string') rows.push(failedRow(size, 'every measurement at this size', result));
      else {
        rows.push(...result.measurements.map((m) => toRow(size, m)));
        details[size] = result.details;
      }
      const session = runChildProcess(
        ['session', '--dir', dir, '--work', path.join(work, `work-${size}`)],
        path.join(work, `session-${size}.json`),
      );
      if (typeof session === 'string') rows.push(failedRow(size, 'peak RSS of a session', session));
      else rows.push(...session.measurements.map((m) => toRow(size, m)));
      rmSync(dir, { recursive: true, force: true });
    }
    if (options.corpus) {
      const copy = path.join(work, 'real-corpus');
      log(`${options.corpus}: copying the real folder`);
      cpSync(options.corpus, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}.folio`) });
      const result = runChildProcess(
        ['corpus', '--dir', copy, '--work', path.join(work, 'work-real'), '--runs', `${options.runs}`],
        path.join(work, 'result-real.json'),
      );
      if (typeof result === 'string')
        rows.push(failedRow(null, `every measurement of ${options.corpus}`, result));
      else {
        const reports = countReportFiles(copy);
        const name = path.basename(options.corpus);
        rows.push(...result.measurements.map((m) => ({ ...toRow(reports, m), what: `${name}: ${m.what}` })));
        details[options.corpus] = result.details;
      }
      rmSync(copy, { recursive: true, force: true });
    }
    log('diffs (independent of corpus size)');
    const diffs = runChildProcess(
      ['diff', '--runs', `${options.runs}`, '--seed', `${options.seed}`],
      path.join(work, 'result-diff.json'),
    );
    if (typeof diffs === 'string') rows.push(failedRow(null, 'diffs', diffs));
    else rows.push(...diffs.measurements.map((m) => toRow(null, m)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: os.totalmem(),
    node: process.version,
    platform: `${process.platform} ${os.release()}`,
  };
  process.stdout.write(
    [
      `Folio bench: ${options.runs} run(s) per figure, seed ${options.seed}; ${machine.cores} × ${machine.cpu}, ` +
        `${formatBytes(machine.memory)} memory, Node ${machine.node}, ${machine.platform}`,
      ...corpora.map(
        (c) =>
          `corpus of ${c.files.toLocaleString('en-US')} synthetic reports: ${formatBytes(c.bytes)} on disk`,
      ),
      '',
      renderTable(rows),
      '',
      extractionTables(options.corpus ? [options.corpus] : []),
      '',
    ].join('\n'),
  );
  if (options.json) {
    const sizes = corpora.map(({ files, bytes }) => ({ reports: files, bytes }));
    writeFileSync(
      options.json,
      `${JSON.stringify({ machine, options, corpora: sizes, rows, details }, null, 2)}\n`,
    );
    log(`figures written to ${options.json}`);
  }
}

/** Runs a child task in a fresh Node process (garbage collection exposed); its result, or why it failed. */
function runChildProcess(task: string[], out: string): ChildResult | string {
  const script = process.argv[1];
  if (!script) throw new Error('bench: cannot tell which script is running, so cannot start a child process');
  const run = spawnSync(process.execPath, ['--expose-gc', script, '--child', ...task, '--out', out], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.error) return `could not start a child process (${run.error.message})`;
  if (run.status !== 0) {
    return `its process ended with ${run.signal ?? `exit code ${run.status}`} (its error is printed above)`;
  }
  return JSON.parse(readFileSync(out, 'utf8')) as ChildResult;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
