import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../src-renderer/reader/snap';

// What an annotator's drag becomes: whole words, no edge spaces or line breaks (issue 13).

const TEXT = 'Đồng chí Trần Quốc Trung, Bí thư\nThành ủy Cần Thơ 😀 phát biểu.';
const covered = (start: number, end: number) => {
  const span = snapToWords(TEXT, start, end);
  return TEXT.slice(span.start, span.end);
};

describe('snapping a selection to words', () => {
  it('drops the spaces, commas and line breaks at its edges', () => {
    const at = TEXT.indexOf(' Trần');
    expect(covered(at, TEXT.indexOf(',') + 2)).toBe('Trần Quốc Trung');
    const line = TEXT.indexOf('\n');
    expect(covered(line, TEXT.indexOf(' Cần'))).toBe('Thành ủy');
  });

  it('widens a drag that starts or ends inside a word to the whole word, marks included', () => {
    const at = TEXT.indexOf('Quốc');
    expect(covered(at + 1, at + 3)).toBe('Quốc');
    expect(covered(TEXT.indexOf('rần'), TEXT.indexOf('uốc'))).toBe('Trần Quốc');
    const decomposed = 'Thanh Tri\u0300 huyện';
    const span = snapToWords(decomposed, 6, 9);
    expect(decomposed.slice(span.start, span.end)).toBe('Tri\u0300');
  });

  it('keeps an emoji beside words out, and leaves a selection of punctuation alone', () => {
    const emoji = TEXT.indexOf('😀');
    expect(covered(emoji - 4, emoji + 2)).toBe('Thơ');
    const comma = TEXT.indexOf(',');
    expect(snapToWords(TEXT, comma, comma + 1)).toEqual({ start: comma, end: comma + 1 });
  });
});
