import type { TextChange } from './diff';

/** Which way a position at an insertion point leans: -1 stays before inserted text, 1 moves after it. */
export type Assoc = -1 | 1;

/** Where a position lands after a change, and whether the text around it was deleted. */
export interface MappedPosition {
  pos: number;
  deleted: boolean;
}

/**
 * Maps positions through a list of changes (sorted, old-text coordinates), like ProseMirror's StepMap:
 * a position inside deleted text collapses to the edge `assoc` points at and is marked deleted.
 */
export class ChangeMapping {
  private constructor(
    private readonly starts: number[],
    private readonly ends: number[],
    private readonly newStarts: number[],
    private readonly newEnds: number[],
  ) {}

  /** Maps old-text positions to new-text positions. */
  static forward(changes: readonly TextChange[]): ChangeMapping {
    return new ChangeMapping(
      changes.map((c) => c.from),
      changes.map((c) => c.to),
      changes.map((c) => c.newFrom),
      changes.map((c) => c.newTo),
    );
  }

  /** Maps new-text positions back to old-text positions. */
  static backward(changes: readonly TextChange[]): ChangeMapping {
    return new ChangeMapping(
      changes.map((c) => c.newFrom),
      changes.map((c) => c.newTo),
      changes.map((c) => c.from),
      changes.map((c) => c.to),
    );
  }

  /** The mapped position of `pos`. */
  map(pos: number, assoc: Assoc): MappedPosition {
    const i = this.lastChangeStartingAtOrBefore(pos);
    if (i < 0) return { pos, deleted: false };
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    const newStart = this.newStarts[i]!;
    const newEnd = this.newEnds[i]!;
    if (pos > end) return { pos: pos - end + newEnd, deleted: false };
    if (start === end) return { pos: assoc < 0 ? newStart : newEnd, deleted: false };
    if (pos === start) return { pos: newStart, deleted: false };
    if (pos === end) return { pos: newEnd, deleted: false };
    return { pos: assoc < 0 ? newStart : newEnd, deleted: true };
  }

  private lastChangeStartingAtOrBefore(pos: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/** A span after mapping; `collapsed` when every character it covered was deleted. */
export interface MappedSpan {
  start: number;
  end: number;
  collapsed: boolean;
}

/**
 * Maps a span so it keeps covering its own words: text inserted at either edge stays outside, and a span
 * whose text was deleted entirely collapses to where it was rather than jumping to other words.
 */
export function mapSpan(mapping: ChangeMapping, start: number, end: number): MappedSpan {
  const newStart = mapping.map(start, 1).pos;
  const newEnd = mapping.map(end, -1).pos;
  if (newEnd <= newStart) return { start: newStart, end: newStart, collapsed: end > start };
  return { start: newStart, end: newEnd, collapsed: false };
}
