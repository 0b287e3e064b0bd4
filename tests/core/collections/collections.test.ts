import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { Collections } from '../../../src-main/core/collections';
import { copySampleCorpus, SAMPLE_IDS } from '../../helpers/corpora';

const [ID0, ID1, ID2, ID3] = SAMPLE_IDS as [string, string, string, string, string];

async function open() {
  const dir = copySampleCorpus();
  const corpus = await Corpus.open(dir);
  return { dir, corpus, collections: new Collections(corpus) };
}

const ids = (resolved: { entries: Array<{ id: string }> }) => resolved.entries.map((e) => e.id);

describe('manual collections', () => {
  it('keep hand-picked reports in the editor order through add, move and remove, in .folio/corpus.json', async () => {
    const { dir, collections } = await open();
    await collections.create({ kind: 'manual', name: 'Hội nghị tổng kết' });
    await collections.add('hội nghị tổng kết', [ID2, ID0, ID3]);
    expect(ids(await collections.add('Hội nghị tổng kết', [ID1, ID0]))).toEqual([ID2, ID0, ID3, ID1]);
    expect(ids(await collections.move('Hội nghị tổng kết', ID1, 1))).toEqual([ID1, ID2, ID0, ID3]);
    expect(ids(await collections.move('Hội nghị tổng kết', ID1, 99))).toEqual([ID2, ID0, ID3, ID1]);
    expect(ids(await collections.remove('Hội nghị tổng kết', [ID0]))).toEqual([ID2, ID3, ID1]);
    const stored = JSON.parse(readFileSync(path.join(dir, '.folio', 'corpus.json'), 'utf8'));
    expect(stored.collections).toEqual([{ kind: 'manual', name: 'Hội nghị tổng kết', ids: [ID2, ID3, ID1] }]);
    const reopened = new Collections(await Corpus.open(dir));
    expect(ids(reopened.get('Hội nghị tổng kết'))).toEqual([ID2, ID3, ID1]);
  });

  it('a report can be in many collections; a deleted report file is marked missing, not dropped', async () => {
    const { dir, corpus, collections } = await open();
    await collections.create({ kind: 'manual', name: 'A', ids: [ID0, ID1] });
    await collections.create({ kind: 'manual', name: 'B', ids: [ID1] });
    rmSync(path.join(dir, `${ID1}.txt`));
    await corpus.reload(ID1);
    expect(collections.get('A').entries).toEqual([
      { id: ID0, missing: false },
      { id: ID1, missing: true },
    ]);
    expect(collections.get('B').entries).toEqual([{ id: ID1, missing: true }]);
    expect(ids(await collections.remove('A', [ID1]))).toEqual([ID0]);
  });

  it('refuses unknown reports, names that cannot be file names, duplicates and unknown collections, precisely', async () => {
    const { collections } = await open();
    await expect(collections.create({ kind: 'manual', name: 'x', ids: ['nope'] })).rejects.toThrow(
      /no report "nope" in /,
    );
    await expect(collections.create({ kind: 'manual', name: 'a/b' })).rejects.toThrow(
      /collection name "a\/b" is not usable: it contains "\/"/,
    );
    await expect(collections.create({ kind: 'manual', name: '  ' })).rejects.toThrow(/it is empty/);
    await collections.create({ kind: 'manual', name: 'Tin' });
    await expect(collections.create({ kind: 'manual', name: 'TIN' })).rejects.toThrow(/already exists/);
    await expect(collections.add('Tin', ['nope'])).rejects.toThrow(/no report "nope"/);
    await expect(collections.remove('Tin', [ID0])).rejects.toThrow(/collection "Tin" does not hold "/);
    await expect(collections.move('Tin', ID0, 1)).rejects.toThrow(/does not hold/);
    expect(() => collections.get('Tập')).toThrow(/no collection "Tập" in this corpus \(collections: "Tin"\)/);
    await collections.delete('tin');
    expect(collections.list()).toEqual([]);
  });
});

describe('collections read from disk', () => {
  it('refuse a hand-edited name that could lead an export out of its folder, naming file and value', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    await new Collections(corpus).create({ kind: 'manual', name: 'Tốt', ids: [SAMPLE_IDS[0]!] });
    const file = path.join(dir, '.folio', 'corpus.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Tốt"', '"../../ngoài"'));
    await expect(Corpus.open(dir)).rejects.toThrow(
      /corpus\.json: invalid at collections\.0\.name: collection name "\.\.\/\.\.\/ngoài" is not usable: it contains "\/"/,
    );
  });
});

describe('saved searches', () => {
  it('are evaluated when used: new tags change their members', async () => {
    const { corpus, collections } = await open();
    const created = await collections.create({
      kind: 'search',
      name: 'Thành ủy, đã gắn thẻ',
      query: 'thanh uy',
      filters: { tags: ['chọn'], status: [] },
    });
    expect(created.entries).toEqual([]);
    await corpus.setTags([ID3, ID0], { add: ['chọn'] });
    expect(ids(collections.get('Thành ủy, đã gắn thẻ'))).toEqual([ID0, ID3]);
    expect(corpus.corpusSettings().collections[0]).toEqual({
      kind: 'search',
      name: 'Thành ủy, đã gắn thẻ',
      query: 'thanh uy',
      filters: { tags: ['chọn'] },
    });
    await expect(collections.add('Thành ủy, đã gắn thẻ', [ID1])).rejects.toThrow(/is a saved search/);
  });

  it('reject an unknown status or a malformed date when created', async () => {
    const { collections } = await open();
    await expect(
      collections.create({ kind: 'search', name: 's', query: '', filters: { status: ['finished'] } }),
    ).rejects.toThrow(/unknown status "finished"; expected one of new, in-progress, needs-review, done/);
    await expect(
      collections.create({ kind: 'search', name: 's', query: '', filters: { publishedFrom: '5/7/2018' } }),
    ).rejects.toThrow(/date "5\/7\/2018" \(from\) is not YYYY-MM-DD/);
  });
});
