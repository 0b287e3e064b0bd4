import type { ChangeDto } from '../../src-main/contract/operations';

/** A piece of a changes view: unchanged text, or change number `change` (deleted and inserted text). */
export type Segment =
  { kind: 'same'; text: string } | { kind: 'change'; change: number; deleted: string; inserted: string };

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
