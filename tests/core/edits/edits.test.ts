import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Corpus,
  correctText,
  deleteAnnotation,
  EditHistory,
  setMetadata,
  setStatus,
  setTags,
  type AppliedEdit,
  type AppliedReportEdit,
} from '../../../src-main/core';
import { buildCorpus } from '../../helpers/corpora';

// Each edit's inverse takes back exactly what it changed, and nothing someone else changed since.

const TEXT = 'Đồng chí Trần Quốc Trung, Bí thư Thành ủy Cần Thơ, phát biểu kết luận hội nghị.';

async function open(): Promise<{ corpus: Corpus; dir: string }> {
  const dir = buildCorpus({ 'r.txt': TEXT });
  return { corpus: await Corpus.open(dir), dir };
}

/** A report of three paragraphs, with the typos editors fix. */
const PARAGRAPHS = [
  'Đồng chí Trần Quốc Trung, Bí thư Cần Thơ, phát biểu kết luận hội nghị.',
  'Hội nghị tổng kết 10 năm thực hiện Nghị quyết số 22-NQ/TW.',
  'Ủy ban nhân dân thánh phố Cần Thơ báo cáo.',
];

const undo = (corpus: Corpus, applied: AppliedReportEdit) =>
  corpus.edit(applied.id, applied.edit.inverse(applied.before, applied.after), { editor: 'Lan' });

const onDisk = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, '.folio', 'reports', 'r.json'), 'utf8'));

describe('edits and their inverses', () => {
  it('undoes only the tags an edit added, keeping one added meanwhile by someone else', async () => {
    const { corpus } = await open();
    await corpus.setTags(['r'], { add: ['cũ'] });
    const [applied] = await corpus.setTags(['r'], { add: ['cũ', 'mới'] });
    await corpus.setTags(['r'], { add: ['của Minh'] });
    await undo(corpus, applied!);
    expect(corpus.summary('r').tags).toEqual(['cũ', 'của Minh']);
  });

  it('takes tags case-insensitively, keeping the spelling the report has', async () => {
    const { corpus } = await open();
    await corpus.setTags(['r'], { add: ['Cần Thơ'] });
    await corpus.setTags(['r'], { add: ['cần thơ', 'CẦN THƠ', 'Nghị quyết'] });
    expect(corpus.summary('r').tags).toEqual(['Cần Thơ', 'Nghị quyết']);
    await corpus.setTags(['r'], { remove: ['nghị QUYẾT'] });
    expect(corpus.summary('r').tags).toEqual(['Cần Thơ']);
  });

  it('saves a note of spaces alone as no note', async () => {
    const { corpus, dir } = await open();
    const id = await corpus.annotateQuote('r', 'Cần Thơ', 1, 'Place', '', 'Lan');
    await corpus.updateAnnotation('r', id, { note: '   ' });
    expect(onDisk(dir).annotations[0].note).toBe('');
  });

  it('puts a deleted annotation back with its id, label, note and times', async () => {
    const { corpus, dir } = await open();
    const id = await corpus.annotateQuote('r', 'Trần Quốc Trung', 1, 'Person', 'Bí thư', 'Lan');
    const kept = onDisk(dir).annotations[0];
    const applied = await corpus.edit('r', deleteAnnotation(id));
    expect(onDisk(dir).annotations).toEqual([]);
    await undo(corpus, applied);
    expect(onDisk(dir).annotations).toEqual([kept]);
  });

  it('takes a correction back with every annotation on the exact words it had, an orphaned one too', async () => {
    const { corpus, dir } = await open();
    await corpus.annotateQuote('r', 'Trần Quốc Trung', 1, 'Person', '', 'Lan');
    await corpus.annotateQuote('r', 'Cần Thơ', 1, 'Place', '', 'Lan');
    const before = onDisk(dir).annotations;
    const applied = await corpus.edit('r', correctText(TEXT.replace('Bí thư Thành ủy Cần Thơ, ', '')), {
      editor: 'Lan',
    });
    expect(onDisk(dir).annotations.find((a: { label: string }) => a.label === 'Place').orphaned).toBe(true);
    const undone = await undo(corpus, applied);
    expect(onDisk(dir).annotations).toEqual(before);
    expect(onDisk(dir).correction).toBeNull();
    await corpus.edit('r', undone.edit.inverse(undone.before, undone.after), { editor: 'Lan' });
    expect(onDisk(dir).annotations).toEqual(applied.after.annotations);
    expect(onDisk(dir).correction).toEqual(applied.after.correction);
  });

  it('gives an orphaned annotation its words back when a revert restores them, after a reopening too', async () => {
    const { corpus, dir } = await open();
    await corpus.annotateQuote('r', 'Cần Thơ', 1, 'Place', '', 'Lan');
    const made = onDisk(dir).annotations[0];
    await corpus.saveCorrection('r', TEXT.replace('Bí thư Thành ủy Cần Thơ, ', ''), 'Lan');
    expect(onDisk(dir).annotations[0].orphaned).toBe(true);
    await corpus.revertChanges('r', [0], 'Lan');
    const reopened = await Corpus.open(dir);
    const [annotation] = reopened.report('r').annotations;
    expect(annotation).toMatchObject({ orphaned: false, start: made.start, end: made.end, quote: 'Cần Thơ' });
    expect(reopened.check().problems).toEqual([]);
  });

  it('stamps a status with who set it and when, and an undo puts back who had set the one before', async () => {
    const { corpus, dir } = await open();
    await corpus.edit('r', setStatus('in-progress'), { editor: 'Lan' });
    const first = onDisk(dir).statusBy;
    expect(first).toEqual({ editor: 'Lan', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    const applied = await corpus.edit('r', setStatus('done'), { editor: 'Minh' });
    expect(onDisk(dir)).toMatchObject({ status: 'done', statusBy: { editor: 'Minh' } });
    await undo(corpus, applied);
    expect(onDisk(dir)).toMatchObject({ status: 'in-progress', statusBy: first });
  });

  it('keeps who made each change of the text when a later correction leaves it, and undoes back to them', async () => {
    const dir = buildCorpus({ 'r.txt': PARAGRAPHS.join('\n') });
    const corpus = await Corpus.open(dir);
    const lan = PARAGRAPHS.map((p, i) => (i === 0 ? p.replace('Bí thư', 'Bí thư Thành ủy') : p));
    await corpus.saveCorrection('r', lan.join('\n'), 'Lan');
    const lanHunk = onDisk(dir).correction.hunks[0];
    expect(lanHunk).toMatchObject({ line: 0, was: [PARAGRAPHS[0]], now: [lan[0]], editor: 'Lan' });
    const minh = lan.map((p, i) => (i === 2 ? p.replace('thánh phố', 'thành phố') : p));
    const applied = await corpus.edit('r', correctText(minh.join('\n')), { editor: 'Minh' });
    expect(onDisk(dir).correction).toEqual({
      base: applied.before.original.sha256,
      lines: minh,
      hunks: [
        lanHunk,
        { line: 2, was: [PARAGRAPHS[2]], now: [minh[2]], editor: 'Minh', at: expect.any(String) },
      ],
    });
    await undo(corpus, applied);
    expect(onDisk(dir).correction.hunks).toEqual([lanHunk]);
  });

  it('refuses to undo a value someone else changed since, naming the field', async () => {
    const { corpus, dir } = await open();
    const applied = await corpus.edit('r', setMetadata('author', 'Lan'), { editor: 'Lan' });
    await corpus.edit('r', setMetadata('author', 'Minh'), { editor: 'Minh' });
    await expect(undo(corpus, applied)).rejects.toThrow(/the author field was changed since/);
    expect(onDisk(dir).metadata.author.value).toBe('Minh');
  });

  it('undoes and redoes a bulk action as one step', async () => {
    const dir = buildCorpus({ 'a.txt': TEXT, 'b.txt': TEXT, 'c.txt': TEXT });
    const corpus = await Corpus.open(dir);
    const history = new EditHistory();
    history.record('set-tags', await corpus.editEach(['a', 'b', 'c'], setTags({ add: ['đợt 1'] })));
    expect(history.state()).toEqual({ undo: { verb: 'set-tags', reports: 3 }, redo: null });
    const apply = (step: AppliedEdit) =>
      step.kind === 'report'
        ? corpus.edit(step.id, step.edit.inverse(step.before, step.after))
        : corpus.editSettings(step.edit.inverse(step.before, step.after));
    await history.undo(apply);
    expect(['a', 'b', 'c'].map((id) => corpus.summary(id).tags)).toEqual([[], [], []]);
    expect(history.state()).toEqual({ undo: null, redo: { verb: 'set-tags', reports: 3 } });
    await history.redo(apply);
    expect(['a', 'b', 'c'].map((id) => corpus.summary(id).tags)).toEqual([['đợt 1'], ['đợt 1'], ['đợt 1']]);
    await expect(history.redo(apply)).rejects.toThrow(/nothing to redo/);
  });

  it('takes back a new collection, and a deleted one returns in its place', async () => {
    const dir = buildCorpus({ 'a.txt': TEXT });
    const corpus = await Corpus.open(dir);
    const { Collections } = await import('../../../src-main/core');
    const applied: AppliedEdit[] = [];
    const collections = new Collections(corpus, (a) => applied.push(a));
    await collections.create({ kind: 'manual', name: 'Một', ids: ['a'] });
    await collections.create({ kind: 'manual', name: 'Hai' });
    await collections.delete('Một');
    const last = applied.at(-1)!;
    if (last.kind !== 'settings') throw new Error('a settings edit');
    await corpus.editSettings(last.edit.inverse(last.before, last.after));
    expect(collections.list().map((c) => c.name)).toEqual(['Một', 'Hai']);
  });
});
