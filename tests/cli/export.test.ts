import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { folio, type CliRun } from '../helpers/cli';
import { copySampleCorpus, SAMPLE_IDS, tempDir } from '../helpers/corpora';
import { filesOf } from '../helpers/files';
import { ASTRAL, writeAstral } from '../core/export/fixture';

const [ID0, ID1, ID2] = SAMPLE_IDS as [string, string, string, string, string];
const FORMATS = [
  'jsonl',
  'csv',
  'xlsx',
  'markdown',
  'txt',
  'webannotation',
  'brat',
  'doccano',
  'conll',
  'patch',
];

let base: string;
let corpus: string;

function ok(run: CliRun): string {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

beforeAll(() => {
  // Exports record this time instead of now, so two exports can be compared byte for byte.
  process.env.SOURCE_DATE_EPOCH = '1740816000';
  base = copySampleCorpus();
  writeAstral(base);
  const corrected = tempDir('folio-text-');
  const text = readFileSync(path.join(base, `${ID0}.txt`), 'utf8').replace(
    'Bí Thư Thành ủy',
    'Bí thư 😀 Thành ủy',
  );
  writeFileSync(path.join(corrected, 'text.txt'), text);
  ok(folio('correct', base, ID0, '--text-file', path.join(corrected, 'text.txt')));
  ok(folio('meta', base, ID0, '--set', 'title=Tổng kết Nghị quyết 22, "Cần Thơ"'));
  ok(folio('tag', base, ID0, ASTRAL, '--add', 'hội nghị'));
  ok(folio('status', base, ID0, 'done'));
  corpus = tempDir('folio-annotated-');
  cpSync(base, corpus, { recursive: true });
  ok(folio('annotate', corpus, ID0, '--quote', 'Cần Thơ', '--label', 'Place', '--note', 'thành phố'));
  ok(folio('annotate', corpus, ID0, '--quote', 'Bí thư 😀', '--label', 'Person'));
  ok(folio('annotate', corpus, ID0, '--quote', 'Nghị quyết số 22-NQ/TW', '--label', 'Document reference'));
  ok(folio('annotate', corpus, ID0, '--quote', '😀', '--label', 'Figure'));
  ok(folio('annotate', corpus, ASTRAL, '--quote', 'Hà Nội', '--label', 'Place'));
  ok(folio('annotate', corpus, ASTRAL, '--quote', '🇻🇳', '--label', 'place'));
});

describe('folio collection', () => {
  it('creates, fills, orders, lists and deletes collections', () => {
    const dir = tempDir('folio-coll-');
    cpSync(corpus, dir, { recursive: true });
    expect(ok(folio('collection', dir, 'create', 'Hội nghị'))).toBe(
      'created Hội nghị  (manual, 0 report(s))\n',
    );
    ok(folio('collection', dir, 'add', 'Hội nghị', ID2, ID0, ID1));
    expect(ok(folio('collection', dir, 'move', 'hội nghị', ID1, '1'))).toBe(
      `Hội nghị  (manual, 3 report(s))\n  1. ${ID1}\n  2. ${ID2}\n  3. ${ID0}\n`,
    );
    ok(folio('collection', dir, 'remove', 'Hội nghị', ID2));
    expect(ok(folio('collection', dir, 'create', 'Đã xong', '--query', 'thanh uy', '--status', 'done'))).toBe(
      'created Đã xong  (saved search "thanh uy" status=done, 1 report(s))\n',
    );
    expect(ok(folio('collection', dir, 'list'))).toBe(
      'Hội nghị  (manual, 2 report(s))\nĐã xong  (saved search "thanh uy" status=done, 1 report(s))\n',
    );
    const listed = JSON.parse(ok(folio('collection', dir, 'list', '--json')));
    expect(listed[0].entries).toEqual([
      { id: ID1, missing: false },
      { id: ID0, missing: false },
    ]);
    expect(ok(folio('collection', dir, 'delete', 'Đã xong'))).toMatch(/deleted collection "Đã xong"/);
  });

  it('says what is wrong: bad names, unknown reports and actions', () => {
    const dir = tempDir('folio-coll-bad-');
    cpSync(base, dir, { recursive: true });
    const badName = folio('collection', dir, 'create', 'a/b');
    expect(badName.code).toBe(1);
    expect(badName.stderr).toMatch(
      /folio collection: collection name "a\/b" is not usable: it contains "\/"/,
    );
    ok(folio('collection', dir, 'create', 'x'));
    expect(folio('collection', dir, 'add', 'x', 'nope').stderr).toMatch(/no report "nope"/);
    expect(folio('collection', dir, 'frob').code).toBe(2);
    expect(folio('collection', dir, 'move', 'x', ID0, 'first').stderr).toMatch(
      /position must be a whole number/,
    );
    expect(folio('collection', dir, 'create', 's', '--status', 'finished').stderr).toMatch(
      /unknown status "finished"/,
    );
  });
});

describe('folio export', () => {
  it('exports every format from the sample corpus; doccano offsets hold in UTF-16 units', () => {
    for (const format of FORMATS) {
      const out = path.join(tempDir('folio-cli-out-'), format);
      const stdout = ok(folio('export', corpus, '--all', '--format', format, '--out', out));
      expect(stdout).toMatch(
        new RegExp(`^exported 6 report\\(s\\) as ${format} \\(corrected text\\) to ${out}: \\d+ file`),
      );
      expect(readdirSync(out)).toContain('manifest.json');
    }
    const out = path.join(tempDir('folio-cli-doccano-'), 'd');
    ok(
      folio(
        'export',
        corpus,
        '--query',
        'thanh uy',
        '--tag',
        'hội nghị',
        '--format',
        'doccano',
        '--out',
        out,
      ),
    );
    const spans = execFileSync(
      'python3',
      [
        '-c',
        `import json,sys
rows=[json.loads(l) for l in open(sys.argv[1],encoding='utf-8')]
u16=lambda t,s,e: t.encode('utf-16-le')[2*s:2*e].decode('utf-16-le')
print(json.dumps([[r['report_id']]+[u16(r['text'],s,e) for s,e,_ in r['label']] for r in rows], ensure_ascii=False))`,
        path.join(out, 'doccano.jsonl'),
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(spans)).toEqual([
      [ID0, 'Cần Thơ', 'Nghị quyết số 22-NQ/TW', 'Bí thư 😀', '😀'],
      [ASTRAL, '🇻🇳', 'Hà Nội'],
    ]);
  });

  it('--zip writes a zip that unzip -t accepts; --text original lists annotations on new text', () => {
    const zip = path.join(tempDir('folio-cli-zip-'), 'out.zip');
    ok(folio('export', corpus, '--all', '--format', 'brat', '--out', zip, '--zip'));
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const out = path.join(tempDir('folio-cli-orig-'), 'o');
    const stdout = ok(
      folio('export', corpus, '--all', '--format', 'jsonl', '--text', 'original', '--out', out),
    );
    expect(stdout).toMatch(/\(original text\)/);
    expect(stdout).toContain(
      `left out 1 annotation(s):\n  ${ID0}: Figure "😀": it lies on text the editor inserted`,
    );
  });

  it('refuses an --out inside the corpus, an existing folder without --force, and bad usage', () => {
    const inside = folio('export', corpus, '--all', '--format', 'txt', '--out', path.join(corpus, 'out'));
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(/is inside the corpus .*\.folio\/exports/);
    ok(
      folio(
        'export',
        corpus,
        '--all',
        '--format',
        'txt',
        '--out',
        path.join(corpus, '.folio', 'exports', 't'),
      ),
    );
    const out = tempDir('folio-cli-full-');
    writeFileSync(path.join(out, 'x'), '');
    expect(folio('export', corpus, '--all', '--format', 'txt', '--out', out).stderr).toMatch(/pass --force/);
    ok(folio('export', corpus, '--all', '--format', 'txt', '--out', out, '--force'));
    for (const args of [
      ['--format', 'txt', '--out', out],
      ['--all', '--query', 'x', '--format', 'txt', '--out', out],
      ['--all', '--format', 'pdf', '--out', out],
      ['--all', '--format', 'txt'],
      ['--all', '--format', 'txt', '--tag', 'x', '--out', out],
    ]) {
      expect(folio('export', corpus, ...args).code, args.join(' ')).toBe(2);
    }
    expect(folio('export', corpus, '--collection', 'nope', '--format', 'txt', '--out', out).stderr).toMatch(
      /no collection "nope"/,
    );
  });
});

describe('folio import', () => {
  it('round trip: export, import into a copy without annotations, export again: identical files', () => {
    for (const [format, importFormat] of [
      ['brat', 'brat'],
      ['webannotation', 'webannotation'],
      ['doccano', 'doccano'],
    ] as const) {
      const first = path.join(tempDir('folio-rt1-'), format);
      ok(folio('export', corpus, '--all', '--format', format, '--out', first));
      const fresh = tempDir('folio-rt-fresh-');
      cpSync(base, fresh, { recursive: true });
      const sidecars = filesOf(path.join(fresh, '.folio', 'reports'));
      const dryRun = ok(folio('import', fresh, '--format', importFormat, first));
      expect(dryRun).toMatch(
        /^dry run, nothing written: importing .* would change 2 report\(s\): 6 annotation\(s\) added/,
      );
      expect(filesOf(path.join(fresh, '.folio', 'reports'))).toEqual(sidecars);
      expect(dryRun).toContain(`matched to the export through ${path.join(first, 'manifest.json')}`);
      const imported = ok(folio('import', fresh, '--format', importFormat, first, '--apply'));
      expect(imported).toMatch(
        /: 6 annotation\(s\) added, 0 removed, 0 relabelled, 0 moved, 0 re-noted, 0 unchanged, 0 re-anchored/,
      );
      const second = path.join(tempDir('folio-rt2-'), format);
      ok(folio('export', fresh, '--all', '--format', format, '--out', second));
      expect(filesOf(second)).toEqual(filesOf(first));
    }
    // Twelve runs of the command line, each opening the corpus.
  }, 120_000);

  it('lists what it could not import and fails on unknown labels, leaving the corpus unchanged', () => {
    const dir = tempDir('folio-imp-');
    cpSync(base, dir, { recursive: true });
    const source = tempDir('folio-imp-src-');
    writeFileSync(path.join(source, `${ID0}.ann`), 'T1\tPlace 0 3\tCần Thơ\nT2\tPlace 1 2\tHải Phòng\n');
    const run = ok(folio('import', dir, '--format', 'brat', source));
    expect(run).toContain('1 re-anchored');
    expect(run).toContain(
      `not imported (1):\n  ${ID0}.ann:2: Place "Hải Phòng" at 1-2: its text is not in the report's text`,
    );
    writeFileSync(path.join(source, `${ID0}.ann`), 'T1\tAnimal 0 3\tCần\n');
    const before = readFileSync(path.join(dir, '.folio', 'reports', `${ID0}.json`), 'utf8');
    const bad = folio('import', dir, '--format', 'brat', source);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown label\(s\) "Animal"/);
    expect(readFileSync(path.join(dir, '.folio', 'reports', `${ID0}.json`), 'utf8')).toBe(before);
    expect(folio('import', dir, '--format', 'spacy', source).code).toBe(2);
  });

  it('brat: the dry run lists what was done in brat, --json gives it as data, --apply does it', () => {
    const dir = tempDir('folio-sync-');
    cpSync(corpus, dir, { recursive: true });
    const out = path.join(tempDir('folio-sync-out-'), 'brat');
    ok(folio('export', dir, '--all', '--format', 'brat', '--out', out));
    const ann = readFileSync(path.join(out, `${ID0}.ann`), 'utf8');
    const line = (words: string) => ann.split('\n').findIndex((l) => l.endsWith(`\t${words}`)) + 1;
    const [reference, person, place] = [line('Nghị quyết số 22-NQ/TW'), line('Bí thư 😀'), line('Cần Thơ')];
    const edited = ann
      .split('\n')
      .filter((_, i) => i + 1 !== reference)
      .map((l) =>
        l.replace(/^(T\d+)\tPerson /, '$1\tOrganisation ').replace(/\tthành phố$/, '\tthành phố Cần Thơ'),
      )
      .join('\n');
    writeFileSync(path.join(out, `${ID0}.ann`), edited);
    const sidecar = path.join(dir, '.folio', 'reports', `${ID0}.json`);
    const before = readFileSync(sidecar, 'utf8');

    const dryRun = ok(folio('import', dir, '--format', 'brat', out));
    const shift = (n: number) => `${ID0}.ann:${n > reference ? n - 1 : n}`;
    expect(dryRun).toMatch(
      /^dry run, nothing written: importing brat from .* would change 1 report\(s\): 0 annotation\(s\) added, 1 removed, 1 relabelled, 0 moved, 1 re-noted, 3 unchanged, 0 re-anchored; 0 metadata value\(s\) changed, 0 unchanged\n/,
    );
    expect(dryRun.slice(dryRun.indexOf(`${ID0}:\n`))).toBe(
      `${ID0}:\n` +
        `  re-noted    Place "Cần Thơ" 9-16: "thành phố" → "thành phố Cần Thơ"  (${shift(place)})\n` +
        '  removed     Document reference "Nghị quyết số 22-NQ/TW" 43-65\n' +
        `  relabelled  "Bí thư 😀" 742-750: Person → Organisation  (${shift(person)})\n` +
        'run again with --apply to make these changes (one step, undone as one)\n',
    );
    expect(readFileSync(sidecar, 'utf8')).toBe(before);
    const data = JSON.parse(ok(folio('import', dir, '--format', 'brat', out, '--json')));
    expect(data).toMatchObject({ applied: false, additionsOnly: null, reports: [ID0] });
    expect(data.changes.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'relabelled',
      'removed',
      'renoted',
    ]);
    expect(readFileSync(sidecar, 'utf8')).toBe(before);

    expect(ok(folio('import', dir, '--format', 'brat', out, '--apply'))).toMatch(
      /^imported brat from .* changed 1 report\(s\)/,
    );
    expect(ok(folio('import', dir, '--format', 'brat', out))).toMatch(/would change 0 report\(s\)/);
    const again = path.join(tempDir('folio-sync-again-'), 'brat');
    ok(folio('export', dir, '--all', '--format', 'brat', '--out', again));
    const spans = (text: string) =>
      text
        .replace(/^(T|#)\d+\t/gm, '$1\t')
        .replace(/AnnotatorNotes T\d+/g, 'AnnotatorNotes')
        .split('\n')
        .sort();
    expect(spans(readFileSync(path.join(again, `${ID0}.ann`), 'utf8'))).toEqual(spans(edited));
    expect(folio('import', dir, '--format', 'csv-metadata', out, '--manifest', 'm.json').code).toBe(2);
  }, 120_000);

  it('csv-metadata: corrections from the csv export, edited as a spreadsheet would', () => {
    const out = path.join(tempDir('folio-csv-'), 'csv');
    ok(folio('export', corpus, '--all', '--format', 'csv', '--out', out));
    const csv = readFileSync(path.join(out, 'reports.csv'), 'utf8')
      .replace('Thanh Sang,Cần Thơ', 'Thanh Sang,"Cần Thơ, Việt Nam"')
      // LibreOffice writes a date and time back with a space and seconds.
      .replaceAll(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}),/g, '$1 $2:00,');
    expect(csv).toContain(',2018-07-05 21:31:00,');
    writeFileSync(path.join(out, 'reports.csv'), csv);
    const run = ok(
      folio('import', corpus, '--format', 'csv-metadata', path.join(out, 'reports.csv'), '--apply'),
    );
    expect(run).toMatch(/1 metadata value\(s\) changed/);
    expect(JSON.parse(ok(folio('extract', corpus, '--json')).split('\n')[1]!).place).toBe(
      'Cần Thơ, Việt Nam',
    );
  });

  it('--raw-cells goes with csv and xlsx only', () => {
    const out = (name: string) => path.join(tempDir('folio-raw-'), name);
    ok(folio('export', corpus, '--all', '--format', 'xlsx', '--raw-cells', '--out', out('xlsx')));
    ok(folio('export', corpus, '--all', '--format', 'csv', '--raw-cells', '--out', out('csv')));
    const refused = folio('export', corpus, '--all', '--format', 'txt', '--raw-cells', '--out', out('txt'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--raw-cells applies to --format csv and xlsx only');
  });
});
