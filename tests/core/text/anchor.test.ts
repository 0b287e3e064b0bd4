import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../../src-main/contract/codepoints';
import type { StoredAnnotation } from '../../../src-main/core/store/schema';
import { anchorAt, CONTEXT_CODE_POINTS, seekQuote, textKeyOf } from '../../../src-main/core/text/anchor';
import { reanchor, repairAnchors } from '../../../src-main/core/text/reanchor';

// Anchors that survive a change of text: the quote with its context (a W3C TextQuoteSelector) and the key
// of the text its offsets were made on, and the one repair path that checks them.

const SHARED = path.resolve(import.meta.dirname, '../../../../shared');
/** A real report, one paragraph per line, where "Trần Thanh Mẫn" occurs five times. */
const REPORT = readFileSync(path.join(SHARED, 'real-corpus/014_dangcongsan-tran-thanh-man.txt'), 'utf8');
const NAME = 'Trần Thanh Mẫn';

/** Code point offset of the `n`-th (1-based) occurrence of `quote` in `text`. */
function nth(text: string, quote: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" occurs fewer than ${n} times`);
  }
  return new CodePointIndex(text).toCodePoint(at);
}

/** An annotation on `[start, end)` of `text`, anchored as Folio makes one. */
function annotation(text: string, start: number, end: number, id = 'a'): StoredAnnotation {
  return {
    id,
    ...anchorAt(new CodePointIndex(text), start, end, textKeyOf(null, 'old')),
    label: 'Person',
    note: '',
    orphaned: false,
    author: 'ana',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

/** The text an annotation's offsets cover. */
function covered(text: string, a: StoredAnnotation): string {
  return [...text].slice(a.start, a.end).join('');
}

const NEW_KEY = textKeyOf(null, 'new');

describe('anchorAt', () => {
  it('keeps up to 32 code points either side, whole characters, fewer at the ends of the text', () => {
    const text = `😀${'a'.repeat(40)}QUOTE${'b'.repeat(40)}😀`;
    const start = [...text].indexOf('Q');
    const anchor = anchorAt(new CodePointIndex(text), start, start + 5, 'k');
    expect(anchor).toEqual({
      start,
      end: start + 5,
      quote: 'QUOTE',
      prefix: 'a'.repeat(CONTEXT_CODE_POINTS),
      suffix: 'b'.repeat(CONTEXT_CODE_POINTS),
      revision: 'k',
    });
    const astral = '😀😀😀 x 😀😀😀';
    const x = anchorAt(new CodePointIndex(astral), 4, 5, null);
    expect(x).toMatchObject({ quote: 'x', prefix: '😀😀😀 ', suffix: ' 😀😀😀' });
  });

  it('names the text a correction made by its hash and an uncorrected one by its original', () => {
    expect(textKeyOf(null, 'abc')).toBe('original:abc');
    expect(textKeyOf('text', 'abc')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('seekQuote', () => {
  it('takes the occurrence in its own surroundings, not a nearer one elsewhere (the nearest right one)', () => {
    // The 3rd occurrence annotated; the re-scraped text has an extra paragraph above it, long enough that
    // the 2nd occurrence now stands nearer the old offsets than the 3rd does.
    const start = nth(REPORT, NAME, 3);
    const a = annotation(REPORT, start, start + [...NAME].length);
    const gap = start - nth(REPORT, NAME, 2);
    const inserted = `${'Thông tin thêm. '.repeat(Math.ceil((gap * 0.7) / 16))}\n`;
    const firstLineEnd = REPORT.indexOf('\n') + 1;
    const changed = REPORT.slice(0, firstLineEnd) + inserted + REPORT.slice(firstLineEnd);
    const shift = [...inserted].length;
    expect(Math.abs(nth(changed, NAME, 2) - start)).toBeLessThan(shift);
    expect(seekQuote(new CodePointIndex(changed), a)).toBe(start + shift);
  });

  it('among occurrences in the same surroundings, takes the nearest to the old place', () => {
    const paragraph = 'Đồng chí Trần Quốc Trung phát biểu chỉ đạo hội nghị tại Cần Thơ.';
    const text = `${paragraph}\n${paragraph}\n${paragraph}`;
    const second = nth(text, 'Trần Quốc Trung', 2);
    const a = annotation(text, second, second + 15);
    // Text inserted at the top shifts each occurrence by 4: the second is still the nearest.
    expect(seekQuote(new CodePointIndex(`Mới\n${text}`), a)).toBe(second + 4);
  });

  it('without a whole match, weighs only the nearest occurrence on each side, by how much context matches', () => {
    const text = 'một A hai … ba A bốn … năm A sáu';
    const index = new CodePointIndex(text);
    const at = (n: number) => nth(text, 'A', n);
    const seek = (prefix: string, suffix: string, start: number) =>
      seekQuote(index, {
        start,
        end: start + 1,
        quote: 'A',
        prefix,
        suffix,
        revision: null,
        orphaned: false,
      });
    // The 3rd matches most of its context but is never taken over the nearest on either side.
    expect(seek('XX năm ', ' sáu', at(1) + 2)).toBe(at(1));
    // Of the nearest on each side, the one matching more context wins even when farther…
    expect(seek('một ', ' XX', at(2) - 3)).toBe(at(1));
    // …on a tie the nearer, and on a tie of distance too the earlier.
    expect(seek('X', 'Y', at(2) - 3)).toBe(at(2));
    const middle = (at(2) + at(3)) / 2;
    expect(Number.isInteger(middle)).toBe(true);
    expect(seek('X', 'Y', middle)).toBe(at(2));
  });

  it('gives null when the quote is gone, and brings an orphan back only in its whole context', () => {
    const text = 'Bí thư Thành ủy Trần Quốc Trung phát biểu.';
    const index = new CodePointIndex(text);
    const start = nth(text, 'Trần Quốc Trung', 1);
    const anchor = anchorAt(index, start, start + 15, null);
    expect(seekQuote(index, { ...anchor, quote: 'Nguyễn Văn A', orphaned: false })).toBeNull();
    expect(seekQuote(index, { ...anchor, start: 0, end: 0, orphaned: true })).toBe(start);
    expect(seekQuote(index, { ...anchor, prefix: 'khác ', start: 0, end: 0, orphaned: true })).toBeNull();
    // One migrated from format 1 has no context: live, it takes the nearest; orphaned, it stays so.
    const bare = { ...anchor, prefix: '', suffix: '' };
    expect(seekQuote(index, { ...bare, start: 3, orphaned: false })).toBe(start);
    expect(seekQuote(index, { ...bare, start: 3, orphaned: true })).toBeNull();
  });
});

describe('repairAnchors', () => {
  it('leaves an annotation of the current text that covers its quote as it is, the very object', () => {
    const start = nth(REPORT, NAME, 2);
    const a = { ...annotation(REPORT, start, start + 14), revision: NEW_KEY };
    const repair = repairAnchors([a], REPORT, NEW_KEY);
    expect(repair.annotations[0]).toBe(a);
    expect(repair).toMatchObject({ repaired: 0, orphaned: 0 });
  });

  it('stamps one made on another revision that still covers its words, without counting it as moved', () => {
    const start = nth(REPORT, NAME, 2);
    const a = annotation(REPORT, start, start + 14);
    const repair = repairAnchors([a], REPORT, NEW_KEY);
    expect(repair.annotations[0]).toEqual({ ...a, revision: NEW_KEY });
    expect(repair).toMatchObject({ repaired: 0, orphaned: 0 });
  });

  it('moves annotations onto their words in a text changed without a mapping, and orphans those whose words are gone', () => {
    const lines = REPORT.split('\n');
    const kept = nth(REPORT, NAME, 4);
    const gone = nth(REPORT, 'Singapore', 1);
    const a = [annotation(REPORT, kept, kept + 14, 'kept'), annotation(REPORT, gone, gone + 9, 'gone')];
    // Re-scraped: a line added at the top, and "Singapore" written "Xin-ga-po" throughout.
    const changed = ['# url = https://dangcongsan.vn/…', ...lines]
      .join('\n')
      .replaceAll('Singapore', 'Xin-ga-po');
    const repair = repairAnchors(a, changed, NEW_KEY);
    expect(repair).toMatchObject({ repaired: 1, orphaned: 1 });
    const [moved, orphan] = repair.annotations;
    expect(covered(changed, moved!)).toBe(NAME);
    expect(moved).toMatchObject({ revision: NEW_KEY, orphaned: false });
    expect(moved!.prefix).toBe(a[0]!.prefix);
    expect(orphan).toMatchObject({
      orphaned: true,
      quote: 'Singapore',
      start: gone,
      end: gone,
      revision: NEW_KEY,
    });
  });

  it('carries annotations through the diff when the earlier text is known, words respelled included', () => {
    const start = nth(REPORT, 'Singapore', 2);
    const a = annotation(REPORT, start, start + 9);
    const changed = `Mở đầu.\n${REPORT.replaceAll('Singapore', 'Singapore (Xin-ga-po)')}`;
    const repair = repairAnchors([a], changed, NEW_KEY, { from: REPORT });
    expect(covered(changed, repair.annotations[0]!)).toBe('Singapore');
    expect(repair.annotations[0]!.start).toBe(nth(changed, 'Singapore', 2));
    expect(repair.repaired).toBe(1);
    // The same edit through reanchor directly, stamped with the new text's key.
    expect(reanchor([a], REPORT, changed, NEW_KEY)).toEqual(repair.annotations);
  });

  it('repairs an annotation of the current revision whose offsets were edited by hand', () => {
    const start = nth(REPORT, NAME, 2);
    const good = { ...annotation(REPORT, start, start + 14), revision: NEW_KEY };
    const repair = repairAnchors([{ ...good, start: start + 3, end: start + 17 }], REPORT, NEW_KEY);
    expect(repair.annotations[0]).toEqual(good);
    expect(repair.repaired).toBe(1);
  });
});
