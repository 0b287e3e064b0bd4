import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { buildCorpus, copySampleCorpus, SAMPLE_IDS } from '../../helpers/corpora';

describe('search', () => {
  it('finds "thanh uy" in every sample, whatever the tone-mark placement', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    expect(corpus.search('thanh uy')).toHaveLength(5);
    // Phrases ignore punctuation, as in Lucene: 003 matches through "Phương Thanh, Ủy viên".
    expect(corpus.search('"thanh uy"')).toHaveLength(5);
    const ids = corpus
      .search('"thành uỷ cần thơ"')
      .map((r) => r.id)
      .sort();
    expect(ids).toEqual([SAMPLE_IDS[0], SAMPLE_IDS[1], SAMPLE_IDS[4]]);
  });

  it('folds tone-mark placement, đ/d and NBSP', async () => {
    const dir = buildCorpus({
      'a.txt': 'Thành uỷ khoá X hoà giải',
      'b.txt': 'Thành ủy khóa XI hòa bình',
      'c.txt': 'Đảng\u00a0bộ tỉnh',
    });
    const corpus = await Corpus.open(dir);
    expect(
      corpus
        .search('Thành ủy')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(
      corpus
        .search('khoá')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(
      corpus
        .search('hoa')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(corpus.search('"dang bo"').map((r) => r.id)).toEqual(['c']);
  });

  it('matches quoted phrases only as consecutive words', async () => {
    const dir = buildCorpus({ 'a.txt': 'Tỉnh ủy Lạng Sơn', 'b.txt': 'Lạng mạn, Sơn La, Tỉnh ủy' });
    const corpus = await Corpus.open(dir);
    expect(
      corpus
        .search('lang son')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(corpus.search('"lang son"').map((r) => r.id)).toEqual(['a']);
  });

  it('returns a snippet with the match highlighted in code points', async () => {
    const dir = buildCorpus({ 'a.txt': '😀😀 Hội nghị tại Thành ủy Cần Thơ hôm nay' });
    const corpus = await Corpus.open(dir);
    const [result] = corpus.search('"thanh uy"');
    const [start, end] = result!.highlights[0]!;
    expect([...result!.snippet].slice(start, end).join('')).toBe('Thành ủy');
  });

  it('filters by tag, status, source, place, reference, label and date range', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    await corpus.setTags([SAMPLE_IDS[0]!, SAMPLE_IDS[3]!], { add: ['tổng kết'] });
    await corpus.setStatus([SAMPLE_IDS[3]!], 'done');
    await corpus.annotateQuote(SAMPLE_IDS[3]!, 'Lạng Sơn', 1, 'Place', '', 'Lan');
    const ids = (filters: Parameters<Corpus['search']>[1], query = '') =>
      corpus
        .search(query, filters)
        .map((r) => r.id)
        .sort();
    expect(ids({ tags: ['tổng kết'] })).toEqual([SAMPLE_IDS[0], SAMPLE_IDS[3]]);
    expect(ids({ tags: ['tổng kết'], status: ['done'] })).toEqual([SAMPLE_IDS[3]]);
    expect(ids({ label: ['Place'] })).toEqual([SAMPLE_IDS[3]]);
    expect(ids({ source: ['ttxvn'] })).toEqual([SAMPLE_IDS[1], SAMPLE_IDS[4]]);
    expect(ids({ place: ['Lạng Sơn'] })).toEqual([SAMPLE_IDS[3]]);
    expect(ids({ reference: ['126-QĐ/TW'] })).toEqual([SAMPLE_IDS[3]]);
    expect(ids({ publishedFrom: '2018-06-01', publishedTo: '2018-06-30' })).toEqual([
      SAMPLE_IDS[2],
      SAMPLE_IDS[3],
    ]);
    expect(ids({ place: ['Cần Thơ'] }, '"thanh uy"')).toEqual([SAMPLE_IDS[0], SAMPLE_IDS[1], SAMPLE_IDS[4]]);
    expect(ids({ place: ['Thanh Trì, Hà Nội'] }, '"thanh uy"')).toEqual([SAMPLE_IDS[2]]);
  });

  it('finds metadata values and corrected text', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    expect(corpus.search('TGCT').map((r) => r.id)).toEqual([SAMPLE_IDS[0]]);
    await corpus.setMetadata(SAMPLE_IDS[2]!, 'author', 'Nguyễn Thanh Hồng', 'Lan');
    expect(corpus.search('nguyen thanh hong').map((r) => r.id)).toEqual([SAMPLE_IDS[2]]);
    const text = corpus.report(SAMPLE_IDS[1]!).text;
    await corpus.saveCorrection(SAMPLE_IDS[1]!, `${text}\nTừ khoá hiếm: xylophon`, 'Lan');
    expect(corpus.search('xylophon').map((r) => r.id)).toEqual([SAMPLE_IDS[1]]);
    expect((await Corpus.open(dir)).search('xylophon').map((r) => r.id)).toEqual([SAMPLE_IDS[1]]);
  });
});
