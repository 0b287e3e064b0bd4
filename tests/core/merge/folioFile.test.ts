import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../../src-main/core';
import { folioFileKind, mergeFolioFiles, resolveConflictMarkers } from '../../../src-main/core/merge';
import { sha256 } from '../../../src-main/core/store/hash';
import { parseReportState } from '../../../src-main/core/store/sidecars';
import { SAMPLE_CORPUS, SAMPLE_IDS } from '../../helpers/corpora';

const ID = SAMPLE_IDS[0]!;
const FILE = `${ID}.txt`;
const BYTES = readFileSync(path.join(SAMPLE_CORPUS, FILE));
const ORIGINAL = decodeReport(BYTES, FILE).text;
const SHA = sha256(BYTES);
const original = { file: FILE, sha256: SHA, size: BYTES.length };

/** A sidecar as Folio 1 wrote it: pretty-printed JSON, the correction with one editor and time. */
function formatOne(fields: { tags?: string[]; corrected?: string; editor?: string }): string {
  const state = {
    schema: 1,
    id: ID,
    original,
    status: 'new',
    tags: fields.tags ?? [],
    metadata: {},
    annotations: [],
    correction: fields.corrected
      ? {
          lines: fields.corrected.split('\n'),
          baseSha256: SHA,
          editor: fields.editor,
          at: '2024-05-01T10:00:00.000Z',
        }
      : null,
  };
  return `${JSON.stringify(state, null, 2)}\n`;
}

const fixBiThu = (text: string) => text.replace(/thư\sThành ủy\sphát/u, 'Bí thư Thành ủy phát');
const dropCounter = (text: string) => text.replace(/\n\n156$/u, '');

describe('mergeFolioFiles', () => {
  it('tells a sidecar from corpus.json by its content, and neither from other JSON', () => {
    expect(folioFileKind(formatOne({}))).toBe('report');
    expect(folioFileKind('{"schema": 2, "labels": [], "tags": [], "collections": []}')).toBe('settings');
    expect(folioFileKind('{"name": "folio"}')).toBeNull();
    expect(folioFileKind('<<<<<<< ours')).toBeNull();
  });

  it('merges format-1 corrections of different paragraphs with the original the corpus holds', () => {
    const base = formatOne({ tags: ['Cần Thơ'] });
    const ours = formatOne({ tags: ['Cần Thơ'], corrected: fixBiThu(ORIGINAL), editor: 'ana' });
    const theirs = formatOne({ tags: ['Cần Thơ'], corrected: dropCounter(ORIGINAL), editor: 'bao' });
    const asked: string[] = [];
    const merged = mergeFolioFiles(base, ours, theirs, 'r.json', {
      originalText: (wanted) => {
        asked.push(wanted.file);
        return wanted.sha256 === SHA ? ORIGINAL : null;
      },
    });
    expect(asked).toContain(FILE);
    expect(merged).toMatchObject({ kind: 'report', conflicts: 0 });
    const state = parseReportState(merged.text, 'r.json');
    expect(state.schema).toBe(2);
    expect(state.correction!.lines.join('\n')).toBe(dropCounter(fixBiThu(ORIGINAL)));
    expect(state.correction!.hunks!.map((h) => h.editor)).toEqual(['ana', 'bao']);
  });

  it('without the original, keeps ours and records the whole text as a conflict rather than guess', () => {
    const merged = mergeFolioFiles(
      formatOne({}),
      formatOne({ corrected: fixBiThu(ORIGINAL), editor: 'ana' }),
      formatOne({ corrected: dropCounter(ORIGINAL), editor: 'bao' }),
      'r.json',
    );
    const state = parseReportState(merged.text, 'r.json');
    expect(state.correction!.lines.join('\n')).toBe(fixBiThu(ORIGINAL));
    expect(state.conflicts).toMatchObject([{ kind: 'text', line: 0, source: 'merge' }]);
  });

  it('resolves a base with conflict markers first (the virtual base of a criss-cross merge)', () => {
    const conflicted = formatOne({ tags: ['kiểm tra'] }).replace(
      '"tags": [\n    "kiểm tra"\n  ]',
      '"tags": [\n<<<<<<< one\n    "kiểm tra"\n=======\n    "tin tỉnh"\n>>>>>>> two\n  ]',
    );
    const merged = mergeFolioFiles(
      conflicted,
      formatOne({ tags: ['kiểm tra', 'tin tỉnh', 'mới'] }),
      formatOne({ tags: ['kiểm tra'] }),
      'r.json',
    );
    // The base held both tags, so theirs removed "tin tỉnh".
    expect(parseReportState(merged.text, 'r.json').tags).toEqual(['kiểm tra', 'mới']);
    expect(resolveConflictMarkers(conflicted, 'r.json').text).toContain('"kiểm tra",\n    "tin tỉnh"\n');
  });

  it('refuses files that are not Folio files of one kind, naming the file and the side', () => {
    const settings = '{"schema": 2, "labels": [], "tags": [], "collections": []}';
    expect(() => mergeFolioFiles(null, formatOne({}), settings, 'x.json')).toThrow(
      'x.json: ours is a report sidecar, theirs is not',
    );
    expect(() => mergeFolioFiles(null, 'plain text', formatOne({}), 'x.json')).toThrow(
      'x.json: ours is not a Folio sidecar or corpus.json',
    );
    expect(() =>
      mergeFolioFiles(null, formatOne({}), '{"schema": 2, "id": "a", "original": 3}', 'x.json'),
    ).toThrow(/x\.json: invalid at original/);
  });
});
