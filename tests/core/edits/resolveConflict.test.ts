import { describe, expect, it } from 'vitest';
import {
  Corpus,
  correctText,
  FolioError,
  resolveConflict,
  setMetadata,
  type AppliedReportEdit,
  type ConflictTarget,
} from '../../../src-main/core';
import type { ConflictChoice } from '../../../src-main/contract/types';
import type { ReportState, StoredAnnotation } from '../../../src-main/core/store/schema';
import { rebuildBase } from '../../../src-main/core/text/correction';
import {
  annotationOn,
  AT,
  conflict,
  correctionOf,
  freshState,
  stateOnDisk,
  writeState,
} from '../../helpers/conflicts';
import { buildCorpus } from '../../helpers/corpora';
import { openService } from '../../helpers/service';

// A conflict a merge left in a report is resolved by the editor's choice, one undoable step each, and nothing
// else in the report moves: the other conflicts keep their lines, every annotation its words.

const ORIGINAL = [
  'Hội nghị sơ kết 5 năm thực hiện Nghị quyết 22-NQ/TW.',
  'Đồng chí Trần Quốc Trung, Bí thư Thành ủy, phát biểu.',
  'Doanh nghệp của thánh phố tăng nhanh.',
  'Các đại biểu thảo luận sôi nổi.',
  'Hội nghị bế mạc lúc 17 giờ.',
].join('\n');

/** Ana's correction: line 0 (no one else touched it), line 2 and line 4 (both conflict with Bảo's). */
const MINE = [
  'Hội nghị sơ kết 5 năm thực hiện Nghị quyết số 22-NQ/TW.',
  'Đồng chí Trần Quốc Trung, Bí thư Thành ủy, phát biểu.',
  'Doanh nghiệp của thành phố tăng nhanh.',
  'Các đại biểu thảo luận sôi nổi.',
  'Hội nghị bế mạc lúc 17 giờ 30.',
].join('\n');
const THEIRS_LINE_2 = ['Doanh nghiệp của thành phố', 'phát triển nhanh.'];
const THEIRS_LINE_4 = ['Hội nghị kết thúc lúc 17 giờ.'];

const LAN = 'Lan';

/** A corpus whose one report `r` has the state `build` makes from a fresh one; returns it opened. */
async function open(build: (state: ReportState) => void): Promise<{ corpus: Corpus; dir: string }> {
  const dir = buildCorpus({ 'r.txt': ORIGINAL });
  const state = freshState(dir, 'r');
  build(state);
  writeState(dir, state);
  return { corpus: await Corpus.open(dir), dir };
}

/** The two text conflicts of Ana's correction against Bảo's, and annotations before, inside and after them. */
function textConflicts(state: ReportState): void {
  state.correction = correctionOf(state, ORIGINAL, MINE, 'ana');
  state.annotations = [
    annotationOn(state, MINE, 'Trần Quốc Trung', { id: 'a1', label: 'Person' }),
    annotationOn(state, MINE, 'Các đại biểu', { id: 'a2', label: 'Person' }),
    annotationOn(state, MINE, 'bế mạc', { id: 'a3', label: 'Date' }),
  ];
  const base = ORIGINAL.split('\n');
  const mine = MINE.split('\n');
  state.conflicts = [
    conflict({
      kind: 'text',
      line: 2,
      base: [base[2]!],
      ours: [mine[2]!],
      theirs: THEIRS_LINE_2,
      source: 'merge',
    }),
    conflict({
      kind: 'text',
      line: 4,
      base: [base[4]!],
      ours: [mine[4]!],
      theirs: THEIRS_LINE_4,
      source: 'merge',
    }),
  ];
}

const textOf = (state: ReportState) => state.correction?.lines.join('\n') ?? ORIGINAL;

/** Every live annotation's slice of the text, by id: what its offsets point at. */
function slices(state: ReportState): Record<string, string> {
  const text = [...textOf(state)];
  return Object.fromEntries(
    state.annotations.map((a) => [a.id, a.orphaned ? '(orphaned)' : text.slice(a.start, a.end).join('')]),
  );
}

async function resolve(
  corpus: Corpus,
  entry: ConflictTarget,
  choice: ConflictChoice,
  expectedRevision?: string | null,
): Promise<AppliedReportEdit> {
  return corpus.edit('r', resolveConflict(entry, choice), { editor: LAN, expectedRevision });
}

const undo = (corpus: Corpus, applied: AppliedReportEdit) =>
  corpus.edit(applied.id, applied.edit.inverse(applied.before, applied.after), { editor: LAN });

const conflictsOf = (dir: string) => stateOnDisk(dir, 'r').conflicts;

describe('a conflict in the text', () => {
  it('takes their block, moves the next conflict by the lines it adds, and keeps every annotation on its words', async () => {
    const { corpus, dir } = await open(textConflicts);
    const [first, second] = conflictsOf(dir);
    await resolve(corpus, first!, 'theirs');
    const state = stateOnDisk(dir, 'r');
    expect(state.correction!.lines).toEqual([
      'Hội nghị sơ kết 5 năm thực hiện Nghị quyết số 22-NQ/TW.',
      'Đồng chí Trần Quốc Trung, Bí thư Thành ủy, phát biểu.',
      ...THEIRS_LINE_2,
      'Các đại biểu thảo luận sôi nổi.',
      'Hội nghị bế mạc lúc 17 giờ 30.',
    ]);
    expect(state.conflicts).toEqual([{ ...second, line: 5 }]);
    expect(slices(state)).toEqual({ a1: 'Trần Quốc Trung', a2: 'Các đại biểu', a3: 'bế mạc' });
    // The hunks still rebuild the original; Ana's untouched hunk keeps her name, the resolved block is Lan's.
    expect(rebuildBase(state.correction!.lines, state.correction!.hunks!)).toBe(ORIGINAL);
    expect(state.correction!.hunks!.map((h) => [h.line, h.editor])).toEqual([
      [0, 'ana'],
      [2, LAN],
      [4, 'ana'],
    ]);
  });

  it('keeps mine without touching the text, and then takes the text Lan typed for the other block', async () => {
    const { corpus, dir } = await open(textConflicts);
    const [first, second] = conflictsOf(dir);
    await resolve(corpus, first!, 'ours');
    expect(stateOnDisk(dir, 'r').correction!.lines.join('\n')).toBe(MINE);
    expect(conflictsOf(dir)).toEqual([second]);
    await resolve(corpus, second!, { text: 'Hội nghị kết thúc\r\nlúc 17 giờ 30.' });
    const state = stateOnDisk(dir, 'r');
    expect(state.correction!.lines.slice(4)).toEqual(['Hội nghị kết thúc', 'lúc 17 giờ 30.']);
    expect(state.conflicts).toEqual([]);
    // Its words were typed over: it follows them into the new spelling, its quote what it points at.
    expect(slices(state)).toMatchObject({ a1: 'Trần Quốc Trung', a2: 'Các đại biểu' });
    const typedOver = state.annotations.find((a) => a.id === 'a3')!;
    expect(typedOver.orphaned || slices(state).a3 === typedOver.quote).toBe(true);
    expect(slices(state).a3).not.toBe('bế mạc');
    expect(corpus.summary('r').problems.map((p) => p.code)).not.toContain('conflicts');
  });

  it('takes the block out for an empty text typed', async () => {
    const { corpus, dir } = await open(textConflicts);
    const [first] = conflictsOf(dir);
    await resolve(corpus, first!, { text: '' });
    const lines = stateOnDisk(dir, 'r').correction!.lines;
    expect(lines).toHaveLength(4);
    expect(lines).not.toContain(MINE.split('\n')[2]);
    expect(conflictsOf(dir)[0]).toMatchObject({ line: 3 });
  });

  it('is undone to the exact state before — lines, hunks, annotations, conflicts — and redone', async () => {
    const { corpus, dir } = await open(textConflicts);
    const before = stateOnDisk(dir, 'r');
    const applied = await resolve(corpus, before.conflicts[0]!, 'theirs');
    const resolved = stateOnDisk(dir, 'r');
    const undone = await undo(corpus, applied);
    expect(stateOnDisk(dir, 'r')).toEqual(before);
    await undo(corpus, undone);
    expect(stateOnDisk(dir, 'r')).toEqual(resolved);
  });

  it('is refused when the block is no longer what the conflict recorded', async () => {
    const { corpus, dir } = await open(textConflicts);
    const [first] = conflictsOf(dir);
    await corpus.edit('r', correctText(MINE.replace('tăng nhanh', 'tăng rất nhanh')), { editor: 'bao' });
    const refusal = await resolve(corpus, first!, 'theirs').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(FolioError);
    expect(refusal).toMatchObject({ code: 'changed-on-disk', params: { reason: 'conflict-stale' } });
    expect(stateOnDisk(dir, 'r').correction!.lines[2]).toBe('Doanh nghiệp của thành phố tăng rất nhanh.');
  });
});

/** Ana and Bảo each set the author and the status; the state holds Ana's. */
function fieldConflicts(state: ReportState): void {
  const ana = { value: 'Ngọc Anh', editor: 'ana', at: AT };
  const bao = { value: 'Thanh Sang', editor: 'bao', at: AT };
  state.metadata.author = ana;
  state.status = 'done';
  state.statusBy = { editor: 'ana', at: AT };
  state.conflicts = [
    conflict({ kind: 'field', field: 'author', base: null, ours: ana, theirs: bao, source: 'merge' }),
    conflict({
      kind: 'field',
      field: 'status',
      base: 'new',
      ours: 'done',
      theirs: 'needs-review',
      source: 'merge',
    }),
  ];
}

const fieldConflict = (dir: string, field: string) =>
  conflictsOf(dir).find((c) => c.kind === 'field' && c.field === field)!;

describe('a conflict in a field', () => {
  it('takes their value as the resolving editor’s, and is undone to mine with its own provenance', async () => {
    const { corpus, dir } = await open(fieldConflicts);
    const applied = await resolve(corpus, fieldConflict(dir, 'author'), 'theirs');
    expect(stateOnDisk(dir, 'r').metadata.author).toEqual({
      value: 'Thanh Sang',
      editor: LAN,
      at: expect.any(String),
    });
    expect(corpus.report('r').metadata.author.value).toBe('Thanh Sang');
    expect(conflictsOf(dir).map((c) => c.kind === 'field' && c.field)).toEqual(['status']);
    await undo(corpus, applied);
    expect(stateOnDisk(dir, 'r').metadata.author).toEqual({ value: 'Ngọc Anh', editor: 'ana', at: AT });
    expect(conflictsOf(dir)).toHaveLength(2);
  });

  it('sets the status chosen with who chose it, and undoes both', async () => {
    const { corpus, dir } = await open(fieldConflicts);
    const applied = await resolve(corpus, fieldConflict(dir, 'status'), 'theirs');
    const state = stateOnDisk(dir, 'r');
    expect([state.status, state.statusBy?.editor]).toEqual(['needs-review', LAN]);
    await undo(corpus, applied);
    const back = stateOnDisk(dir, 'r');
    expect([back.status, back.statusBy]).toEqual(['done', { editor: 'ana', at: AT }]);
  });

  it('leaves the field to the extractor when the chosen side never corrected it', async () => {
    const { corpus, dir } = await open((state) => {
      const bao = { value: 'Thanh Sang', editor: 'bao', at: AT };
      state.metadata.author = bao;
      state.conflicts = [
        conflict({
          kind: 'field',
          field: 'author',
          base: { ...bao, value: 'X' },
          ours: bao,
          theirs: null,
          source: 'merge',
        }),
      ];
    });
    await resolve(corpus, conflictsOf(dir)[0]!, 'theirs');
    expect(stateOnDisk(dir, 'r').metadata).toEqual({});
  });

  it('refuses typed text, a conflict resolved already, and a field someone changed since the editor saw it', async () => {
    const { corpus, dir } = await open(fieldConflicts);
    const author = fieldConflict(dir, 'author');
    expect(() => resolveConflict(author, { text: 'Thanh Sang' })).toThrow(/only a conflict in the text/);
    const seen = corpus.report('r').revision;
    await corpus.edit('r', setMetadata('title', 'Hội nghị sơ kết'), { editor: 'bao' });
    // Someone's change of another field meanwhile does not stand in the way.
    await resolve(corpus, fieldConflict(dir, 'status'), 'ours', seen);
    const later = corpus.report('r').revision;
    await corpus.edit('r', setMetadata('author', 'Minh Châu'), { editor: 'bao' });
    await expect(resolve(corpus, author, 'theirs', later)).rejects.toMatchObject({ code: 'changed-on-disk' });
    await expect(resolve(corpus, fieldConflict(dir, 'author'), 'ours')).resolves.toBeDefined();
    await expect(resolve(corpus, author, 'ours')).rejects.toMatchObject({
      code: 'changed-on-disk',
      params: { reason: 'conflict-resolved' },
    });
    expect(stateOnDisk(dir, 'r').metadata.author?.value).toBe('Ngọc Anh');
  });
});

/** Ana changed the note of the annotation on "Trần Quốc Trung", Bảo another note; Bảo deleted the one on "Thành ủy". */
function annotationConflicts(state: ReportState): void {
  const base = annotationOn(state, ORIGINAL, 'Trần Quốc Trung', { id: 'p', label: 'Person', note: 'Bí thư' });
  const mine: StoredAnnotation = { ...base, note: 'Bí thư Thành ủy Cần Thơ', modified: AT };
  const theirs: StoredAnnotation = { ...base, label: 'Organisation', note: 'nhầm nhãn', author: 'bao' };
  const place = annotationOn(state, ORIGINAL, 'Thành ủy', { id: 'q', label: 'Organisation' });
  const placeMine = { ...place, note: 'Cần Thơ' };
  state.annotations = [mine, placeMine];
  state.conflicts = [
    conflict({ kind: 'annotation', annotationId: 'p', base, ours: mine, theirs, source: 'merge' }),
    conflict({
      kind: 'annotation',
      annotationId: 'q',
      base: place,
      ours: placeMine,
      theirs: null,
      source: 'merge',
    }),
  ];
}

const annotationConflict = (dir: string, id: string) =>
  conflictsOf(dir).find((c) => c.kind === 'annotation' && c.annotationId === id)!;

describe('a conflict in an annotation', () => {
  it('keeps their version on its words, and deletes one their side deleted; each undone', async () => {
    const { corpus, dir } = await open(annotationConflicts);
    const before = stateOnDisk(dir, 'r').annotations;
    const relabelled = await resolve(corpus, annotationConflict(dir, 'p'), 'theirs');
    const p = stateOnDisk(dir, 'r').annotations.find((a) => a.id === 'p')!;
    expect([p.label, p.note, p.author]).toEqual(['Organisation', 'nhầm nhãn', 'bao']);
    expect(slices(stateOnDisk(dir, 'r')).p).toBe('Trần Quốc Trung');
    const deleted = await resolve(corpus, annotationConflict(dir, 'q'), 'theirs');
    expect(stateOnDisk(dir, 'r').annotations.map((a) => a.id)).toEqual(['p']);
    expect(conflictsOf(dir)).toEqual([]);
    await undo(corpus, deleted);
    await undo(corpus, relabelled);
    expect(stateOnDisk(dir, 'r').annotations).toEqual(before);
    expect(conflictsOf(dir)).toHaveLength(2);
  });
});

describe('through the service', () => {
  it('resolves the conflict named by id with the revision the editor saw, and undoes it as one step', async () => {
    const dir = buildCorpus({ 'r.txt': ORIGINAL });
    const state = freshState(dir, 'r');
    fieldConflicts(state);
    writeState(dir, state);
    const service = await openService(dir);
    await service.call('setPreferences', { editorName: LAN });
    const report = await service.call('getReport', { id: 'r' });
    expect(report.conflicts.map((c) => c.kind === 'field' && c.field).sort()).toEqual(['author', 'status']);
    const author = report.conflicts.find((c) => c.kind === 'field' && c.field === 'author')!;
    const after = await service.call('resolveConflict', {
      id: 'r',
      conflictId: author.id,
      choice: 'theirs',
      revision: report.revision,
    });
    expect(after.metadata.author.value).toBe('Thanh Sang');
    expect(after.conflicts).toHaveLength(1);
    expect(after.problems).toContainEqual(expect.objectContaining({ code: 'conflicts', count: 1 }));
    expect(await service.call('editHistory', {})).toMatchObject({ undo: { reports: 1 } });
    await service.call('undo', {});
    const undone = await service.call('getReport', { id: 'r' });
    expect(undone.metadata.author.value).toBe('Ngọc Anh');
    expect(undone.conflicts).toHaveLength(2);
    await expect(
      service.call('resolveConflict', { id: 'r', conflictId: 'feedfacefeedface', choice: 'ours' }),
    ).rejects.toMatchObject({ code: 'changed-on-disk', params: { reason: 'conflict-resolved' } });
    await service.close();
  });
});
