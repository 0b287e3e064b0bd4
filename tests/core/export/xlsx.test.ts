import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { exportReports } from '../../../src-main/core/export';
import { ANNOTATION_COLUMNS, REPORT_COLUMNS } from '../../../src-main/core/export/csv';
import { copySampleCorpus, tempDir } from '../../helpers/corpora';
import { annotatedCorpus, ASTRAL, ID0, ID1, NOW } from './fixture';

let corpus: Corpus;

/** Runs Debian's Python 3, which has pandas and openpyxl; returns its stdout parsed as JSON. */
function pandas(script: string, ...args: string[]): unknown {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8' }));
}

async function exportTo(format: 'xlsx' | 'csv', options: { rawCells?: boolean } = {}): Promise<string> {
  const out = path.join(tempDir('folio-xlsx-'), format);
  await exportReports(corpus, { selection: { kind: 'all' }, format, out, now: NOW, ...options });
  return out;
}

type Typed = ['text' | 'number' | 'date' | 'empty', string | number];
interface Sheet {
  columns: string[];
  rows: Typed[][];
}

// The workbook's sheets as pandas (with openpyxl) reads them, each cell by kind, and openpyxl's own view.
const LOAD_XLSX = `
import datetime, json, sys, warnings, openpyxl, pandas as pd
# write-excel-file names no cell style "Normal"; openpyxl says so on every read and applies its own.
warnings.filterwarnings('ignore', 'Workbook contains no default style')
def typed(v):
    if isinstance(v, datetime.datetime): return ['date', v.isoformat()]
    if isinstance(v, str): return ['empty', ''] if v == '' else ['text', v]
    if isinstance(v, (int, float)) and not isinstance(v, bool): return ['number', v]
    return [type(v).__name__, str(v)]
sheets = pd.read_excel(sys.argv[1], sheet_name=None, dtype=object, na_filter=False)
book = openpyxl.load_workbook(sys.argv[1])
`;

// Each cell by kind, and what openpyxl says of the cells' types and number formats.
const READ_XLSX = `${LOAD_XLSX}
cells = [c for sheet in book for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
print(json.dumps({
  'sheets': {name: {'columns': list(f.columns), 'rows': [[typed(v) for v in row] for row in f.itertuples(index=False)]}
             for name, f in sheets.items()},
  'formulas': [c.coordinate for sheet in book for row in sheet.iter_rows() for c in row if c.data_type == 'f'],
  'textFormats': sorted({c.number_format for c in cells if c.data_type == 's'}),
  'dateFormats': sorted({c.number_format for c in cells if c.is_date}),
}))`;

beforeAll(async () => {
  ({ corpus } = await annotatedCorpus());
  const values: Array<[string, string, unknown]> = [
    [ID0, 'title', '=2*3'],
    [ID0, 'source', '=HYPERLINK("http://x","y")'],
    [ID0, 'author', '+1'],
    [ID0, 'place', '-5'],
    [ID0, 'section', '@SUM(A1)'],
    [ID1, 'title', "'quoted"],
    [ID1, 'published', '2019-01-20'],
    [ASTRAL, 'published', '2018-07-05T21:31:45'],
  ];
  for (const [id, field, value] of values) await corpus.setMetadata(id, field, value, 'Lan');
  await corpus.annotateQuote(ID1, 'Thành ủy', 1, 'Organisation', '=1+1', 'Lan');
});

describe('xlsx export', () => {
  it('types its cells: text stays text whatever it begins with, dates are dates, counts numbers', async () => {
    const out = await exportTo('xlsx');
    const read = pandas(READ_XLSX, path.join(out, 'reports.xlsx')) as {
      sheets: Record<string, Sheet>;
      formulas: string[];
      textFormats: string[];
      dateFormats: string[];
    };
    expect(Object.keys(read.sheets)).toEqual(['reports', 'annotations']);
    const { reports, annotations } = read.sheets as { reports: Sheet; annotations: Sheet };
    expect(reports.columns).toEqual([...REPORT_COLUMNS]);
    expect(annotations.columns).toEqual([...ANNOTATION_COLUMNS]);
    const row = (id: string) => {
      const cells = reports.rows.find((r) => r[0]![1] === id)!;
      return Object.fromEntries(REPORT_COLUMNS.map((column, i) => [column, cells[i]]));
    };
    expect(row(ID0)).toMatchObject({
      id: ['text', ID0],
      title: ['text', '=2*3'],
      source: ['text', '=HYPERLINK("http://x","y")'],
      author: ['text', '+1'],
      place: ['text', '-5'],
      section: ['text', '@SUM(A1)'],
      published: ['date', '2018-07-05T21:31:00'],
      viewCount: ['number', 156],
      annotations: ['number', 6],
      changes: ['number', 3],
    });
    expect(row(ID1)).toMatchObject({
      title: ['text', "'quoted"],
      published: ['date', '2019-01-20T00:00:00'],
    });
    expect(row(ASTRAL).published).toEqual(['date', '2018-07-05T21:31:45']);
    expect(read.formulas).toEqual([]);
    expect(read.textFormats).toEqual(['@']);
    expect(read.dateFormats).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', 'yyyy-mm-dd hh:mm:ss']);
    const note = annotations.rows.find((r) => r[6]![1] === '=1+1')!;
    expect(note.map(([kind]) => kind)).toEqual(['text', 'text', 'number', 'number', 'text', 'text', 'text']);
  });

  it('holds what the csv export holds, cell for cell, and every span is its text sliced by code points', async () => {
    const xlsx = await exportTo('xlsx');
    const csv = await exportTo('csv', { rawCells: true });
    const texts = path.join(tempDir('folio-texts-'), 'texts.json');
    writeFileSync(
      texts,
      JSON.stringify(Object.fromEntries(corpus.ids().map((id) => [id, corpus.report(id).text]))),
    );
    const read = pandas(
      `${LOAD_XLSX}
texts = json.load(open(sys.argv[3], encoding='utf-8'))
csv = {name: pd.read_csv(f'{sys.argv[2]}/{name}.csv', dtype=str, keep_default_na=False, encoding='utf-8-sig')
       for name in ('reports', 'annotations')}
differ = [(name, i, column, typed(v), csv[name][column][i]) for name, f in sheets.items()
          for column in f.columns for i, v in enumerate(f[column])
          if not isinstance(v, datetime.datetime) and str(v) != csv[name][column][i]]
notes = sheets['annotations']
bad = [list(r) for r in notes.itertuples(index=False) if texts[r.report_id][r.start:r.end] != r.text]
print(json.dumps({'differ': differ, 'bad': bad, 'spans': len(notes)}))`,
      path.join(xlsx, 'reports.xlsx'),
      csv,
      texts,
    ) as { differ: unknown[]; bad: unknown[]; spans: number };
    expect(read.differ).toEqual([]);
    expect(read.bad).toEqual([]);
    expect(read.spans).toBe(12);
  });

  it('gives the same bytes for the same export: every part stamped with the export time', async () => {
    const first = readFileSync(path.join(await exportTo('xlsx'), 'reports.xlsx'));
    const second = readFileSync(path.join(await exportTo('xlsx', { rawCells: true }), 'reports.xlsx'));
    expect(second.equals(first)).toBe(true);
    const stamps = pandas(
      'import json, sys, zipfile; print(json.dumps(sorted({z.date_time for z in zipfile.ZipFile(sys.argv[1]).infolist()})))',
      path.join(await exportTo('xlsx'), 'reports.xlsx'),
    );
    // Zip times are local wall-clock times.
    const local = [
      NOW.getFullYear(),
      NOW.getMonth() + 1,
      NOW.getDate(),
      NOW.getHours(),
      NOW.getMinutes(),
      NOW.getSeconds(),
    ];
    expect(stamps).toEqual([local]);
  });

  it('refuses a value longer than a spreadsheet cell holds, naming it; nothing is left at the target', async () => {
    const long = await Corpus.open(copySampleCorpus());
    await long.setMetadata(ID1, 'title', 'x'.repeat(40_000), 'Lan');
    const out = path.join(tempDir('folio-xlsx-'), 'xlsx');
    await expect(
      exportReports(long, { selection: { kind: 'all' }, format: 'xlsx', out, now: NOW }),
    ).rejects.toThrow(
      `reports.xlsx: report "${ID1}", column "title" holds 40000 characters, more than the 32767 a spreadsheet cell can`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('says so when a value holds a control character no XLSX cell can carry', async () => {
    const bell = await Corpus.open(copySampleCorpus());
    await bell.setMetadata(ID1, 'author', 'Thanh\u0007Sang', 'Lan');
    const out = path.join(tempDir('folio-xlsx-'), 'xlsx');
    const summary = await exportReports(bell, { selection: { kind: 'all' }, format: 'xlsx', out, now: NOW });
    expect(summary.warnings).toEqual([
      `reports.xlsx: report "${ID1}", column "author": control characters an XLSX cell cannot hold were left out (a CR reads as LF); the csv export keeps them`,
    ]);
  });
});
