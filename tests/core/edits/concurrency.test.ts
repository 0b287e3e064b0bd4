import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collections, Corpus } from '../../../src-main/core';
import { copySampleCorpus, SAMPLE_IDS } from '../../helpers/corpora';

// Writers that meet: many calls at once in one process, and two processes' worth of corpora on one folder.

const ID = SAMPLE_IDS[0]!;

function tagsOnDisk(dir: string): string[] {
  return JSON.parse(readFileSync(path.join(dir, '.folio', 'reports', `${ID}.json`), 'utf8')).tags;
}

describe('concurrent edits', () => {
  it('keeps every one of 40 tags added to one report at once', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    const tags = Array.from({ length: 40 }, (_, i) => `thẻ ${i}`);
    await Promise.all(tags.map((tag) => corpus.setTags([ID], { add: [tag] })));
    expect(tagsOnDisk(dir).sort()).toEqual([...tags].sort());
  });

  it('keeps every change when two open corpora write to the same report at once', async () => {
    const dir = copySampleCorpus();
    const [a, b] = await Promise.all([Corpus.open(dir), Corpus.open(dir)]);
    const writes = Array.from({ length: 30 }, (_, i) => [
      a.setTags([ID], { add: [`a${i}`] }),
      b.setTags([ID], { add: [`b${i}`] }),
      i % 5 === 0 ? a.annotateQuote(ID, 'Cần Thơ', 1, 'Place', `a${i}`, 'A') : null,
    ]);
    await Promise.all(writes.flat());
    expect(tagsOnDisk(dir)).toHaveLength(60);
    const reopened = await Corpus.open(dir);
    expect(reopened.report(ID).annotations).toHaveLength(6);
  });

  it('keeps a collection another program made when this corpus edits the collections', async () => {
    const dir = copySampleCorpus();
    const [a, b] = await Promise.all([Corpus.open(dir), Corpus.open(dir)]);
    await new Collections(b).create({ kind: 'manual', name: 'Của dòng lệnh', ids: [ID] });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => new Collections(a).create({ kind: 'manual', name: `Bộ ${i}` })),
    );
    const reopened = await Corpus.open(dir);
    expect(
      new Collections(reopened)
        .list()
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Của dòng lệnh', ...Array.from({ length: 10 }, (_, i) => `Bộ ${i}`)].sort());
  });

  it('refuses an edit of the same field made on an older view, applies one of another field', async () => {
    const dir = copySampleCorpus();
    const [a, b] = await Promise.all([Corpus.open(dir), Corpus.open(dir)]);
    await a.setMetadata(ID, 'author', 'Lan', 'Lan');
    await b.reload(ID);
    const seen = b.report(ID).revision;
    await a.setMetadata(ID, 'author', 'Minh', 'Minh');
    await expect(b.setMetadata(ID, 'author', 'Hoa', 'Hoa', seen)).rejects.toMatchObject({
      code: 'changed-on-disk',
    });
    await b.setMetadata(ID, 'place', 'Cần Thơ', 'Hoa', seen);
    const reopened = await Corpus.open(dir);
    expect(reopened.report(ID).metadata.author.value).toBe('Minh');
    expect(reopened.report(ID).metadata.place.value).toBe('Cần Thơ');
  });
});
