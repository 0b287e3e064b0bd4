import { describe, expect, it } from 'vitest';
import { applyChanges, diffTexts } from '../../../src-main/core/text/diff';
import { ChangeMapping, mapSpan } from '../../../src-main/core/text/mapping';

describe('diffTexts', () => {
  it('finds a single word change in Vietnamese text', () => {
    const before = 'trên địa bàn thánh phố được thực hiện';
    const after = 'trên địa bàn thành phố được thực hiện';
    expect(diffTexts(before, after)).toEqual([
      { from: 13, to: 18, newFrom: 13, newTo: 18, deleted: 'thánh', inserted: 'thành' },
    ]);
  });

  it('keeps whitespace-only changes visible', () => {
    const changes = diffTexts('Thành ủy  Cần Thơ', 'Thành ủy Cần Thơ');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ deleted: '  ', inserted: ' ' });
  });

  it('reports a deleted debris line as one deletion', () => {
    const before = 'Tiêu đề\nView count: 220\nNội dung';
    const after = 'Tiêu đề\nNội dung';
    const changes = diffTexts(before, after);
    expect(changes.map((c) => c.deleted).join('')).toBe('View count: 220\n');
    expect(changes.every((c) => c.inserted === '')).toBe(true);
  });

  it('is exact: applying the changes reproduces the new text', () => {
    const before = 'Một hai ba.\nBốn năm sáu bảy.\nTám chín mười.\n';
    const after = 'Một hai ba bốn.\nBốn năm  sáu.\nTám chín mười một.\nMười hai.';
    const changes = diffTexts(before, after);
    expect(applyChanges(before, changes)).toBe(after);
    for (const change of changes) {
      expect(before.slice(change.from, change.to)).toBe(change.deleted);
      expect(after.slice(change.newFrom, change.newTo)).toBe(change.inserted);
    }
  });

  it('never splits a syllable at the edge of the common prefix', () => {
    const changes = diffTexts('Thành ủy', 'Thánh ủy');
    expect(changes).toEqual([{ from: 0, to: 5, newFrom: 0, newTo: 5, deleted: 'Thành', inserted: 'Thánh' }]);
  });

  it('diffs a correction of words all through a text line against line, word by word', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `Đoạn ${i}: Thành ủy họp bàn công tác.`);
    const corrected = lines.map((line, i) => (i % 2 ? line.replace('họp', 'hợp') : line));
    const before = lines.join('\n');
    const after = corrected.join('\n');
    const changes = diffTexts(before, after);
    expect(changes).toHaveLength(300);
    expect(changes.every((c) => c.deleted === 'họp' && c.inserted === 'hợp')).toBe(true);
    expect(applyChanges(before, changes)).toBe(after);
  });

  it('falls back to a coarse but exact diff when a hunk times out', () => {
    const words = (seed: number) => Array.from({ length: 4000 }, (_, i) => `w${(i * seed) % 997}`).join(' ');
    const before = words(7);
    const after = words(13);
    const changes = diffTexts(before, after, { hunkTimeoutMs: 0, lineTimeoutMs: 0 });
    expect(applyChanges(before, changes)).toBe(after);
  });
});

describe('mapSpan', () => {
  const map = (before: string, after: string, span: [number, number]) =>
    mapSpan(ChangeMapping.forward(diffTexts(before, after)), span[0], span[1]);

  it('keeps a span on its words when text is inserted before it', () => {
    const before = 'đồng chí Trần Quốc Trung phát biểu';
    const after = 'Hôm nay, đồng chí Trần Quốc Trung phát biểu';
    const span = map(before, after, [9, 24]);
    expect(after.slice(span.start, span.end)).toBe('Trần Quốc Trung');
  });

  it('does not grow when text is typed right at its edges', () => {
    const before = 'A Trần Quốc Trung B';
    const after = 'A ông Trần Quốc Trung nói B';
    const span = map(before, after, [2, 17]);
    expect(after.slice(span.start, span.end)).toBe('Trần Quốc Trung');
  });

  it('follows a typo fix inside the span', () => {
    const before = 'trên địa bàn thánh phố Cần Thơ';
    const after = 'trên địa bàn thành phố Cần Thơ';
    const span = map(before, after, [13, 22]);
    expect(after.slice(span.start, span.end)).toBe('thành phố');
    expect(span.collapsed).toBe(false);
  });

  it('collapses, without jumping to another occurrence, when its words are deleted', () => {
    const before = 'Cần Thơ và Cần Thơ';
    const after = 'Cần Thơ và ';
    const span = map(before, after, [11, 18]);
    expect(span).toEqual({ start: 11, end: 11, collapsed: true });
  });

  it('maps backwards onto the original, collapsing on inserted text', () => {
    const original = 'Bí thư Thành ủy';
    const corrected = 'Bí thư Thường trực Thành ủy';
    const changes = diffTexts(original, corrected);
    const backward = ChangeMapping.backward(changes);
    const inserted = mapSpan(backward, 7, 18);
    expect(inserted.collapsed).toBe(true);
    const kept = mapSpan(backward, 19, 27);
    expect(original.slice(kept.start, kept.end)).toBe('Thành ủy');
  });
});
