import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Corpus,
  DEFAULT_LABELS,
  editLabels,
  FolioError,
  type AppliedSettingsEdit,
  type CorpusChange,
  type LabelChange,
} from '../../../src-main/core';
import { copySampleCorpus, SAMPLE_IDS } from '../../helpers/corpora';

// The label set is edited one intent at a time through the settings path: names in both languages, colours,
// keys and order change, a label annotations use is never removed, and each change is undone exactly.

const ID = SAMPLE_IDS[0]!;

async function open(): Promise<{ corpus: Corpus; dir: string }> {
  const dir = copySampleCorpus();
  return { corpus: await Corpus.open(dir), dir };
}

const change = (corpus: Corpus, labelChange: LabelChange) =>
  corpus.editSettings(editLabels(labelChange, () => corpus.labelUsage()));

const undo = (corpus: Corpus, applied: AppliedSettingsEdit) =>
  corpus.editSettings(applied.edit.inverse(applied.before, applied.after));

const onDisk = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, '.folio', 'corpus.json'), 'utf8')) as {
    labels: Array<{ name: string; names?: { vi?: string; en?: string }; color: string; key: string | null }>;
  };

const names = (corpus: Corpus) => corpus.info().labels.map((l) => l.name);

/** What a refused change throws: its code and the reason the interface words in its own language. */
async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; params: unknown; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FolioError);
  const { code, params, message } = error as FolioError;
  return { code, params, message };
}

describe('the default label set', () => {
  it('names each of the seven labels in Vietnamese and English, keeping the stable name', async () => {
    const { corpus } = await open();
    expect(corpus.info().labels.map((l) => [l.name, l.names?.vi, l.names?.en, l.key])).toEqual([
      ['Person', 'Người', 'Person', '1'],
      ['Organisation', 'Tổ chức', 'Organisation', '2'],
      ['Place', 'Địa danh', 'Place', '3'],
      ['Document reference', 'Văn bản dẫn chiếu', 'Document reference', '4'],
      ['Figure', 'Số liệu', 'Figure', '5'],
      ['Date', 'Ngày tháng', 'Date', '6'],
      ['Quote', 'Trích dẫn', 'Quote', '7'],
    ]);
  });

  it('reads a corpus.json written before display names, giving the default labels their names', async () => {
    const dir = copySampleCorpus();
    mkdirSync(path.join(dir, '.folio'), { recursive: true });
    const old = {
      schema: 1,
      labels: [
        ...DEFAULT_LABELS.map(({ name, color, key }) => ({ name, color, key })),
        { name: 'Sự kiện', color: '#5c940d', key: '8' },
      ],
      tags: ['Cần Thơ'],
      collections: [{ name: 'Đọc sau', kind: 'manual', ids: [ID] }],
    };
    writeFileSync(path.join(dir, '.folio', 'corpus.json'), JSON.stringify(old, null, 2));
    const corpus = await Corpus.open(dir);
    const labels = corpus.info().labels;
    expect(labels.find((l) => l.name === 'Place')!.names).toEqual({ vi: 'Địa danh', en: 'Place' });
    expect(labels.at(-1)).toEqual({ name: 'Sự kiện', color: '#5c940d', key: '8' });
    expect(corpus.corpusSettings().collections).toEqual(old.collections);
    // An annotation stores the stable name, whatever the label is shown as.
    await corpus.annotateQuote(ID, 'Thành ủy Cần Thơ', 1, 'Sự kiện', '', 'Lan');
    expect(corpus.info().labelUsage).toEqual({ 'Sự kiện': 1 });
    // The next write is format 2 and keeps everything else in it.
    await change(corpus, { kind: 'update', name: 'Sự kiện', names: { en: 'Event' } });
    const written = onDisk(dir) as unknown as typeof old & { labels: Array<{ names?: object }> };
    expect(written.schema).toBe(2);
    expect(written.labels.at(-1)).toEqual({
      name: 'Sự kiện',
      names: { en: 'Event' },
      color: '#5c940d',
      key: '8',
    });
    expect(written.tags).toEqual(['Cần Thơ']);
    expect(written.collections).toEqual(old.collections);
  });
});

describe('a label written by hand', () => {
  it('keeps a colour and key it was written with, changing only what is changed, and undoes back to them', async () => {
    const dir = copySampleCorpus();
    mkdirSync(path.join(dir, '.folio'), { recursive: true });
    const handWritten = { name: 'Ý kiến', color: 'red', key: 'q' };
    writeFileSync(
      path.join(dir, '.folio', 'corpus.json'),
      JSON.stringify({ schema: 1, labels: [handWritten], tags: [], collections: [] }),
    );
    const corpus = await Corpus.open(dir);
    const named = await change(corpus, { kind: 'update', name: 'ý kiến', names: { en: 'Opinion' } });
    expect(onDisk(dir).labels).toEqual([{ ...handWritten, names: { en: 'Opinion' } }]);
    const coloured = await change(corpus, { kind: 'update', name: 'Ý kiến', color: '#aabbcc', key: '1' });
    await undo(corpus, coloured);
    await undo(corpus, named);
    expect(onDisk(dir).labels).toEqual([{ ...handWritten, names: {} }]);
  });
});

describe('editing the label set', () => {
  it('adds a label with names in both languages, a colour and a key, and undoes and redoes it', async () => {
    const { corpus, dir } = await open();
    const added = await change(corpus, {
      kind: 'add',
      label: { name: ' Sự  kiện ', names: { vi: 'Sự kiện', en: 'Event' }, color: '#5C940D', key: '8' },
    });
    const event = { name: 'Sự kiện', names: { vi: 'Sự kiện', en: 'Event' }, color: '#5c940d', key: '8' };
    expect(added.edit.verb).toBe('add-label');
    expect(onDisk(dir).labels.at(-1)).toEqual(event);
    expect(corpus.info().labels.at(-1)).toEqual(event);
    // A key of the new label annotates with it.
    await corpus.annotateQuote(ID, 'Cần Thơ', 1, 'sự kiện', '', 'Lan');
    expect(corpus.report(ID).annotations.map((a) => a.label)).toEqual(['Sự kiện']);
    await corpus.deleteAnnotation(ID, corpus.report(ID).annotations[0]!.id);
    const undone = await undo(corpus, added);
    expect(names(corpus)).toEqual(DEFAULT_LABELS.map((l) => l.name));
    await undo(corpus, undone);
    expect(onDisk(dir).labels.at(-1)).toEqual(event);
  });

  it('inserts a label at a position', async () => {
    const { corpus } = await open();
    await change(corpus, { kind: 'add', label: { name: 'Event', color: '#5c940d', key: null }, position: 2 });
    expect(names(corpus).slice(0, 3)).toEqual(['Person', 'Event', 'Organisation']);
    expect(corpus.info().labels[1]).toEqual({ name: 'Event', names: {}, color: '#5c940d', key: null });
  });

  it('changes display names, colour and key, clears a name given as empty, and undoes exactly that', async () => {
    const { corpus, dir } = await open();
    const before = corpus.corpusSettings().labels;
    const changed = await change(corpus, {
      kind: 'update',
      name: 'person',
      names: { vi: 'Nhân vật', en: '' },
      color: '#000000',
      key: '9',
    });
    expect(changed.edit.verb).toBe('change-label');
    expect(onDisk(dir).labels[0]).toEqual({
      name: 'Person',
      names: { vi: 'Nhân vật' },
      color: '#000000',
      key: '9',
    });
    // Key 1 is free now, and another label may take it.
    await change(corpus, { kind: 'update', name: 'Quote', key: '1' });
    await change(corpus, { kind: 'update', name: 'Quote', key: '7' });
    await undo(corpus, changed);
    expect(onDisk(dir).labels).toEqual(before);
  });

  it('moves a label up or down, and back on undo', async () => {
    const { corpus } = await open();
    const moved = await change(corpus, { kind: 'move', name: 'Quote', position: 1 });
    expect(moved.edit.verb).toBe('move-label');
    expect(names(corpus).slice(0, 2)).toEqual(['Quote', 'Person']);
    await change(corpus, { kind: 'move', name: 'Person', position: 99 });
    expect(names(corpus).at(-1)).toBe('Person');
    await change(corpus, { kind: 'move', name: 'Person', position: 2 });
    await undo(corpus, moved);
    expect(names(corpus)).toEqual(DEFAULT_LABELS.map((l) => l.name));
  });

  it('removes a label no annotation uses, and puts it back where it was on undo', async () => {
    const { corpus, dir } = await open();
    const before = corpus.corpusSettings().labels;
    const removed = await change(corpus, { kind: 'remove', name: 'Figure' });
    expect(removed.edit.verb).toBe('remove-label');
    expect(names(corpus)).not.toContain('Figure');
    await undo(corpus, removed);
    expect(onDisk(dir).labels).toEqual(before);
  });

  it('tells listeners the settings changed, so the interface reads the new labels', async () => {
    const { corpus } = await open();
    const changes: CorpusChange[] = [];
    corpus.onDidChange((c) => changes.push(c));
    await change(corpus, { kind: 'update', name: 'Date', color: '#123456' });
    await refusal(change(corpus, { kind: 'update', name: 'Date', key: '1' }));
    expect(changes).toEqual([{ kind: 'settings', id: '' }]);
  });
});

describe('changes of the label set that are refused', () => {
  it('refuses to remove a label annotations use, saying how many', async () => {
    const { corpus } = await open();
    await corpus.annotateQuote(ID, 'Thành ủy Cần Thơ', 1, 'Organisation', '', 'Lan');
    await corpus.annotateQuote(SAMPLE_IDS[1]!, 'Cần Thơ', 1, 'Organisation', '', 'Lan');
    expect(corpus.info().labelUsage).toEqual({ Organisation: 2 });
    const refused = await refusal(change(corpus, { kind: 'remove', name: 'Organisation' }));
    expect(refused).toEqual({
      code: 'invalid-input',
      params: { reason: 'label-in-use', label: 'Organisation', count: 2 },
      message: 'label "Organisation" is used by 2 annotation(s); relabel or delete them before removing it',
    });
    expect(names(corpus)).toContain('Organisation');
  });

  it('refuses a key or a name another label has', async () => {
    const { corpus, dir } = await open();
    const add = (label: { name: string; names?: { vi?: string; en?: string }; key: string | null }) =>
      refusal(change(corpus, { kind: 'add', label: { color: '#5c940d', ...label } }));
    expect((await add({ name: 'Event', key: '2' })).params).toEqual({
      reason: 'label-key-taken',
      key: '2',
      label: 'Event',
      other: 'Organisation',
    });
    expect((await add({ name: 'PLACE', key: null })).params).toMatchObject({
      reason: 'label-name-taken',
      other: 'Place',
    });
    // A label shown in Vietnamese as another one is would be two labels no one can tell apart.
    expect((await add({ name: 'Human', names: { vi: 'người' }, key: null })).params).toMatchObject({
      reason: 'label-name-taken',
      other: 'Person',
    });
    expect((await add({ name: '   ', key: null })).params).toEqual({ reason: 'label-name-empty' });
    const update = await refusal(change(corpus, { kind: 'update', name: 'Date', key: '1' }));
    expect(update.params).toMatchObject({ reason: 'label-key-taken', other: 'Person' });
    const colour = await refusal(change(corpus, { kind: 'update', name: 'Date', color: 'red' }));
    expect(colour.params).toMatchObject({ reason: 'label-colour', color: 'red' });
    const unknown = await refusal(change(corpus, { kind: 'remove', name: 'Event' }));
    expect(unknown.params).toEqual({ reason: 'label-unknown', label: 'Event' });
    // Nothing was written by any of them.
    expect(existsSync(path.join(dir, '.folio', 'corpus.json'))).toBe(false);
  });

  it('refuses to undo adding a label annotations use since, or changing one someone changed since', async () => {
    const { corpus } = await open();
    const added = await change(corpus, { kind: 'add', label: { name: 'Event', color: '#5c940d', key: '8' } });
    await corpus.annotateQuote(ID, 'Cần Thơ', 1, 'Event', '', 'Lan');
    expect((await refusal(undo(corpus, added))).params).toMatchObject({ reason: 'label-in-use', count: 1 });
    const changed = await change(corpus, { kind: 'update', name: 'Date', color: '#123456' });
    await change(corpus, { kind: 'update', name: 'Date', names: { en: 'Day' } });
    const refused = await refusal(undo(corpus, changed));
    expect(refused.code).toBe('changed-on-disk');
    expect(refused.params).toEqual({ reason: 'changed-since', label: 'Date' });
    expect(corpus.info().labels.find((l) => l.name === 'Date')).toMatchObject({
      color: '#123456',
      names: { vi: 'Ngày tháng', en: 'Day' },
    });
  });
});
