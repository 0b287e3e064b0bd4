import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../src-main/core/text/fold';

describe('foldForSearch', () => {
  it('folds case, diacritics and đ', () => {
    expect(foldForSearch('Đảng bộ Thành phố CẦN THƠ')).toBe('dang bo thanh pho can tho');
  });

  it('makes old and new tone-mark placement equal', () => {
    expect(foldForSearch('Thành uỷ')).toBe(foldForSearch('Thành ủy'));
    expect(foldForSearch('khoá')).toBe(foldForSearch('khóa'));
    expect(foldForSearch('hoà')).toBe(foldForSearch('hòa'));
  });

  it('turns NBSP and other spaces into plain spaces', () => {
    expect(foldForSearch('Thành\u00a0ủy\u2003X')).toBe('thanh uy x');
  });

  it('keeps the length so offsets stay valid', () => {
    const text = 'Ủy viên Trung ương Đảng, Bí thư 🇻🇳 ﬁ ß';
    expect(foldForSearch(text)).toHaveLength(text.length);
  });
});
