import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../src-main/core';
import type { Hunk, TextCorrection } from '../../../src-main/core/store/schema';
import {
  hunksOf,
  hunksProblem,
  knownHunks,
  rebaseCorrection,
  rebuildBase,
} from '../../../src-main/core/text/correction';
import { diff3Lines, lineChanges, mergeLines } from '../../../src-main/core/text/diff3';

// The correction model: line hunks in the original's lines, the original rebuilt from them, and a
// correction carried onto a changed original by a three-way merge of lines.

const SHARED = path.resolve(import.meta.dirname, '../../../../shared');
/** A real report (UTF-8, LF, NFC: its text is what Folio shows), one paragraph per line. */
const REPORT = readFileSync(path.join(SHARED, 'real-corpus/018_dantri-nganh-tu-phap.txt'), 'utf8');
const LINES = REPORT.split('\n');

const ANA = { editor: 'ana', at: '2026-01-01T10:00:00.000Z' };
const BAO = { editor: 'bảo', at: '2026-02-01T10:00:00.000Z' };

/** The report with line `index` (0-based) changed by `change`. */
function withLine(text: string, index: number, change: (line: string) => string): string {
  const lines = text.split('\n');
  lines[index] = change(lines[index]!);
  return lines.join('\n');
}

/** The real report's typo (paragraph 13) fixed, and its scraper header (first three lines) deleted. */
const CORRECTED = withLine(REPORT, 12, (line) => line.replace('sử đồng tình', 'sự đồng tình'))
  .split('\n')
  .slice(3)
  .join('\n');

function correctionOf(original: string, corrected: string, who = ANA): TextCorrection {
  return { base: 'sha-old', lines: corrected.split('\n'), hunks: hunksOf(original, corrected, [], who) };
}

describe('hunks of a correction', () => {
  it('are line changes in the original’s lines, each with who made it', () => {
    const hunks = hunksOf(REPORT, CORRECTED, [], ANA);
    expect(hunks).toEqual([
      { line: 0, was: LINES.slice(0, 3), now: [], ...ANA },
      { line: 12, was: [LINES[12]], now: [LINES[12]!.replace('sử đồng tình', 'sự đồng tình')], ...ANA },
    ]);
    expect(hunksOf(REPORT, REPORT, [], ANA)).toEqual([]);
  });

  it('keep their provenance when a later edit leaves them as they were, and stamp only the new one', () => {
    const first = hunksOf(REPORT, CORRECTED, [], ANA);
    const further = withLine(CORRECTED, 20, (line) => `${line} (đã sửa)`);
    const hunks = hunksOf(REPORT, further, first, BAO);
    expect(hunks.map((h) => [h.line, h.editor, h.at])).toEqual([
      [0, 'ana', ANA.at],
      [12, 'ana', ANA.at],
      [23, 'bảo', BAO.at],
    ]);
    // A hunk changed again is the later editor's.
    const again = hunksOf(
      REPORT,
      withLine(further, 9, (line) => line.replace('sự', 'sự sự')),
      hunks,
      BAO,
    );
    expect(again.find((h) => h.line === 12)).toMatchObject({ editor: 'bảo' });
    expect(again.find((h) => h.line === 0)).toMatchObject({ editor: 'ana' });
  });

  it('count insertions before a line, at the end too, and tell an empty text from one empty line', () => {
    expect(hunksOf('a\nb', 'a\nx\nb', [], ANA)).toEqual([{ line: 1, was: [], now: ['x'], ...ANA }]);
    expect(hunksOf('a\nb', 'a\nb\n', [], ANA)).toEqual([{ line: 2, was: [], now: [''], ...ANA }]);
    expect(hunksOf('a', '', [], ANA)).toEqual([{ line: 0, was: ['a'], now: [''], ...ANA }]);
  });
});

describe('rebuilding the original from a correction', () => {
  it('gives back the original exactly, from the corrected lines and the hunks alone', () => {
    const further = withLine(CORRECTED, 5, () => '');
    const hunks = hunksOf(REPORT, further, [], ANA);
    expect(rebuildBase(further.split('\n'), hunks)).toBe(REPORT);
    expect(rebuildBase(['a', 'x', 'b'], [{ line: 1, was: [], now: ['x'], ...ANA }])).toBe('a\nb');
    expect(rebuildBase(['only'], [])).toBe('only');
  });

  it('refuses hunks that do not fit the lines, naming the hunk', () => {
    const lines = CORRECTED.split('\n');
    const hunks = hunksOf(REPORT, CORRECTED, [], ANA);
    const moved: Hunk[] = [hunks[0]!, { ...hunks[1]!, line: 13 }];
    expect(hunksProblem(lines, moved)).toEqual({
      index: 1,
      message: 'hunk at line 13 does not match the corrected text at its line 11',
    });
    expect(() => rebuildBase(lines, moved)).toThrow(FolioError);
    expect(() => rebuildBase(lines, moved)).toThrow(/text correction's hunk at line 13 does not match/);
    expect(hunksProblem(lines, [hunks[0]!, hunks[0]!])?.message).toMatch(/precedes the one before it/);
    expect(hunksProblem(['a'], [{ line: 0, was: [], now: [], ...ANA }])?.message).toMatch(/changes nothing/);
    expect(hunksProblem(lines, hunks)).toBeNull();
  });

  it('computes the hunks a format-1 correction did not have, only against the original it was made on', () => {
    const legacy: TextCorrection = {
      base: 'sha-old',
      lines: CORRECTED.split('\n'),
      hunks: null,
      madeBy: ANA,
    };
    expect(knownHunks(legacy, REPORT, 'sha-old')).toEqual(hunksOf(REPORT, CORRECTED, [], ANA));
    expect(knownHunks(legacy, REPORT, 'sha-new')).toBeNull();
  });
});

describe('a three-way merge of lines', () => {
  const base = ['p0', 'p1', 'p2', 'p3', 'p4'];

  it('takes changes of different lines from both sides, neighbouring lines too', () => {
    const ours = ['p0', 'P1', 'p2', 'p3', 'p4'];
    const theirs = ['p0', 'p1', 'P2', 'p3', 'p4 sửa'];
    expect(mergeLines(base, ours, theirs)).toEqual({
      lines: ['p0', 'P1', 'P2', 'p3', 'p4 sửa'],
      conflicts: [],
      fromTheirs: 2,
    });
    expect(diff3Lines(base, ours, theirs).map((b) => b.kind)).toEqual([
      'same',
      'ours',
      'theirs',
      'same',
      'theirs',
    ]);
  });

  it('keeps a change both sides made alike once', () => {
    const both = ['p0', 'P1', 'p2', 'p3', 'p4'];
    expect(diff3Lines(base, both, both).map((b) => b.kind)).toEqual(['same', 'both', 'same']);
    expect(mergeLines(base, both, both).lines).toEqual(both);
  });

  it('makes overlapping different changes a conflict that holds ours, saying where it is', () => {
    const ours = ['p0', 'P1', 'P2', 'p3', 'p4'];
    const theirs = ['p0', 'p1', 'p2 khác', 'p3', 'P4'];
    expect(mergeLines(base, ours, theirs)).toEqual({
      lines: ['p0', 'P1', 'P2', 'p3', 'P4'],
      conflicts: [
        {
          line: 1,
          baseLine: 1,
          theirsLine: 1,
          base: ['p1', 'p2'],
          ours: ['P1', 'P2'],
          theirs: ['p1', 'p2 khác'],
        },
      ],
      fromTheirs: 1,
    });
  });

  it('places lines inserted at the edge of the other side’s change, and conflicts on two insertions at one place', () => {
    const inserted = ['p0', 'p1', 'new', 'p2', 'p3', 'p4'];
    const changed = ['p0', 'p1', 'P2', 'p3', 'p4'];
    expect(mergeLines(base, inserted, changed).lines).toEqual(['p0', 'p1', 'new', 'P2', 'p3', 'p4']);
    const deleted = ['p0', 'p2', 'p3', 'p4'];
    expect(mergeLines(base, deleted, inserted).lines).toEqual(['p0', 'new', 'p2', 'p3', 'p4']);
    const other = ['p0', 'p1', 'other', 'p2', 'p3', 'p4'];
    expect(mergeLines(base, inserted, other).conflicts).toEqual([
      { line: 2, baseLine: 2, theirsLine: 2, base: [], ours: ['new'], theirs: ['other'] },
    ]);
    // An insertion inside a stretch the other side replaced cannot be placed.
    const wide = ['p0', 'P123', 'p4'];
    expect(mergeLines(base, wide, inserted).conflicts).toHaveLength(1);
  });

  it('merges a deletion on one side with an edit elsewhere, and a deletion against an edit of it conflicts', () => {
    const ours = ['p0', 'p3', 'p4'];
    expect(mergeLines(base, ours, ['p0', 'p1', 'p2', 'p3', 'P4']).lines).toEqual(['p0', 'p3', 'P4']);
    expect(mergeLines(base, ours, ['p0', 'P1', 'p2', 'p3', 'p4']).conflicts).toEqual([
      { line: 1, baseLine: 1, theirsLine: 1, base: ['p1', 'p2'], ours: [], theirs: ['P1', 'p2'] },
    ]);
  });

  it('merges corrections of different paragraphs of a real report', () => {
    const ours = CORRECTED.split('\n');
    const theirs = withLine(REPORT, 20, (line) => line.replace('Cơ chế', 'Cơ chế mới')).split('\n');
    const merged = mergeLines(LINES, ours, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.lines.join('\n')).toBe(
      withLine(CORRECTED, 17, (line) => line.replace('Cơ chế', 'Cơ chế mới')),
    );
  });

  it('diffs lines with the project’s diff, as sorted changes apart from each other', () => {
    expect(lineChanges(['a', 'b', 'c', 'd'], ['a', 'B', 'c', 'D', 'e'])).toEqual([
      { start: 1, end: 2, lines: ['B'] },
      { start: 3, end: 4, lines: ['D', 'e'] },
    ]);
    expect(lineChanges(LINES, LINES)).toEqual([]);
  });
});

describe('a correction rebased onto a changed original', () => {
  const correction = correctionOf(REPORT, CORRECTED);

  it('takes a change of the original in a paragraph the editor did not touch, keeping the editor’s changes', () => {
    const rescraped = withLine(REPORT, 19, (line) => line.replace('Lê Thành Long', 'Lê Thành Long (ảnh)'));
    const rebased = rebaseCorrection(correction, rescraped, 'sha-new');
    expect(rebased.applied).toBe(1);
    expect(rebased.conflicts).toEqual([]);
    expect(rebased.text).toBe(
      withLine(CORRECTED, 16, (line) => line.replace('Lê Thành Long', 'Lê Thành Long (ảnh)')),
    );
    expect(rebased.correction).toEqual({
      base: 'sha-new',
      lines: rebased.text.split('\n'),
      hunks: hunksOf(rescraped, rebased.text, [], ANA),
    });
    expect(rebuildBase(rebased.correction!.lines, rebased.correction!.hunks!)).toBe(rescraped);
  });

  it('keeps the editor’s paragraph where the original changed it too, as a conflict, never a silent revert', () => {
    const rescraped = withLine(REPORT, 12, (line) => line.replace('Nhiều quy định', 'Rất nhiều quy định'));
    const rebased = rebaseCorrection(correction, rescraped, 'sha-new');
    const mine = CORRECTED.split('\n')[9]!;
    expect(rebased.text).toBe(CORRECTED);
    expect(rebased.applied).toBe(0);
    expect(rebased.conflicts).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        kind: 'text',
        line: 9,
        base: [LINES[12]],
        ours: [mine],
        theirs: [rescraped.split('\n')[12]],
        source: 'original-changed',
      },
    ]);
    // The kept paragraph is the editor's hunk over the new original, with the editor's provenance.
    expect(rebased.correction!.hunks).toContainEqual({
      line: 12,
      was: [rescraped.split('\n')[12]],
      now: [mine],
      ...ANA,
    });
    expect(rebuildBase(rebased.correction!.lines, rebased.correction!.hunks!)).toBe(rescraped);
    // The same rebase names its conflict alike, on any machine.
    expect(rebaseCorrection(correction, rescraped, 'sha-new').conflicts[0]!.id).toBe(
      rebased.conflicts[0]!.id,
    );
  });

  it('gives the kept paragraph the provenance of whoever changed it, not of the latest editor', () => {
    // Bảo deleted the scraper's header after Ana fixed the typo.
    const headerByBao = hunksOf(REPORT, LINES.slice(3).join('\n'), [], BAO);
    const twoEditors: TextCorrection = {
      base: 'sha-old',
      lines: CORRECTED.split('\n'),
      hunks: hunksOf(REPORT, CORRECTED, headerByBao, ANA),
    };
    expect(twoEditors.hunks!.map((h) => h.editor)).toEqual(['bảo', 'ana']);
    const rescraped = withLine(REPORT, 12, (line) => `${line} Cập nhật.`);
    const rebased = rebaseCorrection(twoEditors, rescraped, 'sha-new');
    expect(rebased.conflicts).toHaveLength(1);
    expect(rebased.correction!.hunks!.map((h) => [h.line, h.editor])).toEqual([
      [0, 'bảo'],
      [12, 'ana'],
    ]);
  });

  it('drops the correction when the new original says what the editor did', () => {
    const rebased = rebaseCorrection(correction, CORRECTED, 'sha-new');
    expect(rebased).toEqual({ correction: null, text: CORRECTED, applied: 0, conflicts: [] });
  });

  it('of format 1, whose old original is gone, makes every difference a conflict, the editor’s text kept', () => {
    const legacy: TextCorrection = {
      base: 'sha-old',
      lines: CORRECTED.split('\n'),
      hunks: null,
      madeBy: BAO,
    };
    const rescraped = withLine(REPORT, 19, (line) => `${line} Thêm.`);
    const rebased = rebaseCorrection(legacy, rescraped, 'sha-new');
    expect(rebased.text).toBe(CORRECTED);
    expect(rebased.conflicts.map((c) => [c.line, c.base, c.ours.length, c.theirs.length])).toEqual([
      [0, [], 0, 3],
      [9, [], 1, 1],
      [16, [], 1, 1],
    ]);
    expect(rebased.correction!.hunks!.every((h) => h.editor === 'bảo')).toBe(true);
  });
});
