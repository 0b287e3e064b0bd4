import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { Collections } from '../../../src-main/core/collections';
import { BUILT_WORKER, buildCorpus } from '../../helpers/corpora';

// A corpus's own outlets (`outlets` in `.folio/corpus.json`) extend the shipped registry: an outlet Folio has
// never heard of is recognised by the tag it signs with, and the cache follows the list.

const ID = 'hop-tinh-uy';
const REPORT = [
  'Hội nghị Tỉnh ủy lần thứ 12',
  '',
  '(Tin Tây Vinh) - Sáng 5/3/2024, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng quý I.',
  '',
  'Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ và đề ra phương hướng cho quý tiếp theo.',
].join('\n');
const TAY_VINH = { name: 'Tin Tây Vinh', domains: ['tintayvinh.vn'], abbreviations: ['TTV'] };

/** Writes `outlets` into the corpus's settings file by hand, as an editor would. */
function writeOutlets(corpus: Corpus, outlets: unknown): void {
  const file = path.join(corpus.root, '.folio', 'corpus.json');
  writeFileSync(file, JSON.stringify({ ...corpus.corpusSettings(), outlets }, null, 2));
}

async function reopen(root: string): Promise<Corpus> {
  const corpus = await Corpus.open(root);
  await corpus.flush();
  return corpus;
}

describe("a corpus's own outlets", () => {
  it('are read from corpus.json when the corpus opens, and the cached extractions are redone for them', async () => {
    const root = buildCorpus({ [`${ID}.txt`]: REPORT });
    const before = await reopen(root);
    expect(before.summary(ID).source).not.toBe('Tin Tây Vinh');

    writeOutlets(before, [TAY_VINH]);
    const after = await reopen(root);
    expect(after.summary(ID).source).toBe('Tin Tây Vinh');
    expect(after.report(ID).metadata.source.extracted.evidence.map((e) => e.text)).toEqual(['Tin Tây Vinh']);
    const cache = JSON.parse(readFileSync(path.join(root, '.folio', 'cache', 'reports.json'), 'utf8'));
    expect(cache.version).toMatch(/\+outlets\.[0-9a-f]{16}$/u);
    // Another change to the settings keeps them: the settings are written back whole.
    await new Collections(after).create({ kind: 'manual', name: 'Quý I', ids: [ID] });
    expect(JSON.parse(readFileSync(path.join(root, '.folio', 'corpus.json'), 'utf8')).outlets).toEqual([
      { ...TAY_VINH, kind: 'other', province: null },
    ]);

    writeOutlets(after, []);
    const without = await reopen(root);
    expect(without.summary(ID).source).not.toBe('Tin Tây Vinh');
  });

  it('are known to the analysis workers too', async () => {
    // Enough reports that opening reads them in worker threads.
    const files = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`${ID}-${i}.txt`, REPORT]));
    const root = buildCorpus(files);
    writeOutlets(await reopen(root), [TAY_VINH]);
    const corpus = await Corpus.open(root, { analysis: { workerScript: BUILT_WORKER, threads: 2 } });
    expect(new Set(corpus.ids().map((id) => corpus.summary(id).source))).toEqual(new Set(['Tin Tây Vinh']));
  });

  it('that are not outlets stop the corpus from opening with the file and the field named', async () => {
    const root = buildCorpus({ [`${ID}.txt`]: REPORT });
    writeOutlets(await reopen(root), [{ domains: ['tintayvinh.vn'] }]);
    await expect(Corpus.open(root)).rejects.toThrow(/corpus\.json.*outlets/su);
  });
});
