import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src-main/core/search/query';
import { makeSnippet } from '../../../src-main/core/search/snippet';

/** The snippet of `text` for `query`, with its highlighted parts and the words around the first. */
function snippet(text: string, query: string, context?: number) {
  const result = makeSnippet(text, parseQuery(query), context);
  const marked = result.highlights.map(([start, end]) => result.text.slice(start, end));
  const [start, end] = result.highlights[0] ?? [0, 0];
  return { ...result, marked, before: result.text.slice(0, start), after: result.text.slice(end) };
}

/** Numbered filler words, so a cut inside a word would show as a word missing from the text. */
const words = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `từ${from + i}`).join(' ');

describe('makeSnippet', () => {
  it('centres on the match, cuts at spaces and marks both cuts with an ellipsis', () => {
    const text = `${words(0, 40)} Thành ủy Cần Thơ ${words(100, 40)}`;
    const result = snippet(text, '"thanh uy"', 30);
    expect(result.marked).toEqual(['Thành ủy']);
    expect(result.text.startsWith('… từ')).toBe(true);
    expect(result.text.endsWith(' …')).toBe(true);
    // Every word shown is a whole word of the text, in its order.
    const shown = result.text.replace(/^… | …$/g, '');
    expect(` ${text} `).toContain(` ${shown} `);
    // About as much context on each side: within one filler word.
    expect(Math.abs(result.before.length - result.after.length)).toBeLessThanOrEqual(8);
    expect(result.before.length).toBeGreaterThanOrEqual(25);
  });

  it('matches whole words, and only the last loose word as a prefix', () => {
    const text = 'Chỉnh đốn Đảng, chỉ đạo sát sao; Chỉ thị số 36 của Bộ Chính trị';
    expect(snippet(text, 'chỉ thị').marked).toEqual(['chỉ', 'Chỉ thị']);
    // Tones fold away: Chỉnh and Chính are one search word.
    expect(snippet(text, 'chính').marked).toEqual(['Chỉnh', 'Chính']);
    expect(snippet(text, 'chin').marked).toEqual(['Chỉn', 'Chín']);
    expect(snippet(text, 'chi').marked).toEqual(['Chỉ', 'chỉ', 'Chỉ', 'Chí']);
  });

  it('centres on the tightest place where the most words of the query stand, all in view', () => {
    const text = `thị trấn ${words(0, 30)} Chỉ thị số 36 ${words(100, 30)}`;
    const result = snippet(text, 'chỉ thị', 30);
    expect(result.marked).toEqual(['Chỉ thị']);
    expect(result.text).not.toContain('trấn');
    // Words of the query apart by almost the whole context still show together.
    const apart = `${words(0, 30)} Nghị quyết số 22-NQ/TW của Ban Chấp hành Trung ương và Chỉ thị số 36-CT/TW, ${words(100, 30)}`;
    const tight = snippet(apart, '36-CT/TW', 60);
    expect(tight.marked).toEqual(['TW', '36-CT/TW']);
    expect(tight.text.split('36-CT/TW')[1]!.length).toBeGreaterThan(50);
    expect(snippet(apart, 'chấp 36', 60).marked).toEqual(['Chấp', '36']);
  });

  it('shows whitespace runs and line breaks as one space, highlights still on their words', () => {
    const text = 'Hội nghị\n\n  tổng kết\tNghị quyết   số 22-NQ/TW\r\nngày 2/2/2008';
    const result = snippet(text, '"nghi quyet so 22"');
    expect(result.text).toBe('Hội nghị tổng kết Nghị quyết số 22-NQ/TW ngày 2/2/2008');
    expect(result.marked).toEqual(['Nghị quyết số 22']);
  });

  it('shows the opening of the text when nothing matches literally', () => {
    const text = `  ${words(0, 60)}\n`;
    const result = snippet(text, 'Ngọc Quy', 20);
    expect(result.highlights).toEqual([]);
    expect(result.text).toMatch(/^từ0 từ1 .* …$/);
    expect(result.text.length).toBeLessThanOrEqual(40 + 2);
    expect(snippet('Ngắn thôi\n\n', 'zzz').text).toBe('Ngắn thôi');
  });

  it('cuts a word without spaces where the context ends, never inside a surrogate pair', () => {
    const long = '😀'.repeat(80);
    const result = snippet(`xem ${long}`, 'xem', 10);
    expect(result.marked).toEqual(['xem']);
    expect(result.text.endsWith(' …')).toBe(true);
    expect(result.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    // A prefix match inside an ordinary word shows that word whole.
    expect(snippet(`${words(0, 5)} Thànhphố`, 'than', 3).text).toBe('… Thànhphố');
  });
});
