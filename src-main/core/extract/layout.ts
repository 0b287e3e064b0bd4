import { foldText, isLetterCode, isSpaceCode } from './fold';
import type { Span } from './types';

/** One line: `[start, end)` without the newline, and the bounds of its text without surrounding spaces. */
export interface Line {
  index: number;
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
}

/**
 * The report and its lines, with its folded twin (same length) made on first use: the stages that read
 * reports in other languages need only a few lines of it, and fold just those.
 */
export class Doc {
  readonly lines: Line[];
  private wholeFolded: string | null = null;
  private readonly foldedLines = new Map<number, string>();

  constructor(readonly text: string) {
    this.lines = splitLines(text);
  }

  /** The whole text folded, made once. */
  get folded(): string {
    return (this.wholeFolded ??= foldText(this.text));
  }

  /** Moves where a line's text starts (past a header's key), forgetting its fold. */
  startContentAt(index: number, start: number): void {
    this.lines[index]!.contentStart = start;
    this.foldedLines.delete(index);
  }

  /** The line's folded text without surrounding white space. */
  lineFolded(line: Line): string {
    // Words end at white space, so a line folded alone is folded as it is in the whole text.
    if (this.wholeFolded !== null) return this.wholeFolded.slice(line.contentStart, line.contentEnd);
    let folded = this.foldedLines.get(line.index);
    if (folded === undefined) {
      folded = foldText(this.text.slice(line.contentStart, line.contentEnd));
      this.foldedLines.set(line.index, folded);
    }
    return folded;
  }

  /** The first `length` units of the line's folded text (fewer when the line is shorter). */
  lineFoldedPrefix(line: Line, length: number): string {
    const end = Math.min(line.contentEnd, line.contentStart + length);
    if (this.wholeFolded !== null) return this.wholeFolded.slice(line.contentStart, end);
    if (end === line.contentEnd) return this.lineFolded(line);
    // A word's tone mark moves to its last vowel, so the cut word is folded whole.
    let wordEnd = end;
    while (wordEnd < line.contentEnd && isLetterCode(this.text.charCodeAt(wordEnd))) wordEnd++;
    return foldText(this.text.slice(line.contentStart, wordEnd)).slice(0, end - line.contentStart);
  }
}

/** Consecutive non-blank lines that belong together (a paragraph, a caption with its credit line). */
export interface Block {
  lines: Line[];
  start: number;
  end: number;
}

/** Splits text on LF into lines with their trimmed content bounds. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let contentStart = start;
    let contentEnd = end;
    while (contentStart < contentEnd && isSpaceCode(text.charCodeAt(contentStart))) contentStart++;
    while (contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
    lines.push({ index: lines.length, start, end, contentStart, contentEnd });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

/** True when the line holds nothing but white space. */
export function isBlank(line: Line): boolean {
  return line.contentStart === line.contentEnd;
}

/** The line's text without surrounding white space. */
export function lineText(doc: Doc, line: Line): string {
  return doc.text.slice(line.contentStart, line.contentEnd);
}

/** The trimmed span of a line. */
export function lineSpan(line: Line): Span {
  return { start: line.contentStart, end: line.contentEnd };
}

/** Groups consecutive lines accepted by `keep` into blocks; blank or rejected lines end a block. */
export function blocksOf(lines: readonly Line[], keep: (line: Line) => boolean): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  const close = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) blocks.push({ lines: current, start: first.contentStart, end: last.contentEnd });
    current = [];
  };
  for (const line of lines) {
    if (!isBlank(line) && keep(line)) current.push(line);
    else close();
  }
  close();
  return blocks;
}

/** Replaces the given spans with spaces, keeping the length, so later searches skip them. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    parts.push(text.slice(at, start), ' '.repeat(span.end - start));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The spans with the parts inside `holes` cut out (both sorted by start). */
export function cutSpans<T extends Span>(spans: readonly T[], holes: readonly Span[]): T[] {
  if (holes.length === 0) return [...spans];
  const out: T[] = [];
  for (const span of spans) {
    let start = span.start;
    for (const hole of holes) {
      if (hole.end <= start || hole.start >= span.end) continue;
      if (hole.start > start) out.push({ ...span, start, end: hole.start });
      start = Math.max(start, hole.end);
    }
    if (start < span.end) out.push({ ...span, start });
  }
  return out;
}

/** True when `[start, end)` lies inside one of the spans (sorted by start, not overlapping). */
export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && end <= spans[found]!.end;
}

/** True when `[start, end)` overlaps one of the spans (sorted by start, not overlapping). */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (span.end <= start) lo = mid + 1;
    else if (span.start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}
