import { diffArrays } from 'diff';

/** One change between two line lists: `a[start, end)` replaced by `lines`. */
export interface LineChange {
  start: number;
  end: number;
  lines: string[];
}

/**
 * Changed lines beyond which the line diff gives up (its cost grows with their number times the text's): the
 * middle that differs is then one change, still exact, only coarser.
 */
const MAX_LINE_EDITS = 2000;

/**
 * The changes that turn lines `a` into lines `b`, in `a`'s positions, sorted; two changes are always
 * separated by at least one unchanged line. Built on the project's `diff` (`diffArrays`).
 */
export function lineChanges(a: readonly string[], b: readonly string[]): LineChange[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const oldMiddle = a.slice(prefix, a.length - suffix);
  const newMiddle = b.slice(prefix, b.length - suffix);
  if (oldMiddle.length === 0 && newMiddle.length === 0) return [];
  const parts = diffArrays(oldMiddle, newMiddle, { maxEditLength: MAX_LINE_EDITS });
  if (!parts) return [{ start: prefix, end: a.length - suffix, lines: newMiddle }];
  const changes: LineChange[] = [];
  let position = prefix;
  let open: LineChange | null = null;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      if (open) changes.push(open);
      open = null;
      position += part.value.length;
      continue;
    }
    open ??= { start: position, end: position, lines: [] };
    if (part.removed) open.end = position += part.value.length;
    else open.lines.push(...part.value);
  }
  if (open) changes.push(open);
  return changes;
}

/**
 * One stretch of a three-way merge of lines: left as in the base (`same`), changed by one side (`ours`,
 * `theirs`) or alike by both (`both`) — `lines` is what the merge keeps — or changed differently by both.
 */
export type Diff3Block =
  | { kind: 'same' | 'ours' | 'theirs' | 'both'; base: string[]; lines: string[] }
  | { kind: 'conflict'; base: string[]; ours: string[]; theirs: string[] };

interface SideChange extends LineChange {
  side: 'ours' | 'theirs';
}

/**
 * A three-way merge of line lists (what `diff3` does): the changes from `base` to each side, those that do
 * not overlap applied, those that do kept as conflict blocks unless both sides made the same change. Lines
 * are paragraphs here, so changes to neighbouring lines do not overlap (unlike git's merge, which conflicts
 * on them); a line inserted at the edge of the other side's change goes before or after it as its place
 * says, and two different insertions at one place conflict.
 */
export function diff3Lines(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
): Diff3Block[] {
  const changes: SideChange[] = [
    ...lineChanges(base, ours).map((c) => ({ ...c, side: 'ours' as const })),
    ...lineChanges(base, theirs).map((c) => ({ ...c, side: 'theirs' as const })),
  ].sort((x, y) => x.start - y.start || x.end - y.end);
  const blocks: Diff3Block[] = [];
  let position = 0;
  const emitGroup = (group: SideChange[]) => {
    const start = Math.min(...group.map((c) => c.start));
    const end = Math.max(...group.map((c) => c.end));
    if (start > position)
      blocks.push({ kind: 'same', base: base.slice(position, start), lines: base.slice(position, start) });
    const baseLines = base.slice(start, end);
    const oursLines = applyWithin(
      base,
      start,
      end,
      group.filter((c) => c.side === 'ours'),
    );
    const theirsLines = applyWithin(
      base,
      start,
      end,
      group.filter((c) => c.side === 'theirs'),
    );
    const sides = new Set(group.map((c) => c.side));
    if (sides.size === 1) {
      blocks.push({
        kind: group[0]!.side,
        base: baseLines,
        lines: sides.has('ours') ? oursLines : theirsLines,
      });
    } else if (sameLines(oursLines, theirsLines)) {
      blocks.push({ kind: 'both', base: baseLines, lines: oursLines });
    } else {
      blocks.push({ kind: 'conflict', base: baseLines, ours: oursLines, theirs: theirsLines });
    }
    position = end;
  };
  let group: SideChange[] = [];
  for (const change of changes) {
    if (group.length > 0 && !group.some((other) => other.side !== change.side && overlap(other, change))) {
      emitGroup(group);
      group = [];
    }
    group.push(change);
  }
  if (group.length > 0) emitGroup(group);
  if (position < base.length) {
    blocks.push({ kind: 'same', base: base.slice(position), lines: base.slice(position) });
  }
  return blocks;
}

/**
 * A conflicted stretch of a merge of lines, at `line` of the merged lines (which hold `ours` there); it
 * replaces the base's lines from `baseLine` and theirs' from `theirsLine`.
 */
export interface LineConflict {
  line: number;
  baseLine: number;
  theirsLine: number;
  base: string[];
  ours: string[];
  theirs: string[];
}

/**
 * The three-way merge of lines as one list, each conflicted stretch holding ours for now and listed with
 * where it is; `fromTheirs` counts the changes taken from theirs alone.
 */
export function mergeLines(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
): { lines: string[]; conflicts: LineConflict[]; fromTheirs: number } {
  const lines: string[] = [];
  const conflicts: LineConflict[] = [];
  let fromTheirs = 0;
  let baseLine = 0;
  let theirsLine = 0;
  for (const block of diff3Lines(base, ours, theirs)) {
    if (block.kind === 'conflict') {
      const { base: was, ours: mine, theirs: other } = block;
      conflicts.push({ line: lines.length, baseLine, theirsLine, base: was, ours: mine, theirs: other });
      lines.push(...block.ours);
      theirsLine += block.theirs.length;
    } else {
      if (block.kind === 'theirs') fromTheirs++;
      lines.push(...block.lines);
      theirsLine += block.kind === 'theirs' || block.kind === 'both' ? block.lines.length : block.base.length;
    }
    baseLine += block.base.length;
  }
  return { lines, conflicts, fromTheirs };
}

/** Whether changes of the two sides touch the same lines, or insert different lines at one place. */
function overlap(x: LineChange, y: LineChange): boolean {
  const xEmpty = x.start === x.end;
  const yEmpty = y.start === y.end;
  if (xEmpty && yEmpty) return x.start === y.start;
  if (xEmpty) return y.start < x.start && x.start < y.end;
  if (yEmpty) return x.start < y.start && y.start < x.end;
  return x.start < y.end && y.start < x.end;
}

/** `base[start, end)` with one side's changes (all inside it, sorted) applied. */
function applyWithin(base: readonly string[], start: number, end: number, changes: LineChange[]): string[] {
  const out: string[] = [];
  let position = start;
  for (const change of changes) {
    out.push(...base.slice(position, change.start), ...change.lines);
    position = change.end;
  }
  out.push(...base.slice(position, end));
  return out;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
