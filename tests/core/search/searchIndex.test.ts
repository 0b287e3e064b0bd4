import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from '../../../src-main/core/search/searchIndex';

const doc = (id: string, text: string, title = '', meta = ''): SearchDocument => ({ id, title, text, meta });
const ids = (index: SearchIndex, query: string) => index.search(query).map((hit) => hit.id);

function indexOf(...docs: SearchDocument[]): SearchIndex {
  const index = SearchIndex.create();
  for (const d of docs) index.put(d, `key-${d.id}`);
  return index;
}

describe('SearchIndex', () => {
  it('matches a phrase only where its words stand in a row, ignoring case, tones and punctuation', () => {
    const index = indexOf(
      doc('row', 'Ban Thường vụ Thành ủy Cần Thơ họp.'),
      doc('pairs', 'Thành ủy họp; Ủy Cần Thơ và ban Thường vụ.'),
      doc('punct', 'Thành uỷ, Cần Thơ'),
    );
    expect(ids(index, '"thanh uy can tho"').sort()).toEqual(['punct', 'row']);
    // Every adjacent pair occurs in "pairs", never all three in a row: an exact phrase index says no.
    expect(ids(index, '"thanh uy can"').sort()).toEqual(['punct', 'row']);
    expect(ids(index, 'can tho')).toHaveLength(3);
  });

  it('keeps fields apart, ranks title words first, and prefix-matches the last word only', () => {
    const index = indexOf(
      doc('text', 'Hội nghị về công tác Đảng ở Lạng Sơn'),
      doc('title', 'Tin ngắn', 'Lạng Sơn tổng kết'),
      doc('across', 'tổng', 'Báo cáo Lạng'),
    );
    expect(ids(index, 'lang son')).toEqual(['title', 'text']);
    expect(ids(index, '"lang tong"')).toEqual([]);
    expect(ids(index, 'lan')).toEqual(expect.arrayContaining(['text', 'title', 'across']));
    expect(ids(index, 'lan son')).toEqual([]);
    expect(ids(index, 'l')).toEqual([]);
  });

  it('replaces, removes and round-trips through its bytes, dead entries left out', () => {
    const index = indexOf(doc('a', 'Tỉnh ủy Cao Bằng'), doc('b', 'Huyện ủy Thanh Trì'), doc('c', 'Cao Bằng'));
    index.put(doc('a', 'Đảng ủy xã Thanh Trì'), 'key-a2');
    index.remove('c');
    expect(ids(index, 'cao bang')).toEqual([]);
    expect(ids(index, '"thanh tri"').sort()).toEqual(['a', 'b']);
    const bytes = index.serialize();
    const loaded = SearchIndex.deserialize(bytes);
    expect(loaded.ids().sort()).toEqual(['a', 'b']);
    expect(loaded.keyOf('a')).toBe('key-a2');
    expect(loaded.search('"thanh tri"')).toEqual(index.search('"thanh tri"'));
    loaded.put(doc('c', 'Thanh Trì mới'), 'key-c2');
    expect(ids(loaded, '"thanh tri"').sort()).toEqual(['a', 'b', 'c']);
    expect(SearchIndex.deserialize(loaded.serialize()).search('tri')).toEqual(loaded.search('tri'));
    expect(() => SearchIndex.deserialize(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
    expect(() => SearchIndex.deserialize(Buffer.from('\u0004\u0000\u0000\u0000nope'))).toThrow();
  });

  it('merges shards built elsewhere, the merged report replacing an older one', () => {
    const main = indexOf(doc('a', 'bản cũ về Cao Bằng'), doc('b', 'Huyện ủy Thanh Trì'));
    const shard = SearchIndex.deserialize(
      indexOf(doc('a', 'bản mới về Hà Giang'), doc('c', 'Hà Giang')).serialize(),
    );
    main.merge(shard);
    expect(ids(main, 'cao bang')).toEqual([]);
    expect(ids(main, '"ha giang"').sort()).toEqual(['a', 'c']);
    expect(ids(main, 'thanh tri')).toEqual(['b']);
    expect(main.size).toBe(3);
    // Words already in a merged shard are found again when a report is indexed afterwards.
    main.put(doc('d', 'Tin Hà Giang'), 'key-d');
    expect(ids(main, '"ha giang"').sort()).toEqual(['a', 'c', 'd']);
  });

  it('indexes a word longer than any in prose, and words with lone surrogates, exactly', () => {
    const long = 'a'.repeat(10_000);
    const index = indexOf(doc('x', `mở ${long} đóng`), doc('y', `\ud800lẻ loi`));
    expect(ids(index, `"mo ${long} dong"`)).toEqual(['x']);
    expect(ids(index, long.slice(0, 9_999))).toEqual(['x']);
    index.put(doc('z', `${long}`), 'key-z');
    expect(ids(index, long).sort()).toEqual(['x', 'z']);
    expect(ids(index, 'loi')).toEqual(['y']);
  });

  it('gives the best hits alone exactly as the head of the full ranking, ties in id order', () => {
    const docs = Array.from({ length: 300 }, (_, i) =>
      doc(`r${String((i * 7919) % 300).padStart(3, '0')}`, i % 3 ? 'Tỉnh ủy họp' : 'Tỉnh ủy họp bàn Tỉnh ủy'),
    );
    const index = indexOf(...docs);
    const full = index.search('tinh uy');
    expect(full).toHaveLength(300);
    for (const limit of [1, 7, 100, 150, 299])
      expect(index.search('tinh uy', undefined, limit)).toEqual(full.slice(0, limit));
    const tied = full.filter((hit) => hit.score === full.at(-1)!.score).map((hit) => hit.id);
    expect(tied).toEqual([...tied].sort());
  });

  it('keeps positions exact in a long report (multi-byte position deltas)', () => {
    const filler = Array.from({ length: 20000 }, (_, i) => `từ${i}`).join(' ');
    const index = indexOf(doc('long', `${filler} Ban Tổ chức Thành ủy ${filler} kết thúc`));
    expect(ids(index, '"ban to chuc thanh uy"')).toEqual(['long']);
    expect(ids(index, '"to chuc ban"')).toEqual([]);
    expect(ids(index, '"ket thuc"')).toEqual(['long']);
  });
});
