import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusSettings, ReportState } from '../../../src-main/core/store/schema';
import { DEFAULT_LABELS } from '../../../src-main/core/store/schema';
import {
  corpusSettingsText,
  parseCorpusSettings,
  parseReportState,
  reportStateText,
} from '../../../src-main/core/store/sidecars';
import { rebuildBase } from '../../../src-main/core/text/correction';
import { tempDir } from '../../helpers/corpora';
import { annotationOf, corrected, stateOf, type ReportOnDisk } from './states';

// What git's own line merge (no Folio merge driver) makes of format 2: one line per list item lets two
// editors' additions meet no shared line when they land apart in the sorted list; additions side by side,
// or both after the last item (whose line gains a comma on both sides), still conflict. Real git, real report.

const SHARED = path.resolve(import.meta.dirname, '../../../../shared');
const REPORT: ReportOnDisk = (() => {
  const file = 'real-corpus/018_dantri-nganh-tu-phap.txt';
  const bytes = readFileSync(path.join(SHARED, file));
  return {
    id: file.slice(0, -4),
    file,
    text: bytes.toString('utf8'),
    sha256: 'sha-of-018',
    size: bytes.length,
  };
})();

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Folio test',
  GIT_AUTHOR_EMAIL: 'test@folio.invalid',
  GIT_COMMITTER_NAME: 'Folio test',
  GIT_COMMITTER_EMAIL: 'test@folio.invalid',
  GIT_MERGE_AUTOEDIT: 'no',
};

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, env: GIT_ENV, stdio: 'pipe' });
}

/**
 * Commits `base`, then `ours` on one branch and `theirs` on another from it, and merges them with
 * `git merge`: whether it merged without conflict, and the file as the merge left it.
 */
function gitMerge(base: string, ours: string, theirs: string): { clean: boolean; text: string } {
  const dir = tempDir('folio-git-');
  const file = path.join(dir, 'r.json');
  const commit = (text: string, message: string) => {
    writeFileSync(file, text);
    git(dir, 'add', 'r.json');
    git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  };
  git(dir, 'init', '-q', '-b', 'main');
  commit(base, 'base');
  git(dir, 'checkout', '-q', '-b', 'theirs');
  commit(theirs, 'theirs');
  git(dir, 'checkout', '-q', 'main');
  commit(ours, 'ours');
  const merge = spawnSync('git', ['merge', '--no-edit', 'theirs'], { cwd: dir, env: GIT_ENV });
  return { clean: merge.status === 0, text: readFileSync(file, 'utf8') };
}

/** Merges three report states written as format 2. */
function mergeStates(base: ReportState, ours: ReportState, theirs: ReportState) {
  return gitMerge(reportStateText(base), reportStateText(ours), reportStateText(theirs));
}

const ANA = { editor: 'ana', at: '2026-01-01T10:00:00.000Z' };
const BAO = { editor: 'bảo', at: '2026-02-01T10:00:00.000Z' };
const LINES = REPORT.text.split('\n');

/** `state` with these tags added. */
const tagged = (state: ReportState, ...tags: string[]) => ({ ...state, tags: [...state.tags, ...tags] });

/** `state` with an annotation of `quote` under `id` added. */
const annotated = (state: ReportState, id: string, quote: string, by = ANA) => ({
  ...state,
  annotations: [...state.annotations, annotationOf(textOf(state), quote, id, { author: by.editor })],
});

const textOf = (state: ReportState) => state.correction?.lines.join('\n') ?? REPORT.text;

/** `state` with paragraph `index` (a line of the text it shows) changed by `change`. */
function correctedLine(state: ReportState, index: number, change: (line: string) => string, by: typeof ANA) {
  const lines = textOf(state).split('\n');
  lines[index] = change(lines[index]!);
  return corrected(state, REPORT, lines.join('\n'), by.editor, by.at);
}

/** Corrections of paragraphs 5 and 17 of the original. */
const fifth = (line: string) => line.replace('ngành tư pháp', 'ngành Tư pháp');
const seventeenth = (line: string) => line.replace('hiệu lực, hiệu quả', 'hiệu lực và hiệu quả');

/** The earlier correction both editors start from: the scraper's header gone, paragraphs 12 and 22 fixed. */
function earlierCorrection(state: ReportState): ReportState {
  const lines = LINES.slice();
  lines[12] = lines[12]!.replace('sử đồng tình', 'sự đồng tình');
  lines[22] = lines[22]!.replace('đóng góp thiết thực', 'đóng góp rất thiết thực');
  return corrected(state, REPORT, lines.slice(3).join('\n'), ANA.editor, ANA.at);
}

describe('format 2 under git’s own line merge', () => {
  const fresh = stateOf(REPORT);

  it('merges tags added apart in the sorted list; both after the last, or both into an empty list, conflict', () => {
    const base = tagged(fresh, 'Cần Thơ', 'kiểm tra', 'tin tỉnh');
    const apart = mergeStates(base, tagged(base, 'an ninh'), tagged(base, 'xây dựng'));
    expect(apart.clean).toBe(true);
    expect(parseReportState(apart.text, 'r.json').tags).toEqual([
      'an ninh',
      'Cần Thơ',
      'kiểm tra',
      'tin tỉnh',
      'xây dựng',
    ]);
    const last = tagged(fresh, 'Cần Thơ');
    expect(mergeStates(last, tagged(last, 'kiểm tra'), tagged(last, 'tin tỉnh')).clean).toBe(false);
    expect(mergeStates(fresh, tagged(fresh, 'kiểm tra'), tagged(fresh, 'tin tỉnh')).clean).toBe(false);
  });

  it('merges annotations whose ids sort apart; ids side by side, or both after the last, conflict', () => {
    const base = annotated(annotated(fresh, '5d0c', 'Nguyễn Thị Kim Ngân'), 'a7e1', 'Bộ Tư pháp');
    const apart = mergeStates(
      base,
      annotated(base, '0b9f', 'Huân chương Lao động hạng Nhất'),
      annotated(base, 'f31c', 'Lê Thành Long', BAO),
    );
    expect(apart.clean).toBe(true);
    const merged = parseReportState(apart.text, 'r.json');
    expect(merged.annotations.map((a) => a.id)).toEqual(['0b9f', '5d0c', 'a7e1', 'f31c']);
    for (const a of merged.annotations) expect([...REPORT.text].slice(a.start, a.end).join('')).toBe(a.quote);
    const sideBySide = mergeStates(
      base,
      annotated(base, '7000', 'Huân chương Lao động hạng Nhất'),
      annotated(base, '8000', 'Lê Thành Long', BAO),
    );
    expect(sideBySide.clean).toBe(false);
    const atTheEnd = mergeStates(
      base,
      annotated(base, 'e000', 'Huân chương Lao động hạng Nhất'),
      annotated(base, 'f000', 'Lê Thành Long', BAO),
    );
    expect(atTheEnd.clean).toBe(false);
  });

  it('merges corrections of different paragraphs whose hunks land apart, with each hunk’s own provenance', () => {
    const base = earlierCorrection(fresh);
    // Paragraphs 5 and 17 of the original (2 and 14 of the corrected text) fall either side of the hunk at 12.
    const ours = correctedLine(base, 2, fifth, ANA);
    const theirs = correctedLine(base, 14, seventeenth, BAO);
    const merge = mergeStates(base, ours, theirs);
    expect(merge.clean).toBe(true);
    const merged = parseReportState(merge.text, 'r.json');
    expect(merged.correction!.hunks!.map((h) => [h.line, h.editor])).toEqual([
      [0, 'ana'],
      [5, 'ana'],
      [12, 'ana'],
      [17, 'bảo'],
      [22, 'ana'],
    ]);
    expect(rebuildBase(merged.correction!.lines, merged.correction!.hunks!)).toBe(REPORT.text);
    expect(merged.correction!.lines[2]).toBe(ours.correction!.lines[2]);
    expect(merged.correction!.lines[14]).toBe(theirs.correction!.lines[14]);
  });

  it('still conflicts on corrections whose hunks land side by side, and on the first correction on both sides', () => {
    const base = earlierCorrection(fresh);
    // Paragraphs 15 and 18: both new hunks go between the hunks at 12 and 22.
    const ours = correctedLine(base, 12, (line) => line.replace('Từng cơ quan', 'Mỗi cơ quan'), ANA);
    const theirs = correctedLine(base, 15, (line) => line.replace('nhạy bén', 'nhanh nhạy'), BAO);
    expect(mergeStates(base, ours, theirs).clean).toBe(false);
    const first = mergeStates(
      fresh,
      correctedLine(fresh, 5, fifth, ANA),
      correctedLine(fresh, 17, seventeenth, BAO),
    );
    expect(first.clean).toBe(false);
  });

  it('conflicts when one editor corrects the text and the other annotates: the correction re-stamps every annotation', () => {
    const base = annotated(earlierCorrection(fresh), '5d0c', 'Nguyễn Thị Kim Ngân');
    const ours = correctedLine(base, 14, seventeenth, ANA);
    expect(ours.annotations[0]!.revision).not.toBe(base.annotations[0]!.revision);
    const theirs = annotated(base, 'f31c', 'Lê Thành Long', BAO);
    expect(mergeStates(base, ours, theirs).clean).toBe(false);
  });

  it('merges a status set on one side with a tag or a metadata field set on the other', () => {
    const base = {
      ...tagged(fresh, 'Cần Thơ', 'kiểm tra'),
      metadata: { place: { value: 'Hà Nội', ...ANA }, section: { value: 'Xã hội', ...ANA } },
    };
    const status: ReportState = { ...base, status: 'done', statusBy: BAO };
    expect(mergeStates(base, status, tagged(base, 'bộ tư pháp')).clean).toBe(true);
    const author = { ...base, metadata: { ...base.metadata, author: { value: 'Thanh Hồng', ...ANA } } };
    const merge = mergeStates(base, status, author);
    expect(merge.clean).toBe(true);
    expect(parseReportState(merge.text, 'r.json')).toMatchObject({
      status: 'done',
      metadata: { author: { value: 'Thanh Hồng' } },
    });
    // Two fields added either side of those there merge; two added after the last do not.
    const title = { ...base, metadata: { ...base.metadata, title: { value: 'Ngành tư pháp', ...BAO } } };
    expect(mergeStates(base, author, title).clean).toBe(true);
    const source = { ...base, metadata: { ...base.metadata, source: { value: 'Dân trí', ...BAO } } };
    expect(mergeStates(base, title, source).clean).toBe(false);
  });

  it('merges corpus.json collections and tags added apart; two collections appended conflict', () => {
    const settings = (change: Partial<CorpusSettings>): string =>
      corpusSettingsText({
        schema: 2,
        labels: DEFAULT_LABELS,
        tags: ['Cần Thơ', 'kiểm tra'],
        collections: [
          { kind: 'manual', name: 'Đọc sau', ids: [REPORT.id] },
          { kind: 'search', name: 'Nghị quyết', query: 'nghị quyết', filters: {} },
        ],
        ...change,
      });
    const base = settings({});
    const vocabulary = gitMerge(
      base,
      settings({ tags: ['an ninh', 'Cần Thơ', 'kiểm tra'] }),
      settings({ tags: ['Cần Thơ', 'kiểm tra', 'xây dựng'] }),
    );
    expect(vocabulary.clean).toBe(true);
    expect(parseCorpusSettings(vocabulary.text, 'corpus.json').tags).toEqual([
      'an ninh',
      'Cần Thơ',
      'kiểm tra',
      'xây dựng',
    ]);
    const collection = (name: string) => ({ kind: 'manual' as const, name, ids: [] });
    const existing = parseCorpusSettings(base, 'corpus.json').collections;
    expect(
      gitMerge(
        base,
        settings({ collections: [...existing, collection('Của Ana')] }),
        settings({ collections: [...existing, collection('Của Bảo')] }),
      ).clean,
    ).toBe(false);
  });
});
