import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../../src-main/contract/codepoints';

describe('CodePointIndex', () => {
  it('is the identity on text without astral characters', () => {
    const index = new CodePointIndex('Thành ủy');
    expect(index.toCodePoint(5)).toBe(5);
    expect(index.toUtf16(5)).toBe(5);
    expect(index.length).toBe(8);
  });

  it('counts an emoji as one code point', () => {
    const text = 'a😀b𝐀c';
    const index = new CodePointIndex(text);
    expect(index.length).toBe([...text].length);
    // "b" is at UTF-16 3, code point 2; "c" at UTF-16 6, code point 4.
    expect(index.toCodePoint(3)).toBe(2);
    expect(index.toCodePoint(6)).toBe(4);
    expect(index.toUtf16(2)).toBe(3);
    expect(index.toUtf16(4)).toBe(6);
    expect(index.toUtf16(5)).toBe(7);
  });

  it('maps every offset both ways consistently', () => {
    const text = '😀x😀😀y';
    const index = new CodePointIndex(text);
    for (let cp = 0; cp <= index.length; cp++) {
      expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp);
      expect([...text].slice(0, cp).join('').length).toBe(index.toUtf16(cp));
    }
  });

  it('maps an offset inside a surrogate pair to the pair', () => {
    expect(new CodePointIndex('a😀b').toCodePoint(2)).toBe(1);
  });
});
