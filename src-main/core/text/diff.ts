import { diffLines, type ChangeObject } from 'diff';
import { diffSequences } from './myers';

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
 * Changed lines beyond which the line diff gives up (its cost grows with their number times the text's): a
 * heavy correction touching most paragraphs is then diffed line against line instead.
 */
const MAX_LINE_EDITS = 200;
/**
 * A hunk needing more token edits than this share of its tokens (and more than `MIN_WORD_EDITS`) is shown as one
 * replacement, as review tools do with lines too unlike to compare: past that, a word diff is confetti.
 */
const MAX_WORD_EDIT_SHARE = 0.15;
const MIN_WORD_EDITS = 8;
/**
 * Work (tokens times edits, what the word diff's cost grows with) allowed for all hunks of one diff; hunks past
 * it are shown as replacements. A count, not a clock, so the same texts always give the same changes.
 */
const WORD_DIFF_WORK = 30_000_000;

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
  const lineParts = diffLines(oldMiddle, newMiddle, {
    timeout: limits.lineTimeoutMs,
    maxEditLength: MAX_LINE_EDITS,
  });
  const hunks = lineParts
    ? changedHunks(lineParts)
    : (linesSideBySide(oldMiddle, newMiddle) ?? [wholeHunk(oldMiddle, newMiddle)]);
  const changes: TextChange[] = [];
  const budget = { work: WORD_DIFF_WORK };
  for (const hunk of hunks) {
    const oldText = oldMiddle.slice(hunk.from, hunk.to);
    const newText = newMiddle.slice(hunk.newFrom, hunk.newTo);
    const local = diffWords(oldText, newText, budget, performance.now() + limits.hunkTimeoutMs) ?? [
      replacement(0, 0, oldText, newText),
    ];
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

/**
 * The word-level changes between two texts (words, white-space runs and single other characters are the
 * tokens, so white-space edits stay visible); null past the edit or time limit.
 */
function diffWords(
  oldText: string,
  newText: string,
  budget: { work: number },
  deadline: number,
): TextChange[] | null {
  const ids = new Map<string, number>();
  const oldTokens = tokensOf(oldText);
  const newTokens = tokensOf(newText);
  const idsOf = (tokens: string[]) =>
    Int32Array.from(tokens, (token) => {
      let id = ids.get(token);
      if (id === undefined) ids.set(token, (id = ids.size));
      return id;
    });
  const tokens = Math.max(1, oldTokens.length + newTokens.length);
  const maxEdits = Math.min(
    Math.max(MIN_WORD_EDITS, Math.ceil(tokens * MAX_WORD_EDIT_SHARE)),
    Math.floor(budget.work / tokens),
  );
  const runs = diffSequences(idsOf(oldTokens), idsOf(newTokens), maxEdits, deadline);
  const edits = runs?.reduce((sum, r) => sum + r.to - r.from + r.newTo - r.newFrom, 0) ?? maxEdits;
  budget.work -= tokens * edits;
  if (!runs) return null;
  const oldStarts = startsOf(oldTokens);
  const newStarts = startsOf(newTokens);
  return runs.map((run) => {
    const from = oldStarts[run.from]!;
    const newFrom = newStarts[run.newFrom]!;
    return replacement(
      from,
      newFrom,
      oldText.slice(from, oldStarts[run.to]),
      newText.slice(newFrom, newStarts[run.newTo]),
    );
  });
}

const TOKEN = /[\p{L}\p{N}\p{M}]+|[^\S\n]+|\n|[\s\S]/gu;

function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Where each token starts, and one more entry for the end. */
function startsOf(tokens: readonly string[]): number[] {
  const starts = [0];
  for (const token of tokens) starts.push(starts.at(-1)! + token.length);
  return starts;
}

/**
 * When the line diff gives up and both texts have as many lines, pairs them line by line: each differing pair
 * is a hunk. Exact, and right for what makes a line diff give up — a correction of words all through a text.
 */
function linesSideBySide(oldText: string, newText: string): Hunk[] | null {
  const oldLines = oldText.split('\n');
  const newLines = newText.split('\n');
  if (oldLines.length !== newLines.length) return null;
  const hunks: Hunk[] = [];
  let from = 0;
  let newFrom = 0;
  oldLines.forEach((line, i) => {
    const newLine = newLines[i]!;
    if (line !== newLine) {
      hunks.push({ from, to: from + line.length, newFrom, newTo: newFrom + newLine.length });
    }
    from += line.length + 1;
    newFrom += newLine.length + 1;
  });
  return hunks;
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
