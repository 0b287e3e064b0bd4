import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../src-main/contract/codepoints';
import { decodeReport } from '../../src-main/core';
import { folio } from '../helpers/cli';
import { SAMPLE_CORPUS, SAMPLE_IDS, tempDir } from '../helpers/corpora';
import { TeamFactory, type Clone } from '../helpers/gitRepos';

/** The command line the global setup built from the current source. */
const CLI = path.resolve(import.meta.dirname, '../../out/cli/folio.mjs');
const ID = SAMPLE_IDS[0]!;
const SIDECAR = `.folio/reports/${ID}.json`;
/** A scenario is a dozen `folio` and git processes in a row, on two cores shared with other test files. */
const TEAM_TIMEOUT = 180_000;

/** Git run in `dir` with none of the machine's own configuration. */
function git(dir: string, ...args: string[]): string {
  const run = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

interface Sidecar {
  tags: string[];
  status: string;
  metadata: Record<string, { value: unknown; editor: string }>;
  annotations: Array<{
    id: string;
    start: number;
    end: number;
    quote: string;
    author: string;
    label: string;
  }>;
  correction: { lines: string[]; hunks: Array<{ editor: string }> } | null;
  conflicts: Array<{ kind: string; field?: string; ours: { value: unknown }; theirs: { value: unknown } }>;
}

function sidecarOf(clone: Clone, file = SIDECAR): Sidecar {
  return JSON.parse(clone.read(file)!) as Sidecar;
}

/** Every annotation of the sidecar covers its quote in the text it shows. */
function expectAnchored(sidecar: Sidecar, original: string): void {
  const text = sidecar.correction ? sidecar.correction.lines.join('\n') : original;
  const index = new CodePointIndex(text);
  for (const a of sidecar.annotations) {
    expect(text.slice(index.toUtf16(a.start), index.toUtf16(a.end)), a.id).toBe(a.quote);
  }
}

/** The report's original text, as Folio reads it. */
const ORIGINAL = decodeReport(readFileSync(path.join(SAMPLE_CORPUS, `${ID}.txt`)), `${ID}.txt`).text;
const BI_THU = /thư\sThành ủy\sphát/u;

/** Saves `text` as the report's corrected text in a clone, as `folio correct --text-file` does. */
async function correct(clone: Clone, text: string): Promise<void> {
  const file = path.join(tempDir(), 'corrected.txt');
  writeFileSync(file, text);
  await clone.folioOk(['correct', '.', ID, '--text-file', file]);
}

describe('folio git-setup', () => {
  it('says so when the corpus is not in a git repository', () => {
    const dir = tempDir();
    const run = folio('git-setup', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^folio git-setup: .*: not inside a git repository; run "git init" there/);
  });

  it('routes the .folio files of a corpus in a sub-folder to the driver, once, with a command that runs', () => {
    const repo = tempDir();
    git(repo, 'init', '-q');
    const corpus = path.join(repo, 'corpora', 'Cần Thơ [2018]');
    mkdirSync(corpus, { recursive: true });
    writeFileSync(path.join(repo, '.gitattributes'), '*.txt text');
    const first = folio('git-setup', corpus);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('.gitattributes: added');
    expect(folio('git-setup', corpus).stdout).toContain('.gitattributes: already routes');
    const attributes = readFileSync(path.join(repo, '.gitattributes'), 'utf8');
    expect(attributes.split('\n').filter((line) => line.includes('merge=folio'))).toHaveLength(2);
    expect(attributes.startsWith('*.txt text\n')).toBe(true);
    const attribute = (file: string) =>
      git(repo, 'check-attr', 'merge', '--', file).trim().split(': ').at(-1);
    expect(attribute(`corpora/Cần Thơ [2018]/.folio/reports/${ID}.json`)).toBe('folio');
    expect(attribute('corpora/Cần Thơ [2018]/.folio/reports/2018/07/a.txt.json')).toBe('folio');
    expect(attribute('corpora/Cần Thơ [2018]/.folio/corpus.json')).toBe('folio');
    expect(attribute('corpora/Cần Thơ [2018]/.folio/cache/reports.json')).toBe('unspecified');
    expect(attribute(`corpora/other/.folio/reports/${ID}.json`)).toBe('unspecified');
    const driver = git(repo, 'config', 'merge.folio.driver').trim();
    const bin = path.resolve(import.meta.dirname, '../../bin/folio.mjs');
    expect(driver).toBe(`${process.execPath} ${bin} merge-driver %O %A %B %P`);
    // The configured command is a working `folio` (here asked for its help).
    const help = spawnSync(
      'sh',
      ['-c', driver.replace(' merge-driver %O %A %B %P', ' merge-driver --help')],
      {
        encoding: 'utf8',
      },
    );
    expect(help.stdout).toMatch(/^Usage: folio merge-driver /);
  });
});

let withDriver: TeamFactory;
let withoutDriver: TeamFactory;
beforeAll(async () => {
  [withDriver, withoutDriver] = await Promise.all([
    TeamFactory.create({ cli: CLI, driver: true }),
    TeamFactory.create({ cli: CLI, driver: false }),
  ]);
}, 120_000);
afterAll(() => {
  withDriver?.remove();
  withoutDriver?.remove();
});

describe('folio merge-driver, as git runs it', () => {
  it(
    'merges two editors’ work on one report with no textual conflict, a true one recorded in the file',
    async () => {
      const { a, b } = await withDriver.team();
      await a.folioOk(['tag', '.', ID, '--add', 'Cần Thơ']);
      await a.folioOk([
        'annotate',
        '.',
        ID,
        '--quote',
        'Trần Quốc Trung',
        '--occurrence',
        '2',
        '--label',
        'Person',
      ]);
      await a.commit('Shared beginning');
      await a.push();
      await b.git(['pull', '-q', '--ff-only', 'origin', 'main']);

      await a.folioOk(['tag', '.', ID, '--add', 'kiểm tra']);
      await a.folioOk(['annotate', '.', ID, '--quote', 'Mai Thanh Dân', '--label', 'Person']);
      await a.folioOk(['meta', '.', ID, '--set', 'author=Ngọc Quy', '--set', 'published=2018-07-05']);
      await correct(a, ORIGINAL.replace(BI_THU, 'Bí thư Thành ủy phát'));
      await a.commit('A');
      await a.push();
      await b.folioOk(['tag', '.', ID, '--add', 'tin tỉnh']);
      await b.folioOk(['annotate', '.', ID, '--quote', 'Trần Thành Trai', '--label', 'Person']);
      await b.folioOk(['meta', '.', ID, '--set', 'section=Xây dựng Đảng', '--set', 'published=2018-07-06']);
      await correct(b, ORIGINAL.replace(/\n\n156$/u, ''));
      await b.commit('B');

      expect(await b.pull()).toEqual({ files: [], hunks: 0 });
      expect((await b.git(['log', '-1', '--format=%P'])).stdout.trim().split(' ')).toHaveLength(2);
      const merged = sidecarOf(b);
      expect(merged.tags).toEqual(['Cần Thơ', 'kiểm tra', 'tin tỉnh']);
      expect(merged.annotations.map((x) => x.quote).sort()).toEqual([
        'Mai Thanh Dân',
        'Trần Quốc Trung',
        'Trần Thành Trai',
      ]);
      expect(merged.metadata.author).toMatchObject({ value: 'Ngọc Quy', editor: 'ana' });
      expect(merged.metadata.section).toMatchObject({ value: 'Xây dựng Đảng', editor: 'bao' });
      // B merged, so B's value is "ours": kept, with A's beside it in the conflict.
      expect(merged.metadata.published).toMatchObject({ value: '2018-07-06', editor: 'bao' });
      expect(merged.conflicts).toMatchObject([
        { kind: 'field', field: 'published', ours: { value: '2018-07-06' }, theirs: { value: '2018-07-05' } },
      ]);
      expect(merged.correction!.lines.join('\n')).toBe(
        ORIGINAL.replace(BI_THU, 'Bí thư Thành ủy phát').replace(/\n\n156$/u, ''),
      );
      expect(merged.correction!.hunks.map((h) => h.editor)).toEqual(['ana', 'bao']);
      expectAnchored(merged, ORIGINAL);
      // Written as Folio writes it: one list item per line.
      expect(b.read(SIDECAR)).toContain('\n    "kiểm tra",\n    "tin tỉnh"\n  ]');
    },
    TEAM_TIMEOUT,
  );

  it(
    'merges corpus.json: collections made on both sides, and additions to one collection',
    async () => {
      const { a, b } = await withDriver.team();
      await a.folioOk(['collection', '.', 'create', 'chung']);
      await a.commit('Shared collection');
      await a.push();
      await b.git(['pull', '-q', '--ff-only', 'origin', 'main']);
      await a.folioOk(['collection', '.', 'create', 'Hội nghị']);
      await a.folioOk(['collection', '.', 'add', 'chung', SAMPLE_IDS[1]!]);
      await a.commit('A');
      await a.push();
      await b.folioOk(['collection', '.', 'create', 'Tổng kết']);
      await b.folioOk(['collection', '.', 'add', 'chung', SAMPLE_IDS[2]!]);
      await b.commit('B');
      expect(await b.pull()).toEqual({ files: [], hunks: 0 });
      const settings = JSON.parse(b.read('.folio/corpus.json')!) as {
        collections: Array<{ name: string; ids?: string[] }>;
        conflicts?: unknown[];
      };
      expect(settings.collections.map((c) => c.name).sort()).toEqual(
        ['chung', 'Hội nghị', 'Tổng kết'].sort(),
      );
      expect(settings.collections.find((c) => c.name === 'chung')?.ids).toEqual([
        SAMPLE_IDS[2],
        SAMPLE_IDS[1],
      ]);
      expect(settings.conflicts).toBeUndefined();
    },
    TEAM_TIMEOUT,
  );

  it(
    'records a collection both sides made differently, which check lists and fails on until it is resolved',
    async () => {
      const { a, b } = await withDriver.team();
      await a.folioOk(['collection', '.', 'create', 'Tỉnh', '--query', 'Cần Thơ']);
      await a.commit('A');
      await a.push();
      await b.folioOk(['collection', '.', 'create', 'Tỉnh', SAMPLE_IDS[1]!]);
      await b.commit('B');
      expect(await b.pull()).toEqual({ files: [], hunks: 0 });

      const check = await b.folio(['check', '.']);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain(
        `.folio/corpus.json: settings-conflict: collection "Tỉnh" was changed differently on both sides (ours {"kind":"manual","name":"Tỉnh","ids":["${SAMPLE_IDS[1]}"]}, theirs {"kind":"search","name":"Tỉnh","query":"Cần Thơ","filters":{}}); keep one in Folio's library`,
      );
      expect(check.stdout).toMatch(/^1 problem\(s\)$/m);
      const json = JSON.parse((await b.folio(['check', '.', '--json'])).stdout) as {
        ok: boolean;
        settingsConflicts: Array<{ kind: string; name: string }>;
      };
      expect(json.ok).toBe(false);
      expect(json.settingsConflicts).toMatchObject([{ kind: 'collection', name: 'Tỉnh' }]);
    },
    TEAM_TIMEOUT,
  );

  it('leaves a file that is not Folio’s to git’s line merge, saying why in one line', () => {
    const dir = tempDir();
    const [base, ours, theirs] = ['base', 'ours', 'theirs'].map((name) => path.join(dir, name));
    writeFileSync(base!, 'a\nb\nc\n');
    writeFileSync(ours!, 'a\nB\nc\n');
    writeFileSync(theirs!, 'a\nβ\nc\n');
    const run = folio('merge-driver', base!, ours!, theirs!, 'notes/plan.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'folio merge-driver: notes/plan.json: ours is not a Folio sidecar or corpus.json; merged line by line instead\n',
    );
    expect(readFileSync(ours!, 'utf8')).toBe('a\n<<<<<<< ours\nB\n=======\nβ\n>>>>>>> theirs\nc\n');
  });
});

describe('folio resolve', () => {
  it(
    'merges a sidecar git left with conflict markers, as the driver would have',
    async () => {
      const { a, b } = await withoutDriver.team();
      await a.folioOk(['tag', '.', ID, '--add', 'tạm']);
      await a.commit('Shared beginning');
      await a.push();
      await b.git(['pull', '-q', '--ff-only', 'origin', 'main']);
      // With the base in the markers, a tag one side removed stays removed.
      await b.git(['config', 'merge.conflictStyle', 'diff3']);
      await a.folioOk(['tag', '.', ID, '--add', 'kiểm tra', '--remove', 'tạm']);
      await a.folioOk(['annotate', '.', ID, '--quote', 'Mai Thanh Dân', '--label', 'Person']);
      await a.commit('A');
      await a.push();
      await b.folioOk(['tag', '.', ID, '--add', 'tin tỉnh']);
      await b.folioOk(['annotate', '.', ID, '--quote', 'Trần Thành Trai', '--label', 'Person']);
      await b.commit('B');
      const conflicts = await b.pull();
      expect(conflicts.files).toEqual([SIDECAR]);

      const run = await b.folio(['resolve', '.']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`${SIDECAR}: merged; 0 conflict(s) to resolve in Folio`);
      expect(await b.textualConflicts()).toEqual({ files: [SIDECAR], hunks: 0 });
      const merged = sidecarOf(b);
      expect(merged.tags).toEqual(['kiểm tra', 'tin tỉnh']);
      expect(merged.annotations.map((x) => x.quote).sort()).toEqual(['Mai Thanh Dân', 'Trần Thành Trai']);
      expectAnchored(merged, ORIGINAL);
      await b.commit('Merged');
      expect((await b.folio(['resolve', '.', '--json'])).stdout.trim()).toBe('[]');
    },
    TEAM_TIMEOUT,
  );

  it(
    'merges a corpus.json git left with conflict markers; what it cannot decide check then lists',
    async () => {
      const { a, b } = await withoutDriver.team();
      await a.folioOk(['collection', '.', 'create', 'Tỉnh', '--query', 'Cần Thơ']);
      await a.folioOk(['collection', '.', 'create', 'Hội nghị']);
      await a.commit('A');
      await a.push();
      await b.folioOk(['collection', '.', 'create', 'Tỉnh', SAMPLE_IDS[1]!]);
      await b.folioOk(['collection', '.', 'create', 'Tổng kết']);
      await b.commit('B');
      expect((await b.pull()).files).toEqual(['.folio/corpus.json']);
      const before = await b.folio(['check', '.']);
      expect(before.code).toBe(1);
      expect(before.stdout).toContain('.folio/corpus.json: merge-conflict: ');

      const run = await b.folio(['resolve', '.', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual([{ file: '.folio/corpus.json', report: null, conflicts: 1 }]);
      const settings = JSON.parse(b.read('.folio/corpus.json')!) as { collections: Array<{ name: string }> };
      expect(settings.collections.map((c) => c.name).sort()).toEqual(['Hội nghị', 'Tỉnh', 'Tổng kết']);
      const after = await b.folio(['check', '.']);
      expect(after.code).toBe(1);
      expect(after.stdout).not.toContain('merge-conflict');
      expect(after.stdout).toContain('.folio/corpus.json: settings-conflict: collection "Tỉnh"');
    },
    TEAM_TIMEOUT,
  );
});
