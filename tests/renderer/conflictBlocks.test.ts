import { describe, expect, it } from 'vitest';
import type { ChangeDto } from '../../src-main/contract/operations';
import { blockPieces, elided } from '../../src-renderer/changes/blockDiff';
import { changesInBlock } from '../../src-renderer/changes/segments';

// How the changes view shows a conflicted block, without a browser: what differs between the two versions,
// and which changes of the diff stand inside the block.

const change = (newFrom: number, newTo: number): ChangeDto => ({
  from: newFrom,
  to: newFrom,
  newFrom,
  newTo,
  deleted: '',
  inserted: '',
});

describe('the two versions of a block', () => {
  it('mark, word by word, only what each side has and the other has not', () => {
    const { theirs, mine } = blockPieces(
      ['Doanh nghiệp của thành phố Cần Thơ', 'tăng nhanh.'],
      ['Doanh nghiệp của thành phố tăng nhanh.'],
    );
    const own = (pieces: typeof theirs) => pieces.filter((p) => p.own).map((p) => p.text.trim());
    expect(own(theirs)).toEqual(['Cần Thơ']);
    expect(own(mine)).toEqual([]);
    expect(theirs.map((p) => p.text).join('')).toBe('Doanh nghiệp của thành phố Cần Thơ\ntăng nhanh.');
    expect(mine.map((p) => p.text).join('')).toBe('Doanh nghiệp của thành phố tăng nhanh.');
  });

  it('mark a whole version when the other side deleted the block', () => {
    const { theirs, mine } = blockPieces([], ['Các đồng chí lãnh đạo chủ trì Hội nghị.']);
    expect(theirs).toEqual([]);
    expect(mine).toEqual([{ text: 'Các đồng chí lãnh đạo chủ trì Hội nghị.', own: true }]);
  });
});

describe('a long paragraph in a block', () => {
  const words = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => `từ${from + i}`).join(' ');

  it('is cut down to what differs and a few words either side, never inside a word', () => {
    const before = words(60);
    const after = words(60, 100);
    const { theirs } = blockPieces(
      [`${before} thành phố Cần Thơ ${after}`],
      [`${before} thành phố ${after}`],
    );
    const shown = elided(theirs);
    expect(shown[0]).toBeNull();
    expect(shown.at(-1)).toBeNull();
    const kept = shown.filter((p) => p !== null).map((p) => p.text);
    expect(kept.join('')).toContain(' thành phố Cần Thơ ');
    expect(kept.join('').length).toBeLessThan(260);
    // The stretch before is kept from a word's start, the one after up to a word's end.
    const shared = shown.filter((p) => p !== null && !p.own).map((p) => p!.text);
    expect(shared[0]).toMatch(/^từ\d+ /u);
    expect(shared.at(-1)).toMatch(/ từ\d+ $/u);
    expect(shown.filter((p) => p?.own).map((p) => p!.text.trim())).toEqual(['Cần Thơ']);
  });

  it('is left whole when short, and a stretch between two differences keeps both its edges', () => {
    const short = blockPieces(['một hai ba'], ['một bốn ba']).theirs;
    expect(elided(short)).toEqual(short);
    const { mine } = blockPieces([`a ${words(80)} b`], [`c ${words(80)} d`]);
    expect(elided(mine).map((p) => (p === null ? null : p.own))).toEqual([true, false, null, false, true]);
  });
});

describe('the changes inside a block', () => {
  const changes = [change(0, 4), change(10, 12), change(20, 20), change(30, 35), change(40, 41)];

  it('are those that overlap it, a deletion at its edge included, not those that only meet it from outside', () => {
    expect(changesInBlock(changes, { start: 12, end: 30 })).toEqual([2]);
    expect(changesInBlock(changes, { start: 11, end: 31 })).toEqual([1, 2, 3]);
    expect(changesInBlock(changes, { start: 20, end: 25 })).toEqual([2]);
  });

  it('of an empty block (its lines deleted on my side) are the changes at its place', () => {
    expect(changesInBlock(changes, { start: 20, end: 20 })).toEqual([2]);
    expect(changesInBlock(changes, { start: 33, end: 33 })).toEqual([3]);
    expect(changesInBlock(changes, { start: 38, end: 38 })).toEqual([]);
  });
});
