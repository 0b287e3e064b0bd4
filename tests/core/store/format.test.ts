import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus, FolioError } from '../../../src-main/core';
import { completeHunks } from '../../../src-main/core/store/migrate';
import { DEFAULT_LABELS, newReportState, type ReportState } from '../../../src-main/core/store/schema';
import {
  parseCorpusSettings,
  parseReportState,
  reportStateText,
  SidecarStore,
} from '../../../src-main/core/store/sidecars';
import { hunksOf } from '../../../src-main/core/text/correction';
import { buildCorpus, copySampleCorpus, tempDir } from '../../helpers/corpora';
import { annotationOf, corrected, sampleReport, stateOf } from './states';

// Sidecar format 2: one line per list item, lists sorted, written the same every time; format 1 read and
// migrated; a file git left conflict markers in named as such.

const ID = '000_6609e38cc437fad5';
const REPORT = sampleReport(ID);
const ANA_AT = '2026-01-01T10:00:00.000Z';
const BAO_AT = '2026-02-01T10:00:00.000Z';

/** A state with a little of everything, on the real report. */
function fullState(): ReportState {
  let state = stateOf(REPORT);
  state.status = 'done';
  state.statusBy = { editor: 'bảo', at: BAO_AT };
  state.tags = ['tin tỉnh', 'Cần Thơ', 'kiểm tra'];
  state.metadata = {
    title: { value: 'Thành ủy Cần Thơ tổng kết', editor: 'ana', at: ANA_AT },
    author: { value: 'Ngọc Anh', editor: 'bảo', at: BAO_AT },
    references: { value: ['22-NQ/TW', '36-CT/TW'], editor: 'ana', at: ANA_AT },
  };
  state.annotations = [
    annotationOf(REPORT.text, 'Trần Quốc Trung', 'c2', { label: 'Person' }),
    annotationOf(REPORT.text, 'Thành ủy Cần Thơ', 'a1', {
      label: 'Organisation',
      note: 'chú thích "có ngoặc"',
    }),
  ];
  const fixed = REPORT.text.replace('Bí Thư Thành ủy', 'Bí thư Thành ủy').replace('21:31 - 05/07/2018\n', '');
  state = corrected(state, REPORT, fixed, 'ana', ANA_AT);
  state.conflicts = [
    {
      id: 'ff00',
      kind: 'field',
      field: 'author',
      base: null,
      ours: 'Ngọc Anh',
      theirs: 'Thanh Sang',
      source: 'merge',
    },
    {
      id: '0a11',
      kind: 'text',
      line: 3,
      base: ['a'],
      ours: ['b'],
      theirs: ['c'],
      source: 'original-changed',
    },
  ];
  return state;
}

describe('sidecar format 2', () => {
  it('reads back what it wrote, and writes it the same bytes again', async () => {
    const dir = copySampleCorpus();
    const store = new SidecarStore(dir);
    const state = fullState();
    const written = await store.writeState(state, null);
    const file = store.statePath(ID);
    const bytes = readFileSync(file, 'utf8');
    const read = await store.readState(ID, () => stateOf(REPORT));
    expect(read.state).toEqual(written.state);
    expect(read.revision).toBe(written.revision);
    expect(reportStateText(read.state)).toBe(bytes);
    expect(written.state.schema).toBe(2);
    // Everything given is kept, in its canonical order.
    expect(written.state.tags).toEqual(['Cần Thơ', 'kiểm tra', 'tin tỉnh']);
    expect(written.state.annotations.map((a) => a.id)).toEqual(['a1', 'c2']);
    expect(written.state.conflicts.map((c) => c.id)).toEqual(['0a11', 'ff00']);
    expect(Object.keys(written.state.metadata)).toEqual(['author', 'references', 'title']);
  });

  it('puts every tag, annotation, metadata field, corrected line, hunk and conflict on a line of its own', () => {
    const state = fullState();
    const text = reportStateText(state);
    const lines = text.split('\n');
    expect(text.endsWith('}\n')).toBe(true);
    expect(lines.slice(0, 6)).toEqual([
      '{',
      '  "schema": 2,',
      `  "id": "${ID}",`,
      `  "original": ${JSON.stringify({ file: REPORT.file, sha256: REPORT.sha256, size: REPORT.size })},`,
      '  "status": "done",',
      `  "statusBy": {"editor":"bảo","at":"${BAO_AT}"},`,
    ]);
    expect(lines.slice(6, 11)).toEqual([
      '  "tags": [',
      '    "Cần Thơ",',
      '    "kiểm tra",',
      '    "tin tỉnh"',
      '  ],',
    ]);
    const written = parseReportState(text, 'r.json');
    for (const annotation of written.annotations) {
      expect(lines).toContain(`    ${JSON.stringify(annotation)}${annotation.id === 'c2' ? '' : ','}`);
    }
    expect(lines).toContain(`    "author": ${JSON.stringify(state.metadata.author)},`);
    expect(lines).toContain(`    "title": ${JSON.stringify(state.metadata.title)}`);
    const hunks = state.correction!.hunks!;
    expect(hunks).toHaveLength(2);
    expect(lines).toContain(`      ${JSON.stringify(hunks[0])},`);
    expect(lines).toContain(`      ${JSON.stringify(hunks[1])}`);
    for (const line of state.correction!.lines) expect(text).toContain(`\n      ${JSON.stringify(line)}`);
    expect(lines).toContain(`    ${JSON.stringify(written.conflicts[0])},`);
    // Keys come in the schema's order, the correction's too.
    expect(lines.filter((line) => /^ {2}"/.test(line)).map((line) => /"(\w+)"/.exec(line)![1])).toEqual([
      'schema',
      'id',
      'original',
      'status',
      'statusBy',
      'tags',
      'metadata',
      'annotations',
      'correction',
      'conflicts',
    ]);
    expect(
      lines.filter((line) => /^ {4}"(base|lines|hunks)"/.test(line)).map((line) => line.trim().slice(0, 7)),
    ).toEqual(['"base":', '"lines"', '"hunks"']);
  });

  it('writes an empty list as [] and no correction as null', () => {
    const text = reportStateText(stateOf(REPORT));
    expect(text).toBe(
      [
        '{',
        '  "schema": 2,',
        `  "id": "${ID}",`,
        `  "original": ${JSON.stringify({ file: REPORT.file, sha256: REPORT.sha256, size: REPORT.size })},`,
        '  "status": "new",',
        '  "statusBy": null,',
        '  "tags": [],',
        '  "metadata": {},',
        '  "annotations": [],',
        '  "correction": null,',
        '  "conflicts": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps the store’s guard: a file changed since it was read is not overwritten', async () => {
    const dir = copySampleCorpus();
    const store = new SidecarStore(dir);
    const first = await store.writeState(fullState(), null);
    await store.writeState({ ...first.state, tags: ['khác'] }, first.revision);
    await expect(store.writeState(first.state, first.revision)).rejects.toMatchObject({
      code: 'changed-on-disk',
    });
  });

  it('refuses hunks that do not fit the corrected lines, naming where', async () => {
    const state = fullState();
    const broken = JSON.parse(reportStateText(state)) as ReportState;
    broken.correction!.hunks![1]!.line += 1;
    expect(() => parseReportState(JSON.stringify(broken), '/c/.folio/reports/r.json')).toThrow(
      /^\/c\/\.folio\/reports\/r\.json: invalid at correction\.hunks\.1: hunk at line \d+ does not match the corrected text/,
    );
  });

  it('stays away from a file of a newer format', () => {
    const newer = { ...JSON.parse(reportStateText(fullState())), schema: 3 };
    expect(() => parseReportState(JSON.stringify(newer), 'r.json')).toThrow(
      'r.json: written by a newer Folio (schema 3, this one reads 2); left untouched',
    );
  });
});

/** The sample report's sidecar as Folio wrote it in format 1 (pretty JSON, one shared editor and time). */
function formatOneSidecar(correctedText: string): object {
  return {
    schema: 1,
    id: ID,
    original: { file: REPORT.file, sha256: REPORT.sha256, size: REPORT.size },
    status: 'in-progress',
    tags: ['Cần Thơ'],
    metadata: { author: { value: 'Ngọc Anh', editor: 'ana', at: ANA_AT } },
    annotations: [
      {
        id: 'a1',
        start: 0,
        end: 16,
        label: 'Organisation',
        note: '',
        quote: 'Thành uỷ Cần Thơ',
        orphaned: false,
        author: 'ana',
        created: ANA_AT,
        modified: ANA_AT,
      },
    ],
    correction: { lines: correctedText.split('\n'), baseSha256: REPORT.sha256, editor: 'ana', at: ANA_AT },
  };
}

describe('format 1', () => {
  const fixed = REPORT.text.replace('Bí Thư Thành ủy', 'Bí thư Thành ủy');

  it('is read as format 2: annotations without context or revision, no status provenance, hunks unknown', async () => {
    const dir = copySampleCorpus();
    const store = new SidecarStore(dir);
    mkdirSync(path.dirname(store.statePath(ID)), { recursive: true });
    writeFileSync(store.statePath(ID), `${JSON.stringify(formatOneSidecar(fixed), null, 2)}\n`);
    const { state } = await store.readState(ID, () => stateOf(REPORT));
    expect(state).toMatchObject({
      schema: 2,
      status: 'in-progress',
      statusBy: null,
      tags: ['Cần Thơ'],
      conflicts: [],
    });
    expect(state.annotations[0]).toMatchObject({ id: 'a1', prefix: '', suffix: '', revision: null });
    expect(state.correction).toEqual({
      base: REPORT.sha256,
      lines: fixed.split('\n'),
      hunks: null,
      madeBy: { editor: 'ana', at: ANA_AT },
    });
  });

  it('gets its hunks, with its editor and time, once its original is known, and is then written as format 2', async () => {
    const dir = copySampleCorpus();
    const store = new SidecarStore(dir);
    mkdirSync(path.dirname(store.statePath(ID)), { recursive: true });
    writeFileSync(store.statePath(ID), JSON.stringify(formatOneSidecar(fixed), null, 2));
    const loaded = await store.readState(ID, () => stateOf(REPORT));
    const state = structuredClone(loaded.state);
    expect(completeHunks(state, REPORT.text, 'another original')).toBe(false);
    expect(completeHunks(state, REPORT.text, REPORT.sha256)).toBe(true);
    expect(state.correction).toEqual({
      base: REPORT.sha256,
      lines: fixed.split('\n'),
      hunks: hunksOf(REPORT.text, fixed, [], { editor: 'ana', at: ANA_AT }),
    });
    expect(state.correction!.hunks).toHaveLength(1);
    expect(completeHunks(state, REPORT.text, REPORT.sha256)).toBe(false);
    await store.writeState(state, loaded.revision);
    const onDisk = JSON.parse(readFileSync(store.statePath(ID), 'utf8'));
    expect(onDisk.schema).toBe(2);
    expect(onDisk.correction.hunks).toEqual([
      {
        line: 7,
        was: [expect.stringContaining('Bí Thư')],
        now: [expect.stringContaining('Bí thư')],
        editor: 'ana',
        at: ANA_AT,
      },
    ]);
  });

  it('in a corpus is written as format 2 at its next edit, its hunks made by its own editor', async () => {
    const dir = copySampleCorpus();
    const file = new SidecarStore(dir).statePath(ID);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(formatOneSidecar(fixed), null, 2));
    const corpus = await Corpus.open(dir);
    expect(corpus.report(ID).text).toBe(fixed);
    await corpus.setTags([ID], { add: ['kiểm tra'] });
    const onDisk = parseReportState(readFileSync(file, 'utf8'), file);
    expect(onDisk.schema).toBe(2);
    expect(onDisk.tags).toEqual(['Cần Thơ', 'kiểm tra']);
    expect(onDisk.correction).toEqual({
      base: REPORT.sha256,
      lines: fixed.split('\n'),
      hunks: hunksOf(REPORT.text, fixed, [], { editor: 'ana', at: ANA_AT }),
    });
  });

  it('without hunks is still written readably when they cannot be known', () => {
    const state = parseReportState(JSON.stringify(formatOneSidecar(fixed)), 'r.json');
    const text = reportStateText(state);
    expect(text).toContain(
      '    "hunks": null,\n    "madeBy": {"editor":"ana","at":"2026-01-01T10:00:00.000Z"}\n',
    );
    expect(parseReportState(text, 'r.json')).toEqual(state);
  });

  it('of corpus.json keeps its labels and collections in order, sorts the tag vocabulary and outlets', async () => {
    const dir = buildCorpus({ 'r.txt': 'Một bài.' });
    const file = path.join(dir, '.folio', 'corpus.json');
    mkdirSync(path.dirname(file), { recursive: true });
    const labels = [...DEFAULT_LABELS].reverse();
    writeFileSync(
      file,
      JSON.stringify({
        schema: 1,
        labels,
        tags: ['xã', 'Cần Thơ', 'ấp'],
        collections: [
          { kind: 'manual', name: 'Đọc sau', ids: ['r'] },
          { kind: 'search', name: 'Cần Thơ', query: 'cần thơ', filters: {} },
        ],
        outlets: [
          { name: 'Báo Tây Ninh', domains: ['baotayninh.vn'] },
          { name: 'Báo Cần Thơ', domains: ['baocantho.com.vn'] },
        ],
      }),
    );
    const store = new SidecarStore(dir);
    const settings = await store.transactSettings((current) => current);
    const text = readFileSync(file, 'utf8');
    expect(settings.schema).toBe(2);
    expect(parseCorpusSettings(text, file)).toEqual(settings);
    const lines = text.split('\n');
    expect(lines[1]).toBe('  "schema": 2,');
    expect(
      lines
        .filter((line) => line.startsWith('    {"name":'))
        .map((line) => JSON.parse(line.replace(/,$/, '')).name),
    ).toEqual([...labels.map((l) => l.name), 'Báo Cần Thơ', 'Báo Tây Ninh']);
    expect(
      lines
        .filter((line) => line.startsWith('    {"kind":'))
        .map((line) => JSON.parse(line.replace(/,$/, '')).name),
    ).toEqual(['Đọc sau', 'Cần Thơ']);
    expect(settings.tags).toEqual(['ấp', 'Cần Thơ', 'xã']);
    expect(text).toContain('  "tags": [\n    "ấp",\n    "Cần Thơ",\n    "xã"\n  ],');
    expect(text).not.toContain('"conflicts"');
  });
});

/** `text` as git leaves a file both branches changed in the same lines. */
function withConflictMarkers(ours: string, theirs: string, common: string): string {
  return `${common}<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> editor-b\n}\n`;
}

describe('a file git left with conflict markers', () => {
  const common = reportStateText(fullState()).split('  "tags": [')[0]!;
  const marked = withConflictMarkers('  "tags": ["a"],\n', '  "tags": ["b"],\n', common);

  it('is a merge conflict naming the file and the command that resolves it, not a damaged file', async () => {
    const dir = copySampleCorpus();
    const store = new SidecarStore(dir);
    const file = store.statePath(ID);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, marked);
    const error = await store.readState(ID, () => stateOf(REPORT)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect(error).toMatchObject({
      code: 'merge-conflict',
      path: file,
      message: `${file}: has unresolved git conflict markers (merged without Folio's merge driver); run "folio resolve ${dir}"`,
    });
  });

  it('in corpus.json is a merge conflict too', async () => {
    const dir = buildCorpus({ 'r.txt': 'Một bài.' });
    const file = path.join(dir, '.folio', 'corpus.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      withConflictMarkers('  "tags": ["a"],\n', '  "tags": ["b"],\n', '{\n  "schema": 2,\n  "labels": [],\n'),
    );
    await expect(new SidecarStore(dir).readSettings()).rejects.toMatchObject({
      code: 'merge-conflict',
      path: file,
    });
  });

  it('with only some of the markers left (a half-done hand resolution) is still one', () => {
    const half = marked.replace(/^>{7} .*\n/m, '');
    expect(() => parseReportState(half, 'x/.folio/reports/r.json')).toThrow(
      /has unresolved git conflict markers.*folio resolve x"/,
    );
    // A marker-like text inside a value is not a marker: values never start a line.
    const state = fullState();
    state.tags = ['<<<<<<< HEAD', '======='];
    expect(parseReportState(reportStateText(state), 'r.json').tags).toEqual(['<<<<<<< HEAD', '=======']);
  });

  it('with a hashed name is still found among the sidecars, so it can be listed and resolved', async () => {
    const dir = tempDir();
    const store = new SidecarStore(dir);
    const id = `reports/${'bài rất dài '.repeat(30)}`;
    const file = store.statePath(id);
    expect(path.basename(file)).toMatch(/~[0-9a-f]{16}\.json$/);
    const state = { ...newReportState(id, { file: `${id}.txt`, sha256: 'x', size: 1 }), tags: ['a'] };
    const text = reportStateText(state);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      withConflictMarkers('  "tags": ["a"],\n', '  "tags": ["b"],\n', text.split('  "tags"')[0]!),
    );
    expect(await store.listStateIds()).toEqual([id]);
  });
});
