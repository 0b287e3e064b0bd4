import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { ReferenceKeys } from '../../../src-main/core/corpus/referenceKeys';
import type { ReportFilters } from '../../../src-main/contract/types';
import { Collections } from '../../../src-main/core/collections';
import { buildCorpus, copySampleCorpus, SAMPLE_IDS } from '../../helpers/corpora';

// Faceted search on the five samples: places Cần Thơ (000, 001, 004), "Thanh Trì, Hà Nội" (002), Lạng Sơn
// (003); 22-NQ/TW cited by 000, 002 and 003.

const [CT0, CT1, TT, LS, CT4] = SAMPLE_IDS as [string, string, string, string, string];

const ids = (corpus: Corpus, filters: ReportFilters) =>
  corpus
    .list(filters)
    .map((row) => row.id)
    .sort();
const facets = (corpus: Corpus, filters: ReportFilters) => corpus.facets(corpus.list(), filters);
const count = (list: Array<{ value: string; count: number }>, value: string) =>
  list.find((entry) => entry.value === value)?.count;

describe('facets', () => {
  it('keep a facet’s other values listed with their counts once one is ticked, and combine them with OR', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    const places = [
      { value: 'Cần Thơ', count: 3 },
      { value: 'Lạng Sơn', count: 1 },
      { value: 'Thanh Trì, Hà Nội', count: 1 },
    ];
    expect(facets(corpus, {}).place).toEqual(places);
    expect(facets(corpus, { place: ['Cần Thơ'] }).place).toEqual(places);
    // Other facets count only the reports the ticked place keeps.
    expect(count(facets(corpus, { place: ['Cần Thơ'] }).reference, '22-NQ/TW')).toBe(1);
    expect(ids(corpus, { place: ['Cần Thơ', 'Lạng Sơn'] })).toEqual([CT0, CT1, LS, CT4]);
    expect(facets(corpus, { place: ['Cần Thơ', 'Lạng Sơn'] }).status).toEqual([{ value: 'new', count: 4 }]);
  });

  it('combine facets with AND, each counted under the filters of the others', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    await corpus.setTags([CT0, TT, LS], { add: ['NQ22'] });
    const filters = { place: ['Cần Thơ', 'Lạng Sơn'], tags: ['NQ22'] };
    expect(ids(corpus, filters)).toEqual([CT0, LS]);
    const counted = facets(corpus, filters);
    expect(counted.place).toEqual([
      { value: 'Cần Thơ', count: 1 },
      { value: 'Lạng Sơn', count: 1 },
      { value: 'Thanh Trì, Hà Nội', count: 1 },
    ]);
    expect(counted.tags).toEqual([{ value: 'NQ22', count: 2 }]);
    expect(counted.status).toEqual([{ value: 'new', count: 2 }]);
    // A report that fails two facets counts for neither: 002 is tagged but not in a ticked place.
    expect(count(facets(corpus, { ...filters, status: ['done'] }).status, 'new')).toBe(2);
    expect(facets(corpus, { ...filters, status: ['done'] }).place).toEqual([]);
  });

  it('list a Party document cited with and without its issuer once, and filter by either form', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    await corpus.setMetadata(CT1, 'references', ['22-NQ'], 'Lan');
    const references = facets(corpus, {}).reference;
    expect(references.filter((entry) => entry.value.startsWith('22-NQ'))).toEqual([
      { value: '22-NQ/TW', count: 4 },
    ]);
    expect(ids(corpus, { reference: ['22-NQ/TW'] })).toEqual([CT0, CT1, TT, LS]);
    expect(ids(corpus, { reference: ['22-NQ'] })).toEqual([CT0, CT1, TT, LS]);
    expect(corpus.search('thanh uy', { reference: ['22-nq/tư'] }).map((hit) => hit.id)).toHaveLength(4);
    expect(count(facets(corpus, { reference: ['22-NQ/TW'] }).place, 'Cần Thơ')).toBe(2);
  });

  it('keep an issuer-less code apart when the corpus cites that number from two issuers', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    await corpus.setMetadata(CT1, 'references', ['22-NQ'], 'Lan');
    await corpus.setMetadata(CT4, 'references', ['22-NQ/TU'], 'Lan');
    const references = facets(corpus, {}).reference.filter((entry) => entry.value.startsWith('22-NQ'));
    expect(references).toEqual([
      { value: '22-NQ/TW', count: 3 },
      { value: '22-NQ', count: 1 },
      { value: '22-NQ/TU', count: 1 },
    ]);
    expect(ids(corpus, { reference: ['22-NQ'] })).toEqual([CT1]);
    expect(ids(corpus, { reference: ['22-NQ/TW'] })).toEqual([CT0, TT, LS]);
    expect(ids(corpus, { reference: ['22-NQ/TU', '22-NQ'] })).toEqual([CT1, CT4]);
  });
});

describe('ReferenceKeys', () => {
  const keys = (...cited: string[][]) => ReferenceKeys.of(cited);

  it('gives the spellings of one Party code one key, named as the corpus prints it most', () => {
    const k = keys(['05-CT/TW'], ['05-CT/TW'], ['5-CT/TW', '22 – NQ/TƯ'], ['22-nq/tw']);
    expect(k.keyOf('5-CT/TW')).toBe(k.keyOf('05-CT/TW'));
    expect(k.keyOf('22 – NQ/TƯ')).toBe(k.keyOf('22-nq/tw'));
    expect(k.nameOf(k.keyOf('5-CT/TW'))).toBe('05-CT/TW');
    expect(k.nameOf(k.keyOf('22-NQ'))).toBe('22 – NQ/TƯ');
  });

  it('merges an issuer-less Party code only into the one issuer the corpus cites it from', () => {
    expect(keys(['22-NQ/TW'], ['22-NQ']).keyOf('22-NQ')).toBe(keys(['22-NQ/TW']).keyOf('22-NQ/TW'));
    expect(keys(['22-NQ']).nameOf(keys(['22-NQ']).keyOf('22-NQ'))).toBe('22-NQ');
    const two = keys(['22-NQ/TW'], ['22-NQ/TU'], ['22-NQ']);
    expect(new Set(['22-NQ', '22-NQ/TW', '22-NQ/TU'].map((code) => two.keyOf(code))).size).toBe(3);
    // Another type or number is another document.
    const k = keys(['22-NQ/TW'], ['22-CT'], ['23-NQ']);
    expect(k.keyOf('22-CT')).not.toBe(k.keyOf('22-NQ/TW'));
    expect(k.keyOf('23-NQ')).not.toBe(k.keyOf('22-NQ/TW'));
  });

  it('folds State documents and unknown codes for case only', () => {
    const k = keys(['46/NQ-CP'], ['178/2024/NĐ-CP'], ['22-XY']);
    expect(k.keyOf('46/nq-cp')).toBe(k.keyOf('46/NQ-CP'));
    expect(k.keyOf('46/2024/NQ-CP')).not.toBe(k.keyOf('46/NQ-CP'));
    expect(k.keyOf('22-XY')).not.toBe(k.keyOf('22-XY/TW'));
  });
});

describe('the language facet', () => {
  const ARCHIVE = path.resolve(import.meta.dirname, '../../../../shared/real-archive/trends');
  const real = (name: string) => readFileSync(path.join(ARCHIVE, name));

  it('counts each report by the language detected in it, and filters by it, a saved search too', async () => {
    const root = buildCorpus({
      'dortmund.txt': real('2024-05-07-dortmund.txt'),
      'mockridge.txt': real('2024-04-03-luke-mockridge.txt'),
      'gam.txt': real('2024-10-04-gam.txt'),
      'pimtha.txt': real('2024-05-30-pimtha.txt'),
    });
    const corpus = await Corpus.open(root);
    expect(facets(corpus, {}).language).toEqual([
      { value: 'vi', count: 2 },
      { value: 'de', count: 1 },
      { value: 'en', count: 1 },
    ]);
    expect(ids(corpus, { language: ['de', 'en'] })).toEqual(['dortmund', 'mockridge']);
    expect(corpus.summary('gam').language).toBe('vi');
    const saved = await new Collections(corpus).create({
      kind: 'search',
      name: 'Tin nước ngoài',
      query: '',
      filters: { language: ['de'] },
    });
    expect(saved.entries.map((e) => e.id)).toEqual(['dortmund']);
    // Reopened from the cache, the rows still know their language.
    await corpus.flush();
    const reopened = await Corpus.open(root);
    expect(ids(reopened, { language: ['vi'] })).toEqual(['gam', 'pimtha']);
  });
});
