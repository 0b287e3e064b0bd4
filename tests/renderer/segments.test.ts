import { describe, expect, it } from 'vitest';
import type { ChangeDto } from '../../src-main/contract/operations';
import { afterRevert, clampPosition, START, stepChange } from '../../src-renderer/changes/navigation';
import { pluralForm } from '../../src-renderer/lib/plural';
import { inlineSegments, sideRows, type SideRow } from '../../src-renderer/changes/segments';

// The changes view's rows and its walk through the changes, without a browser.

/** The changes that turn `original` into the text with each `[needle, replacement]` applied once, in order. */
function corrections(original: string, edits: Array<[string, string]>): ChangeDto[] {
  let shift = 0;
  let after = 0;
  return edits.map(([needle, replacement]) => {
    const from = original.indexOf(needle, after);
    expect(from, needle).toBeGreaterThanOrEqual(after);
    after = from + needle.length;
    const change = {
      from,
      to: after,
      newFrom: from + shift,
      newTo: from + shift + replacement.length,
      deleted: needle,
      inserted: replacement,
    };
    shift += replacement.length - needle.length;
    return change;
  });
}

/** A row as text: each side's pieces joined, a change in brackets with its number. */
const show = (row: SideRow) =>
  (['left', 'right'] as const).map((side) =>
    row[side].map((p) => (p.kind === 'same' ? p.text : `[${p.change}:${p.text}]`)).join(''),
  );

const rows = (original: string, edits: Array<[string, string]>) =>
  sideRows(inlineSegments(original, corrections(original, edits))).map(show);

describe('the side-by-side rows', () => {
  it('cut at each newline the two texts share, a blank line an empty row, no row after the last newline', () => {
    const original = 'Tiêu đề\n\nThành ủy Cần Thơ tổ chức\nHội nghị.\n';
    expect(rows(original, [['Cần Thơ', 'TP Cần Thơ']])).toEqual([
      ['Tiêu đề', 'Tiêu đề'],
      ['', ''],
      ['Thành ủy [0:Cần Thơ] tổ chức', 'Thành ủy [0:TP Cần Thơ] tổ chức'],
      ['Hội nghị.', 'Hội nghị.'],
    ]);
  });

  it('keep a change that deletes or inserts newlines inside one row', () => {
    const original = 'Một\nhai\nba\nbốn';
    expect(
      rows(original, [
        ['\nhai', ''],
        ['ba', 'ba\nBa rưỡi'],
      ]),
    ).toEqual([
      ['Một[0:\nhai]', 'Một[0:]'],
      ['[1:ba]', '[1:ba\nBa rưỡi]'],
      ['bốn', 'bốn'],
    ]);
  });

  it('put neighbouring changes on one line in one row, and list them', () => {
    const original = 'thánh phố Cần Thờ\nTin, ảnh';
    const changes = corrections(original, [
      ['thánh', 'thành'],
      ['Thờ', 'Thơ'],
    ]);
    const [first, second] = sideRows(inlineSegments(original, changes));
    expect(first!.changes).toEqual([0, 1]);
    expect(second!.changes).toEqual([]);
  });

  it('start with the change when the text does, and end with one after a final newline', () => {
    const original = 'Ngày 5/7\nTin\n156';
    expect(
      rows(original, [
        ['Ngày', 'Sáng ngày'],
        ['\n156', ''],
      ]),
    ).toEqual([
      ['[0:Ngày] 5/7', '[0:Sáng ngày] 5/7'],
      ['Tin[1:\n156]', 'Tin[1:]'],
    ]);
    expect(sideRows(inlineSegments('', []))).toEqual([]);
  });
});

describe('stepping through changes', () => {
  it('starts before the first change, and stops at either end', () => {
    expect(stepChange(START, 1, 3)).toBe(0);
    expect(stepChange(START, -1, 3)).toBeNull();
    expect(stepChange({ current: 1, resume: 1 }, 1, 3)).toBe(2);
    expect(stepChange({ current: 2, resume: 2 }, 1, 3)).toBeNull();
    expect(stepChange({ current: 1, resume: 1 }, -1, 3)).toBe(0);
    expect(stepChange(START, 1, 0)).toBeNull();
  });

  it('after reverting the current change, goes on to the one that followed it, or back to the one before', () => {
    const after = afterRevert({ current: 2, resume: 2 }, [2]);
    expect(after).toEqual({ current: null, resume: 2 });
    expect(stepChange(after, 1, 4)).toBe(2);
    expect(stepChange(after, -1, 4)).toBe(1);
  });

  it('stays on the current change when another is reverted, renumbered', () => {
    expect(afterRevert({ current: 3, resume: 3 }, [0, 1])).toEqual({ current: 1, resume: 1 });
    expect(afterRevert({ current: 1, resume: 1 }, [2])).toEqual({ current: 1, resume: 1 });
    expect(afterRevert({ current: 1, resume: 1 }, [0, 1, 2])).toEqual({ current: null, resume: 0 });
  });

  it('keeps inside the changes left when fewer remain', () => {
    expect(clampPosition({ current: 4, resume: 4 }, 2)).toEqual({ current: null, resume: 2 });
    expect(stepChange(clampPosition({ current: 4, resume: 4 }, 2), -1, 2)).toBe(1);
    expect(clampPosition({ current: 1, resume: 1 }, 2)).toEqual({ current: 1, resume: 1 });
  });
});

describe('the plural form of a count', () => {
  it('is "one" for a single thing in English, and never in Vietnamese', () => {
    expect([0, 1, 2, 21].map((n) => pluralForm('en', n))).toEqual(['other', 'one', 'other', 'other']);
    expect([0, 1, 2].map((n) => pluralForm('vi', n))).toEqual(['other', 'other', 'other']);
  });
});
