import type { ChangeDto } from '../../src-main/contract/operations';

/** A piece of a changes view: unchanged text, or change number `change` (deleted and inserted text). */
export type Segment =
  { kind: 'same'; text: string } | { kind: 'change'; change: number; deleted: string; inserted: string };

/** A piece of one column of the side-by-side view: unchanged text, or the side of change `change` it shows. */
export type SidePiece = { kind: 'same'; text: string } | { kind: 'change'; change: number; text: string };

/** A row of the side-by-side view: the same stretch of the original (`left`) and the corrected text (`right`). */
export interface SideRow {
  left: SidePiece[];
  right: SidePiece[];
  /** The changes the row holds, in order. */
  changes: number[];
}

/** The original text cut into unchanged runs and changes, in order (offsets are code points). */
export function inlineSegments(original: string, changes: ChangeDto[]): Segment[] {
  const chars = [...original];
  const segments: Segment[] = [];
  let cursor = 0;
  changes.forEach((change, index) => {
    if (change.from > cursor)
      segments.push({ kind: 'same', text: chars.slice(cursor, change.from).join('') });
    segments.push({ kind: 'change', change: index, deleted: change.deleted, inserted: change.inserted });
    cursor = change.to;
  });
  if (cursor < chars.length) segments.push({ kind: 'same', text: chars.slice(cursor).join('') });
  return segments;
}

/**
 * The segments as rows of the side-by-side view, cut at each newline inside an unchanged run (the newline
 * itself dropped): a line boundary both texts share, so a row's two sides start on the same line. A change
 * stays inside one row whatever newlines it deletes or inserts; a blank line is an empty row, and a final
 * newline makes no row of its own.
 */
export function sideRows(segments: Segment[]): SideRow[] {
  const rows: SideRow[] = [];
  let row: SideRow = { left: [], right: [], changes: [] };
  const close = () => {
    rows.push(row);
    row = { left: [], right: [], changes: [] };
  };
  for (const segment of segments) {
    if (segment.kind === 'change') {
      row.left.push({ kind: 'change', change: segment.change, text: segment.deleted });
      row.right.push({ kind: 'change', change: segment.change, text: segment.inserted });
      row.changes.push(segment.change);
      continue;
    }
    segment.text.split('\n').forEach((line, i) => {
      if (i > 0) close();
      if (line) {
        row.left.push({ kind: 'same', text: line });
        row.right.push({ kind: 'same', text: line });
      }
    });
  }
  if (row.left.length > 0) close();
  return rows;
}

/**
 * The changes (by index) that stand in a block of the corrected text (`start`–`end`, code points): where the
 * diff shows a text conflict's lines. A change that only meets the block's edge from outside is not in it.
 */
export function changesInBlock(changes: ChangeDto[], block: { start: number; end: number }): number[] {
  const inside = (change: ChangeDto) =>
    change.newFrom === change.newTo || block.start === block.end
      ? change.newFrom <= block.end && change.newTo >= block.start
      : change.newFrom < block.end && change.newTo > block.start;
  return changes.flatMap((change, index) => (inside(change) ? [index] : []));
}
