import { describe, expect, it } from 'vitest';
import { diffSequences } from '../../../src-main/core/text/myers';

/** Length of the longest common subsequence, by dynamic programming: the shortest edit script's yardstick. */
function lcsLength(a: Int32Array, b: Int32Array): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

describe('diffSequences', () => {
  it('finds a shortest edit script that turns one sequence into the other', () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const sequence = () =>
        Int32Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 5));
      const a = sequence();
      const b = sequence();
      const changes = diffSequences(a, b, Infinity)!;
      const rebuilt: number[] = [];
      let cursor = 0;
      let edits = 0;
      for (const change of changes) {
        expect(change.from).toBeGreaterThanOrEqual(cursor);
        rebuilt.push(...a.slice(cursor, change.from), ...b.slice(change.newFrom, change.newTo));
        edits += change.to - change.from + change.newTo - change.newFrom;
        cursor = change.to;
      }
      rebuilt.push(...a.slice(cursor));
      expect(rebuilt).toEqual([...b]);
      expect(edits).toBe(a.length + b.length - 2 * lcsLength(a, b));
    }
  });

  it('gives up past its edit limit or its deadline', () => {
    const a = Int32Array.from({ length: 500 }, (_, i) => i);
    const b = Int32Array.from({ length: 500 }, (_, i) => i + 1000);
    expect(diffSequences(a, b, 10)).toBeNull();
    expect(diffSequences(a, b, Infinity, performance.now() - 1)).toBeNull();
    expect(diffSequences(a, a, 0)).toEqual([]);
  });
});
