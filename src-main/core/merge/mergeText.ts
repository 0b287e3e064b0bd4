import type { Conflict, Provenance, ReportState } from '../store/schema';
import { hunksOf, knownHunks, rebuildBase } from '../text/correction';
import { mergeLines } from '../text/diff3';
import { conflictId } from './conflictId';
import { mergeValue } from './threeWay';

/** The normalised text of a report's original file with the given SHA-256, or null when it cannot be had. */
export type OriginalText = (original: { file: string; sha256: string }) => string | null;

/** The merged correction, the text each side's annotations are on and the merged text they go onto. */
export interface MergedText {
  correction: ReportState['correction'];
  /** The merged text; null when it was not merged (no side corrected it), so offsets stay as they are. */
  merged: string | null;
  /** Each side's text; null where it cannot be had. */
  texts: { base: string | null; ours: string | null; theirs: string | null };
  conflicts: Conflict[];
}

/**
 * Merges the corrected texts line by line (diff3 of the three versions; a side without a correction has
 * the original as its text, rebuilt from a side's correction when it is not given): blocks one side changed
 * are taken, blocks both changed alike once, and blocks changed differently keep ours and become text
 * conflicts. The merged hunks keep the provenance of the sides' hunks they equal.
 */
export function mergeText(
  base: ReportState,
  ours: ReportState,
  theirs: ReportState,
  originalSha256: string,
  originalText: OriginalText = () => null,
): MergedText {
  if ([base, ours, theirs].every((state) => state.correction === null)) {
    return { correction: null, merged: null, texts: { base: null, ours: null, theirs: null }, conflicts: [] };
  }
  const originalOf = originalsOf([base, ours, theirs], originalText);
  const sides = [base, ours, theirs].map((state) => withKnownHunks(state, originalOf));
  const textOf = (state: ReportState) =>
    state.correction ? state.correction.lines.join('\n') : originalOf(state.original.sha256);
  const [baseText, ourText, theirText] = sides.map(textOf);
  const texts = { base: baseText ?? null, ours: ourText ?? null, theirs: theirText ?? null };
  const conflicts: Conflict[] = [];
  let lines: string[];
  if (texts.base !== null && texts.ours !== null && texts.theirs !== null) {
    const merged = mergeLines(texts.base.split('\n'), texts.ours.split('\n'), texts.theirs.split('\n'));
    lines = merged.lines;
    for (const c of merged.conflicts) conflicts.push(textConflict(c.line, c.base, c.ours, c.theirs));
  } else {
    // Without every side's text there is nothing to diff: a correction only one side changed is taken.
    const [b, o, t] = [base, ours, theirs].map((state) => state.correction?.lines ?? null) as [
      string[] | null,
      string[] | null,
      string[] | null,
    ];
    const kept = mergeValue(b, o, t);
    if (kept.conflicted) conflicts.push(textConflict(0, b ?? [], o ?? [], t ?? []));
    if (kept.value === null) return { correction: null, merged: texts.ours, texts, conflicts };
    lines = kept.value;
  }
  const merged = lines.join('\n');
  const original = originalOf(originalSha256);
  if (original === merged) return { correction: null, merged, texts, conflicts };
  const who = latestProvenance(sides);
  const hunks = original === null ? null : hunksOf(original, merged, hunksOn(originalSha256, sides), who);
  return {
    correction: { base: originalSha256, lines, hunks, ...(hunks === null && { madeBy: who }) },
    merged,
    texts,
    conflicts,
  };
}

/**
 * The originals the states' texts were made on, by hash: rebuilt from a correction that has its hunks, else
 * asked for; each found once.
 */
function originalsOf(states: ReportState[], originalText: OriginalText): (sha256: string) => string | null {
  const found = new Map<string, string | null>();
  return (sha256) => {
    if (!found.has(sha256)) {
      const correction = states.find((s) => s.correction?.base === sha256 && s.correction.hunks)?.correction;
      const file =
        states.find((s) => s.original.sha256 === sha256)?.original.file ?? states[1]!.original.file;
      found.set(
        sha256,
        correction ? rebuildBase(correction.lines, correction.hunks!) : originalText({ file, sha256 }),
      );
    }
    return found.get(sha256)!;
  };
}

/** A state whose format-1 correction has its hunks made on its original, when that original can be had. */
function withKnownHunks(state: ReportState, originalOf: (sha256: string) => string | null): ReportState {
  const correction = state.correction;
  if (!correction || correction.hunks) return state;
  const original = originalOf(correction.base);
  const hunks = original === null ? null : knownHunks(correction, original, correction.base);
  return hunks ? { ...state, correction: { base: correction.base, lines: correction.lines, hunks } } : state;
}

function textConflict(line: number, base: string[], ours: string[], theirs: string[]): Conflict {
  return {
    id: conflictId('text', line, ours, theirs),
    kind: 'text',
    line,
    base,
    ours,
    theirs,
    source: 'merge',
  };
}

/** The sides' hunks made on the original with this hash, whose provenance the merged hunks keep. */
function hunksOn(originalSha256: string, sides: ReportState[]) {
  return sides.flatMap((s) => (s.correction?.base === originalSha256 ? (s.correction.hunks ?? []) : []));
}

/** Who changed the text last on any side: stamped on a merged hunk that is no side's own. */
function latestProvenance(sides: ReportState[]): Provenance {
  const all = sides.flatMap((s) => [
    ...(s.correction?.hunks ?? []),
    ...(s.correction?.madeBy ? [s.correction.madeBy] : []),
  ]);
  return all.reduce<Provenance>((last, p) => (p.at > last.at ? p : last), {
    editor: 'merge',
    at: new Date(0).toISOString(),
  });
}
