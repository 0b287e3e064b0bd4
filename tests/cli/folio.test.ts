import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folio } from '../helpers/cli';
import { buildCorpus, copySampleCorpus, SAMPLE_IDS, tempDir } from '../helpers/corpora';

const [ID0, ID1, ID2, ID3] = SAMPLE_IDS as [string, string, string, string, string];

describe('folio (command line)', () => {
  it('lists its commands and gives --help for each', () => {
    const help = folio('--help');
    expect(help.code).toBe(0);
    for (const command of [
      'info',
      'extract',
      'search',
      'tag',
      'status',
      'meta',
      'annotate',
      'correct',
      'check',
      'accuracy',
    ]) {
      expect(help.stdout).toContain(`  ${command} `);
      const own = folio(command, '--help');
      expect(own.code).toBe(0);
      expect(own.stdout).toMatch(new RegExp(`^Usage: folio ${command} `));
    }
  });

  it("accuracy compares the extracted values with the editors' on the reports marked done", () => {
    const corpus = copySampleCorpus();
    expect(folio('accuracy', corpus).stdout).toContain('nothing to measure yet');
    expect(folio('status', corpus, ID0, ID1, ID2, 'done').code).toBe(0);
    // One place corrected to another value, one title "corrected" to what was extracted, which is no change.
    expect(folio('meta', corpus, ID1, '--set', 'place=Ninh Kiều, Cần Thơ').code).toBe(0);
    const title = JSON.parse(folio('extract', corpus, '--json').stdout.split('\n')[0]!).title as string;
    expect(folio('meta', corpus, ID0, '--set', `title=${title}`).code).toBe(0);
    const run = folio('accuracy', corpus, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      reviewed: number;
      fields: { field: string; agreed: number }[];
    };
    const agreed = Object.fromEntries(report.fields.map((f) => [f.field, f.agreed]));
    expect(report.reviewed).toBe(3);
    expect(agreed).toMatchObject({ place: 2, title: 3, source: 3 });
    const table = folio('accuracy', corpus).stdout;
    expect(table).toMatch(/^place\s+2\s+1\s+66\.7%$/mu);
  });

  it('rejects an unknown command and bad options with exit code 2', () => {
    expect(folio('frobnicate').code).toBe(2);
    const bad = folio('info', '--colour');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/folio info: .*--colour/);
  });

  it('names the path when the corpus folder does not exist', () => {
    const run = folio('info', '/no/such/corpus');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('folio info: /no/such/corpus: not a folder\n');
  });

  it('info counts reports and lists unreadable files with their reason', () => {
    const dir = buildCorpus({ 'a.txt': 'Tỉnh ủy Lạng Sơn', 'b.txt': Buffer.from([0x41, 0x00, 0x42]) });
    const run = folio('info', dir, '--json');
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout);
    expect(info).toMatchObject({ reports: 1, skipped: [{ file: 'b.txt', code: 'binary' }] });
    expect(folio('info', dir).stdout).toMatch(/reports: +1\n[\s\S]*b\.txt: binary: b\.txt: binary file/);
  });

  it('extract --json prints one object per report with effective and extracted values', () => {
    const dir = copySampleCorpus();
    const lines = folio('extract', dir, '--json').stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'id',
        'file',
        'title',
        'published',
        'source',
        'author',
        'place',
        'section',
        'references',
        'people',
        'debris',
        'confidence',
        'extracted',
      ]),
    );
    expect(first).toMatchObject({
      id: ID0,
      file: `${ID0}.txt`,
      published: '2018-07-05T21:31',
      source: 'TGCT',
    });
    expect(first.references).toContain('22-NQ/TW');
    const text = readFileSync(path.join(dir, `${ID0}.txt`), 'utf8');
    for (const range of first.debris) expect(range.end).toBeGreaterThan(range.start);
    expect([...text].slice(first.debris.at(-1).start, first.debris.at(-1).end).join('')).toBe('156');
  });

  it('search finds reports insensitively and filters them', () => {
    const dir = copySampleCorpus();
    const all = JSON.parse(folio('search', dir, 'thanh uy', '--json').stdout);
    expect(all).toHaveLength(5);
    const phrase = JSON.parse(folio('search', dir, '"thanh uy can tho"', '--json').stdout);
    expect(phrase.map((r: { id: string }) => r.id).sort()).toEqual([ID0, ID1, SAMPLE_IDS[4]]);
    const filtered = JSON.parse(folio('search', dir, 'nghi quyet', '--ref', '126-QĐ/TW', '--json').stdout);
    expect(filtered.map((r: { id: string }) => r.id)).toEqual([ID3]);
    expect(folio('search', dir, '"lang son"').stdout).toMatch(/\[Lạng Sơn\]/);
    expect(folio('search', dir, 'zzzz').stdout).toBe('no reports match\n');
  });

  it('tag, status and meta change the sidecar, never the original', () => {
    const dir = copySampleCorpus();
    const original = readFileSync(path.join(dir, `${ID0}.txt`));
    expect(folio('tag', dir, ID0, ID1, '--add', 'Cần Thơ', '--add', 'NQ22').code).toBe(0);
    expect(folio('tag', dir, ID1, '--remove', 'NQ22').stdout).toBe(`${ID1}: Cần Thơ\n`);
    expect(folio('status', dir, ID0, 'in-progress').stdout).toBe('1 report(s) now in-progress\n');
    expect(folio('status', dir, ID0, 'finished').code).toBe(2);
    const set = folio(
      'meta',
      dir,
      ID0,
      '--set',
      'author=Ngọc Quy (TGCT)',
      '--set',
      'references=22-NQ/TW;36-CT/TW',
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('author: "Ngọc Quy (TGCT)" (corrected by Test Editor)');
    const state = JSON.parse(readFileSync(path.join(dir, '.folio', 'reports', `${ID0}.json`), 'utf8'));
    expect(state).toMatchObject({ status: 'in-progress', tags: ['Cần Thơ', 'NQ22'] });
    expect(state.metadata.author).toMatchObject({ value: 'Ngọc Quy (TGCT)', editor: 'Test Editor' });
    expect(state.metadata.references.value).toEqual(['22-NQ/TW', '36-CT/TW']);
    expect(folio('meta', dir, ID0, '--reset', 'author').stdout).toMatch(/^author: .* \(extracted\)$/m);
    expect(folio('meta', dir, ID0, '--set', 'published=July').stderr).toMatch(/invalid value for published/);
    expect(readFileSync(path.join(dir, `${ID0}.txt`)).equals(original)).toBe(true);
  });

  it('annotate, correct and check work together', () => {
    const dir = copySampleCorpus();
    const annotated = folio(
      'annotate',
      dir,
      ID0,
      '--quote',
      'Trần Quốc Trung',
      '--occurrence',
      '2',
      '--label',
      'Person',
      '--note',
      'Bí thư',
    );
    expect(annotated.code).toBe(0);
    expect(annotated.stdout).toMatch(/^[0-9a-f-]{36} Person \d+-\d+ "Trần Quốc Trung"\n$/);
    expect(folio('annotate', dir, ID0, '--quote', '156', '--label', 'Figure').code).toBe(0);
    expect(folio('check', dir).code).toBe(0);

    const text = readFileSync(path.join(dir, `${ID0}.txt`), 'utf8')
      .replace('thánh phố', 'thành phố')
      .replace(/\n\n156$/, '');
    const file = path.join(tempDir(), 'corrected.txt');
    writeFileSync(file, text);
    const corrected = folio('correct', dir, ID0, '--text-file', file);
    expect(corrected.stdout).toBe(`${ID0}: 2 change(s) against the original; 1 orphaned annotation(s)\n`);

    const check = folio('check', dir, '--json');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).problems).toEqual([
      {
        id: ID0,
        code: 'orphaned-annotations',
        message: '1 annotation(s) lost their text and need review',
        count: 1,
      },
    ]);
  });

  it('check fails on a corrupt sidecar and on an original changed on disk', () => {
    const dir = copySampleCorpus();
    expect(folio('status', dir, ID2, 'done').code).toBe(0);
    writeFileSync(path.join(dir, `${ID2}.txt`), 'changed by someone');
    mkdirSync(path.join(dir, '.folio', 'reports'), { recursive: true });
    writeFileSync(path.join(dir, '.folio', 'reports', `${ID1}.json`), '{');
    const check = folio('check', dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`${ID1}: corrupt-sidecar: .*${ID1}\\.json: not valid JSON`));
    expect(check.stdout).toMatch(new RegExp(`${ID2}: original-changed: ${ID2}\\.txt changed on disk`));
  });

  it('info lists a corrupt sidecar and export refuses its report, naming it, with a non-zero exit', () => {
    const dir = copySampleCorpus();
    expect(folio('annotate', dir, ID1, '--quote', 'Đảng', '--label', 'Organisation').code).toBe(0);
    writeFileSync(path.join(dir, '.folio', 'reports', `${ID1}.json`), '{');
    const info = folio('info', dir);
    expect(info.stdout).toMatch(new RegExp(`unreadable editorial files: 1\\n  ${ID1}: .*not valid JSON`));
    expect(info.stderr).toMatch(/1 report\(s\) have editorial files that cannot be read/);
    const out = path.join(dir, '..', `export-${path.basename(dir)}`);
    const exported = folio('export', dir, '--all', '--format', 'jsonl', '--out', out);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(
      new RegExp(`cannot export: 1 report\\(s\\).*${ID1}\\.json: not valid JSON`),
    );
    expect(exported.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('check lists annotations moved onto their words without failing, and those it orphaned as a failure', () => {
    const dir = copySampleCorpus();
    expect(folio('annotate', dir, ID0, '--quote', 'Trần Quốc Trung', '--label', 'Person').code).toBe(0);
    const file = path.join(dir, '.folio', 'reports', `${ID0}.json`);
    const json = readFileSync(file, 'utf8');
    const [, start, end] = /"start":(\d+),"end":(\d+)/.exec(json)!;
    writeFileSync(
      file,
      json.replace(`"start":${start},"end":${end}`, `"start":${+start! + 2},"end":${+end! + 2}`),
    );
    const moved = folio('check', dir);
    expect(moved.stdout).toBe(
      `${ID0}: annotations-moved: 1 annotation(s) moved to where their words now stand\nok: 5 report(s), 1 notice(s), no problems\n`,
    );
    expect(moved.code).toBe(0);
    writeFileSync(file, json.replace('"quote":"Trần Quốc Trung"', '"quote":"Trần Quốc Trung Kiên"'));
    const orphaned = folio('check', dir);
    expect(orphaned.stdout).toMatch(
      new RegExp(`^${ID0}: orphaned-annotations: 1 annotation\\(s\\) lost their text`),
    );
    expect(orphaned.code).toBe(1);
  });
});

/** Leaves git conflict markers in `file` as a merge without Folio's driver does: ours and theirs from `base`. */
function mergeWithoutDriver(file: string, base: string, ours: string, theirs: string): void {
  const dir = tempDir('folio-merge-');
  const [b, o, t] = ['base', 'ours', 'theirs'].map((side) => path.join(dir, side));
  writeFileSync(b!, base);
  writeFileSync(o!, ours);
  writeFileSync(t!, theirs);
  const merged = spawnSync(
    'git',
    ['merge-file', '-p', '-L', 'ours', '-L', 'base', '-L', 'theirs', o!, b!, t!],
    {
      encoding: 'utf8',
    },
  );
  expect(merged.status, 'git merge-file found a conflict').toBeGreaterThan(0);
  writeFileSync(file, merged.stdout);
}

describe('folio after a merge without the merge driver', () => {
  /** The sample corpus with report 1's sidecar left with conflict markers: both sides tagged it. */
  function conflictedSidecar(): { dir: string; file: string } {
    const dir = copySampleCorpus();
    expect(folio('annotate', dir, ID1, '--quote', 'Đảng', '--label', 'Organisation').code).toBe(0);
    const file = path.join(dir, '.folio', 'reports', `${ID1}.json`);
    const base = readFileSync(file, 'utf8');
    expect(folio('tag', dir, ID1, '--add', 'tin tỉnh').code).toBe(0);
    const ours = readFileSync(file, 'utf8');
    writeFileSync(file, base);
    expect(folio('tag', dir, ID1, '--add', 'kiểm tra').code).toBe(0);
    mergeWithoutDriver(file, base, ours, readFileSync(file, 'utf8'));
    return { dir, file };
  }

  it('info, search, export and check name a sidecar with conflict markers and say to run folio resolve', () => {
    const { dir, file } = conflictedSidecar();
    const resolve = `run "folio resolve ${dir}"`;
    const info = folio('info', dir);
    expect(info.code).toBe(0);
    expect(info.stdout).toContain(
      `unreadable editorial files: 1\n  ${ID1}: ${file}: has unresolved git conflict markers`,
    );
    expect(info.stderr).toContain(`1 with git conflict markers: ${resolve}`);

    const search = folio('search', dir, 'Đảng');
    expect(search.code).toBe(0);
    expect(search.stderr).toContain(
      `folio search: warning: 1 report(s) have editorial files that cannot be read`,
    );
    expect(search.stderr).toContain(`  ${file}: has unresolved git conflict markers`);
    expect(search.stderr).toContain(resolve);

    const out = path.join(tempDir(), 'export');
    const exported = folio('export', dir, '--all', '--format', 'jsonl', '--out', out);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(/cannot export: 1 report\(s\)/);
    expect(exported.stderr).toContain(`${file}: has unresolved git conflict markers`);
    expect(exported.stderr).toContain(resolve);
    expect(existsSync(out)).toBe(false);

    const check = folio('check', dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${ID1}: merge-conflict: ${file}: has unresolved git conflict markers`);
  });

  it('opens a corpus whose corpus.json has conflict markers, with both halves merged, and refuses settings edits', () => {
    const dir = copySampleCorpus();
    expect(folio('collection', dir, 'create', 'Hội nghị', ID0).code).toBe(0);
    const file = path.join(dir, '.folio', 'corpus.json');
    const base = readFileSync(file, 'utf8');
    expect(folio('collection', dir, 'create', 'Cần Thơ', ID1).code).toBe(0);
    const ours = readFileSync(file, 'utf8');
    writeFileSync(file, base);
    expect(folio('collection', dir, 'create', 'Lạng Sơn', ID2).code).toBe(0);
    mergeWithoutDriver(file, base, ours, readFileSync(file, 'utf8'));
    const conflicted = readFileSync(file, 'utf8');

    const info = folio('info', dir);
    expect(info.code).toBe(0);
    expect(info.stdout).toContain(`settings:    ${file}: has unresolved git conflict markers`);
    expect(info.stderr).toContain(`run "folio resolve ${dir}"`);
    const list = folio('collection', dir, 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Hội nghị .*\n.*Cần Thơ .*\n.*Lạng Sơn /);
    expect(folio('search', dir, 'Đảng').stderr).toContain(`${file}: has unresolved git conflict markers`);

    const create = folio('collection', dir, 'create', 'Mới', ID3);
    expect(create.code).toBe(1);
    expect(create.stderr).toContain(`${file}: has unresolved git conflict markers`);
    expect(create.stderr).toContain('cannot be changed until then');
    expect(readFileSync(file, 'utf8')).toBe(conflicted);

    const check = folio('check', dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      `.folio/corpus.json: merge-conflict: ${file}: has unresolved git conflict markers`,
    );
  });
});
