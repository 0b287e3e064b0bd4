import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchRow } from '../../scripts/bench/rows';
import { tempDir } from '../helpers/corpora';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REAL_CORPUS = path.resolve(ROOT, '../shared/real-corpus');
/** Its reports, Markdown (its SOURCES.md) included, as Folio opens them. */
const REAL_REPORTS = readdirSync(REAL_CORPUS).filter((f) => /\.(?:txt|md)$/u.test(f)).length;
const CORPUS_ROWS = [
  'cold-open',
  'cold-open-gap',
  'cold-open-save',
  'warm-open',
  'search',
  'list-by-date',
  'list-by-title-filtered',
  'reanchor-save',
  'reanchor-mapping',
  'export-jsonl',
  'export-csv',
  'concurrent-edits',
  'peak-rss-timing',
  'browser-first-rows',
  'browser-scroll',
  'browser-open-first',
  'browser-open',
  'browser-label-key',
  'browser-open-100kb',
  'browser-keystroke',
  'browser-keystroke-handling',
];
const DIFF_ROWS = ['10kb', '100kb', '1mb'].flatMap((size) => [1, 10, 50].map((p) => `diff-${size}-${p}pct`));
const WITH_REFERENCE = [
  'cold-open',
  'concurrent-edits',
  'warm-open',
  'search',
  'export-jsonl',
  'export-csv',
  'peak-rss',
  'peak-rss-timing',
  ...DIFF_ROWS,
];
const LATENCIES = [
  'search',
  'list-by-date',
  'list-by-title-filtered',
  'reanchor-save',
  'reanchor-mapping',
  'browser-label-key',
  'browser-keystroke',
  'browser-keystroke-handling',
];

interface BenchJson {
  rows: BenchRow[];
  details: Record<
    string,
    { reports: number; queries: Array<{ kind: string; naiveHits: number; results: number }> }
  >;
}

// Only the shape is checked: timings on a shared machine are too noisy to assert, and the bench never fails on them.
describe('npm run bench (smoke run at 200 reports)', () => {
  let stdout = '';
  let json: BenchJson;

  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/bundle.mjs', 'bench'], { cwd: ROOT, stdio: 'inherit' });
    const out = path.join(tempDir('folio-bench-test-'), 'bench.json');
    const run = spawnSync(
      process.execPath,
      ['out/bench/bench.mjs', '--sizes', '200', '--runs', '1', '--corpus', REAL_CORPUS, '--json', out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    stdout = run.stdout;
    json = JSON.parse(readFileSync(out, 'utf8')) as BenchJson;
  }, 180_000);

  it('measures every row, at the corpus size or independent of it', () => {
    // A measurement that failed says why in its note: shown here, since the bench's output is not.
    const failures = json.rows.filter((r) => r.id === 'failed').map((r) => `${r.what}: ${r.note}`);
    expect(
      json.rows.map((r) => `${r.size}:${r.id}`),
      failures.join('\n'),
    ).toEqual([
      ...CORPUS_ROWS.map((id) => `200:${id}`),
      '200:peak-rss',
      // The real folder, measured on a copy, its rows named after it.
      ...CORPUS_ROWS.map((id) => `${REAL_REPORTS}:${id}`),
      ...DIFF_ROWS.map((id) => `null:${id}`),
    ]);
    expect(json.rows.filter((r) => r.size === 17).every((r) => r.what.startsWith('real-corpus: '))).toBe(
      true,
    );
  });

  it('gives every row a numeric figure, latencies a p95, and references with ratios where they belong', () => {
    for (const row of json.rows) {
      expect(Number.isFinite(row.figure.median) && row.figure.median >= 0, row.id).toBe(true);
      if (LATENCIES.includes(row.id)) expect(Number.isFinite(row.figure.p95), row.id).toBe(true);
      if (!WITH_REFERENCE.includes(row.id)) {
        expect(row.reference, row.id).toBeNull();
        continue;
      }
      expect(Number.isFinite(row.reference?.median) && row.reference!.median > 0, row.id).toBe(true);
      expect(Number.isFinite(row.ratio), row.id).toBe(true);
    }
  });

  it('judges budgeted rows PASS or MISS', () => {
    for (const row of json.rows) {
      if (row.budget === null) expect(row.verdict, row.id).toBeNull();
      else expect(['PASS', 'MISS'], row.id).toContain(row.verdict);
    }
  });

  it('searches a corpus where the mix means what it says', () => {
    const details = json.details['200']!;
    expect(details.reports).toBe(200);
    const byKind = new Map(details.queries.map((q) => [q.kind, q]));
    expect(details.queries).toHaveLength(20);
    expect(byKind.get('word in every report')?.naiveHits).toBe(200);
    expect(byKind.get('words in no report')).toMatchObject({ naiveHits: 0, results: 0 });
  });

  it('prints one table with every row', () => {
    const timings = stdout.split('Extraction against hand-written metadata')[0]!;
    const lines = timings.split('\n').filter((line) => line.startsWith('| '));
    expect(lines[0]).toMatch(
      /^\| Reports +\| What +\| Figure +\| Reference +\| Ratio +\| Budget +\| Verdict +\|$/,
    );
    // The header, the corpus rows, the session's memory row and the diff rows.
    expect(lines).toHaveLength(1 + CORPUS_ROWS.length + 1 + CORPUS_ROWS.length + DIFF_ROWS.length);
  });

  it('says how often each field of the real folder is empty, for all its reports and the Vietnamese ones', () => {
    expect(stdout).toMatch(
      new RegExp(`^\\| .*real-corpus: all ${REAL_REPORTS} \\|(?: \\d+\\.\\d %\\s\\|){5}$`, 'mu'),
    );
    expect(stdout).toMatch(/^\| .*real-corpus: Vietnamese \d+ \|(?: \d+\.\d %\s\|){5}$/mu);
  });

  it('then scores the extraction against the three sets of hand-written metadata', () => {
    const scores = stdout.split('Extraction against hand-written metadata')[1]!;
    for (const set of ['samples', 'real-corpus', 'archive, 40 checked by hand']) {
      expect(scores).toMatch(
        new RegExp(
          `^\\| ${set}[^|]* \\| \\d+ \\| (?:\\d+/\\d+ \\| ){5}P \\d\\.\\d\\d · R \\d\\.\\d\\d \\|$`,
          'mu',
        ),
      );
    }
  });
});
