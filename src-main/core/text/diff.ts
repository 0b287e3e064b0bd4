import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';

/** One change between two texts: `[from, to)` of the old text was replaced by `[newFrom, newTo)` of the new. */
export interface TextChange {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
  deleted: string;
  inserted: string;
}

/** Limits that keep a diff from hanging on pathological input; a hunk over them is diffed coarsely. */
export interface DiffOptions {
  /** Milliseconds allowed for the word diff of one changed hunk. */
  hunkTimeoutMs?: number;
  /** Milliseconds allowed for the line diff of the whole text. */
  lineTimeoutMs?: number;
}

const DEFAULT_OPTIONS: Required<DiffOptions> = { hunkTimeoutMs: 50, lineTimeoutMs: 200 };

/**
 * The changes that turn `before` into `after`, at word level (whitespace runs are tokens, so whitespace-only
 * edits are visible). Lines are diffed first and words only inside changed lines, which keeps large texts fast;
 * a hunk whose word diff exceeds its time limit becomes one coarse replacement, still an exact diff.
 */
export function diffTexts(before: string, after: string, options: DiffOptions = {}): TextChange[] {
  const limits = { ...DEFAULT_OPTIONS, ...options };
  if (before === after) return [];
  // Trimming the common ends first makes the usual small correction cost nothing, whatever the text's size.
  const prefix = commonPrefixLength(before, after);
  const suffix = commonSuffixLength(before, after, prefix);
  const oldMiddle = before.slice(prefix, before.length - suffix);
  const newMiddle = after.slice(prefix, after.length - suffix);
  const lineParts = diffLines(oldMiddle, newMiddle, { timeout: limits.lineTimeoutMs });
  const hunks = lineParts ? changedHunks(lineParts) : [wholeHunk(oldMiddle, newMiddle)];
  const changes: TextChange[] = [];
  for (const hunk of hunks) {
    const oldText = oldMiddle.slice(hunk.from, hunk.to);
    const newText = newMiddle.slice(hunk.newFrom, hunk.newTo);
    const wordParts = diffWordsWithSpace(oldText, newText, { timeout: limits.hunkTimeoutMs });
    const local = wordParts ? changesFromParts(wordParts) : [replacement(0, 0, oldText, newText)];
    for (const change of local) {
      changes.push(shift(change, prefix + hunk.from, prefix + hunk.newFrom));
    }
  }
  return changes;
}

/** Applies changes (old-text coordinates, sorted) to `before`; the inverse of `diffTexts`. */
export function applyChanges(before: string, changes: readonly TextChange[]): string {
  let out = '';
  let cursor = 0;
  for (const change of changes) {
    out += before.slice(cursor, change.from) + change.inserted;
    cursor = change.to;
  }
  return out + before.slice(cursor);
}

interface Hunk {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
}

function changedHunks(parts: ChangeObject<string>[]): Hunk[] {
  const hunks: Hunk[] = [];
  let oldPos = 0;
  let newPos = 0;
  let open: Hunk | null = null;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = null;
      oldPos += part.value.length;
      newPos += part.value.length;
      continue;
    }
    open ??= { from: oldPos, to: oldPos, newFrom: newPos, newTo: newPos };
    if (part.removed) open.to = oldPos += part.value.length;
    else open.newTo = newPos += part.value.length;
  }
  if (open) hunks.push(open);
  return hunks;
}

function changesFromParts(parts: ChangeObject<string>[]): TextChange[] {
  const changes: TextChange[] = [];
  let oldPos = 0;
  let newPos = 0;
  let open: TextChange | null = null;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      if (open) changes.push(open);
      open = null;
      oldPos += part.value.length;
      newPos += part.value.length;
      continue;
    }
    open ??= replacement(oldPos, newPos, '', '');
    if (part.removed) {
      open.deleted += part.value;
      open.to = oldPos += part.value.length;
    } else {
      open.inserted += part.value;
      open.newTo = newPos += part.value.length;
    }
  }
  if (open) changes.push(open);
  return changes;
}

function wholeHunk(oldText: string, newText: string): Hunk {
  return { from: 0, to: oldText.length, newFrom: 0, newTo: newText.length };
}

function replacement(from: number, newFrom: number, deleted: string, inserted: string): TextChange {
  return { from, to: from + deleted.length, newFrom, newTo: newFrom + inserted.length, deleted, inserted };
}

function shift(change: TextChange, oldOffset: number, newOffset: number): TextChange {
  return {
    ...change,
    from: change.from + oldOffset,
    to: change.to + oldOffset,
    newFrom: change.newFrom + newOffset,
    newTo: change.newTo + newOffset,
  };
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return backOffToBoundary(a, i);
}

function commonSuffixLength(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return a.length - backOffToBoundary(a, a.length - i, true);
}

/** Moves a cut point out of a word or a whitespace run so the word diff sees whole tokens, never half a syllable. */
function backOffToBoundary(text: string, index: number, forward = false): number {
  const inSameRun = (i: number) => {
    const left = tokenClass(text, i - 1);
    return left !== 'other' && left === tokenClass(text, i);
  };
  if (forward) {
    while (index < text.length && inSameRun(index)) index++;
  } else {
    while (index > 0 && inSameRun(index)) index--;
  }
  return index;
}

function tokenClass(text: string, i: number): 'word' | 'space' | 'other' {
  if (i < 0 || i >= text.length) return 'other';
  const unit = text.charCodeAt(i);
  // Surrogates count as word units so a cut never splits a pair.
  if ((unit >= 0xd800 && unit <= 0xdfff) || /[\p{L}\p{N}\p{M}]/u.test(text[i]!)) return 'word';
  return /[^\S\n]/.test(text[i]!) ? 'space' : 'other';
}
