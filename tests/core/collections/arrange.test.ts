import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus, EditHistory, type AppliedEdit } from '../../../src-main/core';
import { Collections } from '../../../src-main/core/collections';
import { FolioError } from '../../../src-main/core/errors';
import { copySampleCorpus, SAMPLE_IDS } from '../../helpers/corpora';

// Renaming and reordering collections, each one undoable step, on a copy of the sample corpus.

const [ID0, ID1, ID2] = SAMPLE_IDS as [string, string, string];

async function open() {
  const dir = copySampleCorpus();
  const corpus = await Corpus.open(dir);
  const history = new EditHistory();
  const collections = new Collections(corpus, (applied) => history.record(applied.edit.verb, [applied]));
  const apply = (step: AppliedEdit) => {
    if (step.kind !== 'settings') throw new Error('a collection edit changes the settings only');
    return corpus.editSettings(step.edit.inverse(step.before, step.after));
  };
  await collections.create({ kind: 'manual', name: 'Một', ids: [ID0, ID1] });
  await collections.create({ kind: 'search', name: 'Hai', query: 'thanh uy', filters: {} });
  await collections.create({ kind: 'manual', name: 'Ba', ids: [ID2] });
  return {
    dir,
    corpus,
    collections,
    history,
    undo: () => history.undo(apply),
    redo: () => history.redo(apply),
  };
}

const names = (collections: Collections) => collections.list().map((c) => c.name);
const stored = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, '.folio', 'corpus.json'), 'utf8')).collections as Array<{
    name: string;
  }>;

/** The params a refused call carried, for the interface's sentence. */
async function refusal(call: Promise<unknown>): Promise<unknown> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FolioError);
  return (error as FolioError).params;
}

describe('renaming a collection', () => {
  it('keeps its place and its reports, on disk, and is undone and redone as one step', async () => {
    const { dir, collections, history, undo, redo } = await open();
    const renamed = await collections.rename('một', '  Hội nghị   tổng kết ');
    expect(renamed).toMatchObject({ name: 'Hội nghị tổng kết', kind: 'manual' });
    expect(renamed.entries.map((e) => e.id)).toEqual([ID0, ID1]);
    expect(names(collections)).toEqual(['Hội nghị tổng kết', 'Hai', 'Ba']);
    expect(stored(dir)[0]).toEqual({ kind: 'manual', name: 'Hội nghị tổng kết', ids: [ID0, ID1] });
    expect(history.state().undo).toEqual({ verb: 'rename-collection', reports: 1 });

    await undo();
    expect(names(collections)).toEqual(['Một', 'Hai', 'Ba']);
    expect(collections.get('Một').entries.map((e) => e.id)).toEqual([ID0, ID1]);
    await redo();
    expect(names(collections)).toEqual(['Hội nghị tổng kết', 'Hai', 'Ba']);
  });

  it('renames a saved search, and takes a change of case alone', async () => {
    const { collections, undo } = await open();
    expect((await collections.rename('Hai', 'Thành ủy')).query).toBe('thanh uy');
    expect((await collections.rename('Ba', 'BA')).name).toBe('BA');
    expect(names(collections)).toEqual(['Một', 'Thành ủy', 'BA']);
    await undo();
    expect(names(collections)).toEqual(['Một', 'Thành ủy', 'Ba']);
  });

  it('records nothing when the name is the same', async () => {
    const { collections, history } = await open();
    const before = history.state();
    await collections.rename('Ba', ' Ba ');
    expect(history.state()).toEqual(before);
  });

  it('refuses a name another collection has (case-insensitively) or no file could take, with params', async () => {
    const { dir, collections, history } = await open();
    const before = history.state();
    await expect(collections.rename('Ba', 'một')).rejects.toThrow(/a collection named "Một" already exists/);
    expect(await refusal(collections.rename('Ba', 'HAI'))).toEqual({
      reason: 'collection-exists',
      name: 'Hai',
    });
    expect(await refusal(collections.rename('Ba', 'a/b'))).toMatchObject({
      reason: 'collection-name',
      problem: 'character',
      character: '/',
    });
    expect(await refusal(collections.rename('Ba', '   '))).toMatchObject({
      reason: 'collection-name',
      problem: 'empty',
    });
    expect(await refusal(collections.rename('Bốn', 'Năm'))).toEqual({
      reason: 'collection-unknown',
      name: 'Bốn',
    });
    expect(names(collections)).toEqual(['Một', 'Hai', 'Ba']);
    expect(stored(dir).map((c) => c.name)).toEqual(['Một', 'Hai', 'Ba']);
    expect(history.state()).toEqual(before);
  });

  it('a new collection is refused a taken name with the same params', async () => {
    const { collections } = await open();
    expect(await refusal(collections.create({ kind: 'manual', name: 'BA' }))).toEqual({
      reason: 'collection-exists',
      name: 'Ba',
    });
  });

  it('is not undone over a change someone made since', async () => {
    const { corpus, collections, undo } = await open();
    await collections.rename('Một', 'Mười');
    await new Collections(corpus).add('Mười', [ID2]);
    await expect(undo()).rejects.toThrow(/collection "Mười" was changed since/);
    expect(names(collections)).toEqual(['Mười', 'Hai', 'Ba']);
  });
});

describe('reordering the collections', () => {
  it('moves one to a 1-based position (beyond the end means last), on disk, undone and redone', async () => {
    const { dir, collections, history, undo, redo } = await open();
    expect((await collections.reorder('ba', 1)).map((c) => c.name)).toEqual(['Ba', 'Một', 'Hai']);
    expect(stored(dir).map((c) => c.name)).toEqual(['Ba', 'Một', 'Hai']);
    expect(history.state().undo).toEqual({ verb: 'move-collection', reports: 1 });
    expect((await collections.reorder('Một', 99)).map((c) => c.name)).toEqual(['Ba', 'Hai', 'Một']);

    await undo();
    expect(names(collections)).toEqual(['Ba', 'Một', 'Hai']);
    await undo();
    expect(names(collections)).toEqual(['Một', 'Hai', 'Ba']);
    expect(stored(dir).map((c) => c.name)).toEqual(['Một', 'Hai', 'Ba']);
    await redo();
    expect(names(collections)).toEqual(['Ba', 'Một', 'Hai']);
  });

  it('keeps what was made since in its place when undone', async () => {
    const { corpus, collections, undo } = await open();
    await collections.reorder('Ba', 1);
    const other = new Collections(corpus);
    await other.create({ kind: 'manual', name: 'Bốn' });
    expect(names(collections)).toEqual(['Ba', 'Một', 'Hai', 'Bốn']);
    await undo();
    expect(names(collections)).toEqual(['Một', 'Hai', 'Ba', 'Bốn']);
  });

  it('is not undone over an order someone changed since', async () => {
    const { corpus, collections, undo } = await open();
    await collections.reorder('Ba', 1);
    await new Collections(corpus).reorder('Hai', 1);
    await expect(undo()).rejects.toThrow(/reordered since/);
    expect(names(collections)).toEqual(['Hai', 'Ba', 'Một']);
  });

  it('records nothing when the collection is already there, and refuses a bad position or name', async () => {
    const { collections, history } = await open();
    const before = history.state();
    await collections.reorder('Một', 1);
    expect(history.state()).toEqual(before);
    await expect(collections.reorder('Một', 0)).rejects.toThrow(/position must be a whole number ≥ 1, not 0/);
    await expect(collections.reorder('Một', 1.5)).rejects.toThrow(/not 1\.5/);
    await expect(collections.reorder('Bốn', 1)).rejects.toThrow(/no collection "Bốn"/);
    expect(names(collections)).toEqual(['Một', 'Hai', 'Ba']);
  });
});

describe('emptying a collection', () => {
  it('removes every entry in one step, undone with the order kept', async () => {
    const { collections, history, undo } = await open();
    await collections.move('Một', ID1, 1);
    const emptied = await collections.remove('Một', [ID1, ID0]);
    expect(emptied.entries).toEqual([]);
    expect(history.state().undo).toEqual({ verb: 'remove-from-collection', reports: 1 });
    await undo();
    expect(collections.get('Một').entries.map((e) => e.id)).toEqual([ID1, ID0]);
  });
});
