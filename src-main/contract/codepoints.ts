const HIGH_SURROGATE = /[\ud800-\udbff]/;

/**
 * Converts between UTF-16 offsets (how JavaScript indexes strings) and Unicode code point offsets (how
 * exports, Python, brat and doccano count). Built once per text; O(1) when the text has no astral characters.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the second unit of each surrogate pair, ascending. */
  private readonly lowSurrogates: number[] = [];

  constructor(readonly text: string) {
    // Most texts have no astral character at all; a regex finds that out far faster than a loop.
    if (!HIGH_SURROGATE.test(text)) return;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) this.lowSurrogates.push(++i);
      }
    }
  }

  /** The code point offset of a UTF-16 offset (an offset inside a pair counts as the pair's start). */
  toCodePoint(utf16: number): number {
    return utf16 - this.countBelow(utf16 + 1);
  }

  /** The UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    // Each low surrogate before the answer shifts it by one; astral characters are rare, so a walk is enough.
    let offset = codePoint;
    for (const low of this.lowSurrogates) {
      if (low <= offset) offset++;
      else break;
    }
    return offset;
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.text.length - this.lowSurrogates.length;
  }

  private countBelow(limit: number): number {
    let lo = 0;
    let hi = this.lowSurrogates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lowSurrogates[mid]! < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
