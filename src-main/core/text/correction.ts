import { FolioError } from '../errors';
import { conflictId } from '../merge/conflictId';
import type { Hunk, Provenance, TextConflict, TextCorrection } from '../store/schema';
import { lineChanges, mergeLines, type LineChange, type LineConflict } from './diff3';

/**
 * The line-level hunks that turn `original` into `corrected`, in the original's line numbers. A hunk equal
 * to one in `previous` (the same lines replaced by the same lines; the nearest when several are) keeps who
 * made it and when; every other one is stamped with `who`.
 */
export function hunksOf(
  original: string,
  corrected: string,
  previous: readonly Hunk[] | null | undefined,
  who: Provenance,
): Hunk[] {
  return hunksWith(original, corrected, previous ?? [], () => who);
}

/** `hunksOf` with the provenance of a new hunk chosen by where it is (original lines `[start, end)`). */
function hunksWith(
  original: string,
  corrected: string,
  previous: readonly Hunk[],
  whoAt: (change: LineChange) => Provenance,
): Hunk[] {
  const unclaimed = new Map<string, Hunk[]>();
  for (const hunk of previous) {
    const key = contentKey(hunk.was, hunk.now);
    unclaimed.set(key, [...(unclaimed.get(key) ?? []), hunk]);
  }
  const originalLines = original.split('\n');
  return lineChanges(originalLines, corrected.split('\n')).map((change) => {
    const was = originalLines.slice(change.start, change.end);
    const now = change.lines;
    const candidates = unclaimed.get(contentKey(was, now)) ?? [];
    const nearest = candidates.reduce<Hunk | null>(
      (best, hunk) =>
        best === null || Math.abs(hunk.line - change.start) < Math.abs(best.line - change.start)
          ? hunk
          : best,
      null,
    );
    if (nearest) candidates.splice(candidates.indexOf(nearest), 1);
    const { editor, at } = nearest ?? whoAt(change);
    return { line: change.start, was, now, editor, at };
  });
}

function contentKey(was: readonly string[], now: readonly string[]): string {
  return JSON.stringify([was, now]);
}

/**
 * What is wrong with a correction's hunks (null when nothing): they must be in order, apart, and each `now`
 * must stand in `lines` where the hunk puts it. Returns the index of the first bad hunk.
 */
export function hunksProblem(
  lines: readonly string[],
  hunks: readonly Hunk[],
): { index: number; message: string } | null {
  let baseLine = 0;
  let cursor = 0;
  for (const [index, hunk] of hunks.entries()) {
    if (hunk.line < baseLine) {
      return { index, message: `hunk at line ${hunk.line} overlaps or precedes the one before it` };
    }
    if (hunk.was.length === 0 && hunk.now.length === 0) {
      return { index, message: `hunk at line ${hunk.line} changes nothing` };
    }
    cursor += hunk.line - baseLine;
    const now = lines.slice(cursor, cursor + hunk.now.length);
    if (now.length !== hunk.now.length || now.some((line, i) => line !== hunk.now[i])) {
      return {
        index,
        message: `hunk at line ${hunk.line} does not match the corrected text at its line ${cursor + 1}`,
      };
    }
    cursor += hunk.now.length;
    baseLine = hunk.line + hunk.was.length;
  }
  if (cursor > lines.length) return { index: hunks.length - 1, message: 'hunks run past the corrected text' };
  return null;
}

/**
 * The original a correction was made on, rebuilt from its lines and hunks alone (what makes a three-way
 * merge possible without the old file). Throws `FolioError('corrupt-sidecar')` when they do not fit.
 */
export function rebuildBase(lines: readonly string[], hunks: readonly Hunk[]): string {
  const problem = hunksProblem(lines, hunks);
  if (problem) throw new FolioError('corrupt-sidecar', `the text correction's ${problem.message}`);
  const base: string[] = [];
  let baseLine = 0;
  let cursor = 0;
  for (const hunk of hunks) {
    const unchanged = hunk.line - baseLine;
    base.push(...lines.slice(cursor, cursor + unchanged), ...hunk.was);
    cursor += unchanged + hunk.now.length;
    baseLine = hunk.line + hunk.was.length;
  }
  base.push(...lines.slice(cursor));
  return base.join('\n');
}

/**
 * The hunks of a correction, computed against `original` when they are unknown (a format-1 correction) and
 * it is the original the correction was made on (its hash is `originalSha256`); null when they are unknown
 * and cannot be known from this original.
 */
export function knownHunks(
  correction: TextCorrection,
  original: string,
  originalSha256: string,
): Hunk[] | null {
  if (correction.hunks) return correction.hunks;
  if (correction.base !== originalSha256 || !correction.madeBy) return null;
  return hunksOf(original, correction.lines.join('\n'), [], correction.madeBy);
}

/** A correction carried onto a changed original, with what happened on the way. */
export interface RebasedCorrection {
  /** Null when the corrected text is the new original itself. */
  correction: TextCorrection | null;
  /** The corrected text now: the new original with the editor's changes, and ours where they conflict. */
  text: string;
  /** How many changes of the original were taken into the corrected text. */
  applied: number;
  /** Where the original and the editor changed the same lines differently; the text keeps the editor's. */
  conflicts: TextConflict[];
}

/**
 * Carries a correction onto its original changed on disk (hash `newSha256`): a three-way merge of lines
 * with the rebuilt old original as base, the new original as theirs and the corrected text as ours. Changes
 * of the original the editor did not touch are taken; where both changed the same lines differently the
 * editor's text stays, provisionally, and a conflict (`source: 'original-changed'`) says what the original
 * has there — never a silent revert. A format-1 correction whose old original is gone (no hunks) has no base:
 * every difference from the new original is such a conflict, its base empty.
 */
export function rebaseCorrection(
  correction: TextCorrection,
  newOriginal: string,
  newSha256: string,
): RebasedCorrection {
  const ours = correction.lines;
  const theirs = newOriginal.split('\n');
  const merged = correction.hunks
    ? mergeLines(rebuildBase(ours, correction.hunks).split('\n'), ours, theirs)
    : mergeWithoutBase(ours, theirs);
  const text = merged.lines.join('\n');
  const conflicts = merged.conflicts.map(({ line, base, ours: mine, theirs: original }): TextConflict => ({
    id: conflictId('text', line, mine, original),
    kind: 'text',
    line,
    base,
    ours: mine,
    theirs: original,
    source: 'original-changed',
  }));
  if (text === newOriginal) return { correction: null, text, applied: merged.fromTheirs, conflicts };
  const previous = correction.hunks ?? [];
  const fallback = latest(previous) ?? correction.madeBy!;
  // A hunk that is none of the old ones is the editor's text kept over the new original's where they
  // conflict: it is the work of whoever made the old hunks there.
  const hunks = hunksWith(newOriginal, text, previous, (change) => {
    const conflict = merged.conflicts.find((c) =>
      touches(change.start, change.end, c.theirsLine, c.theirsLine + c.theirs.length),
    );
    const made = conflict
      ? previous.filter((h) =>
          touches(h.line, h.line + h.was.length, conflict.baseLine, conflict.baseLine + conflict.base.length),
        )
      : [];
    return latest(made) ?? fallback;
  });
  return {
    correction: { base: newSha256, lines: merged.lines, hunks },
    text,
    applied: merged.fromTheirs,
    conflicts,
  };
}

/** Every difference between the editor's lines and the new original as a conflict, with no base to tell. */
function mergeWithoutBase(ours: readonly string[], theirs: readonly string[]): ReturnType<typeof mergeLines> {
  const lines: string[] = [];
  const conflicts: LineConflict[] = [];
  let position = 0;
  for (const change of lineChanges(theirs, ours)) {
    lines.push(...theirs.slice(position, change.start));
    conflicts.push({
      line: lines.length,
      baseLine: 0,
      theirsLine: change.start,
      base: [],
      ours: change.lines,
      theirs: theirs.slice(change.start, change.end),
    });
    lines.push(...change.lines);
    position = change.end;
  }
  lines.push(...theirs.slice(position));
  return { lines, conflicts, fromTheirs: 0 };
}

/** Whether two line ranges share a line, or an empty one (an insertion) stands in or at the edge of the other. */
function touches(start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (start === end || otherStart === otherEnd) return start <= otherEnd && otherStart <= end;
  return start < otherEnd && otherStart < end;
}

function latest(hunks: readonly Provenance[]): Provenance | null {
  return hunks.reduce<Provenance | null>(
    (last, hunk) => (last === null || hunk.at > last.at ? hunk : last),
    null,
  );
}
