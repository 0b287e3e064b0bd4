import type { ReportFilters } from '../../src-main/core';

/** A query of the fixed search mix, with what it exercises. */
export interface BenchQuery {
  kind: string;
  query: string;
  filters: ReportFilters;
}

/**
 * The 20 queries every search figure is measured over: single words with and without diacritics, the old and
 * new tone-mark placement, phrases, a word being typed, filters, a word in every report and words in none.
 */
export const QUERY_MIX: readonly BenchQuery[] = [
  { kind: 'word in every report', query: 'đảng', filters: {} },
  { kind: 'word in every report, no diacritics', query: 'dang', filters: {} },
  { kind: 'word', query: 'Huyện', filters: {} },
  { kind: 'word, no diacritics', query: 'huyen', filters: {} },
  { kind: 'words', query: 'kết nạp', filters: {} },
  { kind: 'words, no diacritics', query: 'ket nap', filters: {} },
  { kind: 'words, new tone marks', query: 'Tỉnh ủy', filters: {} },
  { kind: 'words, old tone marks', query: 'Tỉnh uỷ', filters: {} },
  { kind: 'words, no diacritics', query: 'tinh uy', filters: {} },
  { kind: 'phrase', query: '"tổ chức cơ sở đảng"', filters: {} },
  { kind: 'phrase, no diacritics', query: '"nang cao nang luc lanh dao"', filters: {} },
  { kind: 'phrase', query: '"Ban Chấp hành Trung ương"', filters: {} },
  { kind: 'document number', query: 'Nghị quyết 22-NQ/TW', filters: {} },
  { kind: 'place', query: 'Lạng Sơn', filters: {} },
  { kind: 'word being typed (prefix)', query: 'chấp hà', filters: {} },
  { kind: 'typo in the text', query: 'thánh phố', filters: {} },
  { kind: 'words in no report', query: 'khủng long', filters: {} },
  { kind: 'words, place filter', query: 'hội nghị', filters: { place: ['Cần Thơ'] } },
  {
    kind: 'words, date filter',
    query: 'đảng viên',
    filters: { publishedFrom: '2020-01-01', publishedTo: '2021-12-31' },
  },
  { kind: 'words, reference filter', query: 'kết luận', filters: { reference: ['22-NQ/TW'] } },
];
