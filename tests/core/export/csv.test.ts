import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../src-main/core';
import { exportReports } from '../../../src-main/core/export';
import { plainCell, textCell } from '../../../src-main/core/export/csvCells';
import { importInto } from '../../../src-main/core/import';
import { METADATA_FIELDS } from '../../../src-main/core/store/schema';
import { tempDir } from '../../helpers/corpora';
import { annotatedCorpus, ASTRAL, ID0, ID1, NOW } from './fixture';

/** Values a spreadsheet would run or change, set on the fixture's reports. */
const TRICKY: Array<[string, string, unknown]> = [
  [ID0, 'title', '=2*3'],
  [ID0, 'source', '=HYPERLINK("http://x","y")'],
  [ID0, 'author', '+1'],
  [ID0, 'place', '-5'],
  [ID0, 'section', '@SUM(A1)'],
  [ID0, 'references', ['=1+1', '22-NQ/TW']],
  [ID1, 'title', "'quoted"],
  [ID1, 'source', "'=2*3"],
  [ID1, 'author', '\tthụt lề'],
  [ID1, 'place', "''hai"],
  [ID1, 'section', '='],
  [ID1, 'published', '2019-01-20'],
  [ASTRAL, 'published', '2018-07-05T21:31:45'],
];

let corpus: Corpus;
let dir: string;

/** Runs Debian's Python 3, which has pandas; returns its stdout parsed as JSON. */
function pandas(script: string, ...args: string[]): unknown {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8' }));
}

async function exportCsv(rawCells = false): Promise<string> {
  const out = path.join(tempDir('folio-csv-'), 'csv');
  await exportReports(corpus, { selection: { kind: 'all' }, format: 'csv', out, now: NOW, rawCells });
  return out;
}

const READ_CSV = `
import json, sys, pandas as pd
read = lambda name: pd.read_csv(name, dtype=str, keep_default_na=False, encoding='utf-8-sig')
reports, notes = read(sys.argv[1]), read(sys.argv[2])
cells = [v for frame in (reports, notes) for column in frame.columns for v in frame[column]]
print(json.dumps({'reports': reports.set_index('id').to_dict('index'), 'notes': list(notes['note']),
  'formulas': [v for v in cells if v[:1] in ('=', '+', '-', '@', '\\t', '\\r')]}))`;

// What LibreOffice Calc 7.4 (Debian's) does to a CSV it opens with "detect special numbers" on and saves as CSV,
// byte for byte as `soffice --infilter=CSV:44,34,76,1,,1033,false,true --convert-to csv` does to this export:
// formulas become their result, `+1` the number 1, an ISO date-time a date shown with seconds, a CR in a cell
// an LF; rows end in LF, no BOM. A cell that begins with an apostrophe is kept as it is. Later versions write
// a space instead of the `T` (`2018-07-05 21:31:00`).
const COMPUTED: Record<string, string> = {
  '=2*3': '6',
  '=HYPERLINK("http://x","y")': 'y',
  '=1+1; 22-NQ/TW': 'Err:509',
  '+1': '1',
};
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

function libreOfficeSave(csv: string, separator: 'T' | ' '): string {
  const rows = parse(csv, { bom: true }) as string[][];
  const saved = rows.map((row) =>
    row.map(
      (cell) =>
        COMPUTED[cell] ??
        cell
          .replace(DATE_TIME, (_, day: string, minute: string, second?: string) => {
            return `${day}${separator}${minute}${second ?? ':00'}`;
          })
          .replace(/\r/g, '\n'),
    ),
  );
  return stringify(saved, { record_delimiter: 'unix', quoted_match: /[\r\n]/ });
}

/** Every editorial file of the corpus (not the cache), to show an import changed nothing. */
function sidecars(root: string): Record<string, string> {
  const folio = path.join(root, '.folio');
  return Object.fromEntries(
    readdirSync(folio, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json') && path.basename(e.parentPath) !== 'cache')
      .map((e) => [path.join(e.parentPath, e.name), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
  );
}

beforeAll(async () => {
  ({ dir, corpus } = await annotatedCorpus());
  for (const [id, field, value] of TRICKY) await corpus.setMetadata(id, field, value, 'Lan');
  await corpus.annotateQuote(ID1, 'Thành ủy', 1, 'Organisation', '=HYPERLINK("http://x","y")', 'Lan');
});

describe('csv cells a spreadsheet never runs', () => {
  it('puts an apostrophe before a formula character; pandas reads the text and no cell starts a formula', async () => {
    const out = await exportCsv();
    const read = pandas(READ_CSV, path.join(out, 'reports.csv'), path.join(out, 'annotations.csv')) as {
      reports: Record<string, Record<string, string>>;
      notes: string[];
      formulas: string[];
    };
    expect(read.formulas).toEqual([]);
    expect(read.reports[ID0]).toMatchObject({
      title: "'=2*3",
      source: `'=HYPERLINK("http://x","y")`,
      author: "'+1",
      place: "'-5",
      section: "'@SUM(A1)",
      references: "'=1+1; 22-NQ/TW",
      published: '2018-07-05T21:31',
    });
    // An apostrophe the user typed stays; before a formula character or another apostrophe it gets one more.
    expect(read.reports[ID1]).toMatchObject({
      title: "'quoted",
      source: "''=2*3",
      author: "'\tthụt lề",
      place: "'''hai",
      section: "'=",
    });
    expect(read.notes).toContain(`'=HYPERLINK("http://x","y")`);
  });

  it('with rawCells writes every cell as it is', async () => {
    const out = await exportCsv(true);
    const read = pandas(READ_CSV, path.join(out, 'reports.csv'), path.join(out, 'annotations.csv')) as {
      reports: Record<string, Record<string, string>>;
      notes: string[];
    };
    expect(read.reports[ID0]).toMatchObject({ title: '=2*3', author: '+1', references: '=1+1; 22-NQ/TW' });
    expect(read.reports[ID1]).toMatchObject({ title: "'quoted", source: "'=2*3", place: "''hai" });
    expect(read.notes).toContain('=HYPERLINK("http://x","y")');
  });

  it('the apostrophe rule gives back every value exactly', () => {
    const values = [
      '=2*3',
      '+1',
      '-5',
      '@x',
      '\tx',
      '\rx',
      "'",
      "''",
      "'quoted",
      "'=x",
      "''=x",
      "'''",
      'a=b',
      '',
    ];
    for (const value of values) expect(plainCell(textCell(value))).toBe(value);
    expect(values.map(textCell).filter((cell) => cell !== '' && '=+-@\t\r'.includes(cell[0]!))).toEqual([]);
    expect(textCell("'quoted")).toBe("'quoted");
  });
});

describe('round trip through a spreadsheet', () => {
  for (const separator of [' ', 'T'] as const) {
    it(`export → LibreOffice's save (dates with "${separator}") → import csv-metadata: the same values, nothing changed`, async () => {
      const out = await exportCsv();
      const saved = path.join(tempDir('folio-lo-'), 'reports.csv');
      writeFileSync(saved, libreOfficeSave(readFileSync(path.join(out, 'reports.csv'), 'utf8'), separator));
      expect(readFileSync(saved, 'utf8')).toContain(`2018-07-05${separator}21:31:00`);
      const before = sidecars(dir);
      const summary = await importInto(corpus, { format: 'csv-metadata', source: saved, editor: 'Nhập' });
      expect(summary).toMatchObject({ metadataChanged: 0, unmatched: [], ignored: expect.any(Array) });
      expect(summary.metadataUnchanged).toBe(corpus.ids().length * METADATA_FIELDS.length);
      expect(sidecars(dir)).toEqual(before);
    });
  }

  it('into a copy without the corrections, the import brings back exactly the values exported', async () => {
    const out = await exportCsv();
    const saved = path.join(tempDir('folio-lo-'), 'reports.csv');
    writeFileSync(saved, libreOfficeSave(readFileSync(path.join(out, 'reports.csv'), 'utf8'), ' '));
    const { corpus: fresh } = await annotatedCorpus();
    const summary = await importInto(fresh, { format: 'csv-metadata', source: saved, editor: 'Nhập' });
    expect(summary.metadataChanged).toBe(TRICKY.length);
    for (const id of corpus.ids()) {
      for (const field of METADATA_FIELDS) {
        expect([id, field, fresh.report(id).metadata[field].value]).toEqual([
          id,
          field,
          corpus.report(id).metadata[field].value,
        ]);
      }
    }
  });
});

describe('csv-metadata import reads the dates spreadsheets write', () => {
  it('takes "2018-07-05 21:31", "2018-07-05 21:31:00" and "2018-07-05"; refuses an ambiguous day with its row', async () => {
    const { dir: root, corpus: sheet } = await annotatedCorpus();
    const ids = sheet.ids();
    const csv = [
      'id,published',
      `${ids[0]},2018-07-05 21:31`,
      `${ids[1]},2019-01-20 08:05:00`,
      `${ids[2]},2018-07-05`,
      `${ids[3]},2018-07-05 21:31:07`,
      '',
    ].join('\r\n');
    const source = path.join(tempDir('folio-dates-'), 'sheet.csv');
    writeFileSync(source, csv);
    await importInto(sheet, { format: 'csv-metadata', source, editor: 'Lan' });
    expect(ids.slice(0, 4).map((id) => sheet.report(id).metadata.published.value)).toEqual([
      '2018-07-05T21:31',
      '2019-01-20T08:05',
      '2018-07-05',
      '2018-07-05T21:31:07',
    ]);
    const before = sidecars(root);
    for (const ambiguous of ['05/07/2018', '7/5/18 21:31', '2018-07-05 9:31 PM']) {
      writeFileSync(source, `id,published\r\n${ids[0]},2018-07-05\r\n${ids[1]},${ambiguous}\r\n`);
      await expect(importInto(sheet, { format: 'csv-metadata', source, editor: 'Lan' })).rejects.toThrow(
        'sheet.csv: row 3, column "published": expected an ISO 8601 date',
      );
    }
    expect(sidecars(root)).toEqual(before);
  });
});
