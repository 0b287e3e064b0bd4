import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { buildCorpus, copySampleCorpus } from '../../helpers/corpora';

const ID = '000_6609e38cc437fad5';
const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('annotations', () => {
  it('stores span, label, note, author and time; offsets count code points', async () => {
    const dir = buildCorpus({ 'e.txt': '😀 Đồng chí Lâm Thị Phương Thanh 🇻🇳 phát biểu' });
    const corpus = await Corpus.open(dir);
    const id = await corpus.annotateQuote('e', 'Lâm Thị Phương Thanh', 1, 'person', 'Bí thư Tỉnh ủy', 'Lan');
    const [annotation] = corpus.report('e').annotations;
    expect(annotation).toMatchObject({
      id,
      start: 11,
      end: 31,
      originalStart: 11,
      originalEnd: 31,
      label: 'Person',
      note: 'Bí thư Tỉnh ủy',
      quote: 'Lâm Thị Phương Thanh',
      orphaned: false,
      author: 'Lan',
    });
    expect(slice(corpus.report('e').text, 11, 31)).toBe('Lâm Thị Phương Thanh');
    expect(Date.parse(annotation!.created)).not.toBeNaN();
  });

  it('rejects labels outside the corpus label set and spans outside the text', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    await expect(corpus.annotateQuote(ID, 'Cần Thơ', 1, 'Animal', '', 'Lan')).rejects.toThrow(
      /unknown label "Animal"/,
    );
    await expect(corpus.addAnnotation(ID, { start: 5, end: 5, label: 'Place' }, 'Lan')).rejects.toThrow(
      /not a non-empty range/,
    );
    await expect(corpus.annotateQuote(ID, 'Cần Thơ', 99, 'Place', '', 'Lan')).rejects.toThrow(
      /fewer than 99/,
    );
  });

  it('updates and deletes an annotation', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    const id = await corpus.annotateQuote(ID, 'Cần Thơ', 2, 'Place', '', 'Lan');
    await corpus.updateAnnotation(ID, id, { label: 'Organisation', note: 'thành phố' });
    expect(corpus.report(ID).annotations[0]).toMatchObject({ label: 'Organisation', note: 'thành phố' });
    expect(corpus.summary(ID).labels).toEqual(['Organisation']);
    await corpus.deleteAnnotation(ID, id);
    expect(corpus.report(ID).annotations).toEqual([]);
    await expect(corpus.deleteAnnotation(ID, id)).rejects.toThrow(/has no annotation/);
  });
});

describe('text correction', () => {
  it('tracks the correction as changes against the untouched original and keeps annotations on their words', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    const original = corpus.report(ID).text;
    const person = await corpus.annotateQuote(ID, 'Mai Thanh Dân', 1, 'Person', 'Trưởng Ban Tổ chức', 'Lan');
    const counter = await corpus.annotateQuote(ID, '156', 1, 'Figure', '', 'Lan');
    const corrected = original.replace('thánh phố', 'thành phố').replace(/\n\n156$/, '');
    await corpus.saveCorrection(ID, corrected, 'Lan');

    const reopened = await Corpus.open(dir);
    const report = reopened.report(ID);
    expect(report.text).toBe(corrected);
    expect(report.original).toBe(original);
    expect(report.corrected).toBe(true);
    expect(report.changes.map((c) => [c.deleted, c.inserted])).toEqual([
      ['thánh', 'thành'],
      ['\n\n156', ''],
    ]);
    const byId = new Map(report.annotations.map((a) => [a.id, a]));
    const name = byId.get(person)!;
    expect(slice(report.text, name.start, name.end)).toBe('Mai Thanh Dân');
    expect(slice(report.original, name.originalStart!, name.originalEnd!)).toBe('Mai Thanh Dân');
    const lost = byId.get(counter)!;
    expect(lost).toMatchObject({ orphaned: true, quote: '156', originalStart: null, originalEnd: null });
    expect(reopened.check().problems).toEqual([
      {
        id: ID,
        code: 'orphaned-annotations',
        message: '1 annotation(s) lost their text and need review',
        count: 1,
      },
    ]);
  });

  it('gives null original offsets to a span on inserted text', async () => {
    const dir = buildCorpus({ 'r.txt': 'Bí thư Thành ủy phát biểu.' });
    const corpus = await Corpus.open(dir);
    await corpus.saveCorrection('r', 'Bí thư Thường trực Thành ủy phát biểu.', 'Lan');
    await corpus.annotateQuote('r', 'Thường trực', 1, 'Organisation', '', 'Lan');
    expect(corpus.report('r').annotations[0]).toMatchObject({
      start: 7,
      end: 18,
      originalStart: null,
      originalEnd: null,
    });
  });

  it('reverts one change at a time, and removes the correction when nothing differs', async () => {
    const dir = buildCorpus({ 'r.txt': 'Doanh nghệp ở thánh phố.' });
    const corpus = await Corpus.open(dir);
    await corpus.saveCorrection('r', 'Doanh nghiệp ở thành phố.', 'Lan');
    expect(corpus.report('r').changes).toHaveLength(2);
    await corpus.revertChanges('r', [1], 'Lan');
    expect(corpus.report('r').text).toBe('Doanh nghiệp ở thánh phố.');
    await corpus.revertChanges('r', [0], 'Lan');
    expect(corpus.report('r').corrected).toBe(false);
    expect(corpus.report('r').changes).toEqual([]);
  });

  it('normalises the corrected text (CRLF, NFD) so normalisation never shows as a change', async () => {
    const dir = buildCorpus({ 'r.txt': 'Thành ủy\nCần Thơ' });
    const corpus = await Corpus.open(dir);
    await corpus.saveCorrection('r', 'Thành ủy\r\nCần Thơ'.normalize('NFD'), 'Lan');
    expect(corpus.report('r').corrected).toBe(false);
  });
});

describe('importing annotations', () => {
  const imported = {
    id: 'a1',
    start: 9,
    end: 24,
    label: 'person',
    note: '',
    quote: 'Trần Quốc Trung',
    orphaned: false,
    author: 'Lan',
    created: '2024-01-02T03:04:05.000Z',
    modified: '2024-01-02T03:04:05.000Z',
  };

  it('keeps ids, authors and times as given', async () => {
    const corpus = await Corpus.open(buildCorpus({ 'r.txt': 'Đồng chí Trần Quốc Trung phát biểu.' }));
    await corpus.importAnnotations('r', [imported]);
    expect(corpus.report('r').annotations[0]).toMatchObject({ ...imported, label: 'Person' });
  });

  it('refuses an annotation whose quote is not at its offsets, naming both', async () => {
    const corpus = await Corpus.open(buildCorpus({ 'r.txt': 'Đồng chí Trần Quốc Trung phát biểu.' }));
    await expect(corpus.importAnnotations('r', [{ ...imported, start: 8 }])).rejects.toThrow(
      /offsets 8-24 cover " Trần Quốc Trung", not "Trần Quốc Trung"/,
    );
    expect(corpus.report('r').annotations).toEqual([]);
  });
});
