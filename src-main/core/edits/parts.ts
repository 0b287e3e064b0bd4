import { FolioError } from '../errors';
import type { MetadataField, ReportState, StoredAnnotation } from '../store/schema';
import type { EditVerb } from '../../contract/history';
import type { ReportEdit } from './edit';

/** A part of a report's state that edits change as a whole; two edits of the same part conflict. */
export type StatePart = 'status' | 'tags' | 'text' | `metadata.${MetadataField}` | `annotation:${string}`;

/** The value of one part of a state (null when absent), comparable with `samePart`. */
export function readPart(state: ReportState, part: StatePart): unknown {
  if (part === 'status') return state.status;
  if (part === 'tags') return [...state.tags].sort();
  if (part === 'text') return state.correction?.lines ?? null;
  if (part.startsWith('metadata.'))
    return state.metadata[part.slice('metadata.'.length) as MetadataField] ?? null;
  return state.annotations.find((a) => a.id === part.slice('annotation:'.length)) ?? null;
}

/** Whether a part has the same value in two states. */
export function samePart(a: ReportState, b: ReportState, part: StatePart): boolean {
  return JSON.stringify(readPart(a, part)) === JSON.stringify(readPart(b, part));
}

/** The annotation parts of every annotation added, changed or removed between two states. */
export function changedAnnotationParts(before: ReportState, after: ReportState): StatePart[] {
  const ids = new Set([...before.annotations, ...after.annotations].map((a) => a.id));
  return [...ids].map((id): StatePart => `annotation:${id}`).filter((part) => !samePart(before, after, part));
}

/**
 * The edit that puts `parts` back as they were in `before`, provided each still has its value in `after`: a
 * part someone changed since is theirs now, and undoing over it would lose their change.
 */
export function restoreParts(
  verb: EditVerb,
  parts: readonly StatePart[],
  before: ReportState,
  after: ReportState,
): ReportEdit {
  const wanted = parts.map((part) => ({ part, value: structuredClone(readPart(before, part)) }));
  const expected = parts.map((part) => JSON.stringify(readPart(after, part)));
  // A status goes back with who had set it.
  const statusBy = structuredClone(before.statusBy);
  return {
    verb,
    parts,
    apply(state) {
      parts.forEach((part, i) => {
        if (JSON.stringify(readPart(state, part)) !== expected[i]) {
          throw new FolioError(
            'changed-on-disk',
            `report "${state.id}": ${describePart(part)} was changed since, so it is left as it is now`,
            undefined,
            { reason: 'changed-since', part },
          );
        }
      });
      for (const { part, value } of wanted) writePart(state, part, structuredClone(value));
      if (parts.includes('status')) state.statusBy = structuredClone(statusBy);
    },
    inverse: (undoneFrom, undoneTo) => restoreParts(verb, parts, undoneFrom, undoneTo),
  };
}

function writePart(state: ReportState, part: StatePart, value: unknown): void {
  if (part === 'status') state.status = value as ReportState['status'];
  else if (part === 'tags') state.tags = value as string[];
  else if (part === 'text') throw new RangeError('the text is restored by its own edit, which re-anchors');
  else if (part.startsWith('metadata.')) {
    const field = part.slice('metadata.'.length) as MetadataField;
    if (value === null) delete state.metadata[field];
    else state.metadata[field] = value as NonNullable<ReportState['metadata'][MetadataField]>;
  } else {
    const id = part.slice('annotation:'.length);
    const others = state.annotations.filter((a) => a.id !== id);
    state.annotations = value === null ? others : [...others, value as StoredAnnotation];
  }
}

function describePart(part: StatePart): string {
  if (part === 'text') return 'the text';
  if (part.startsWith('metadata.')) return `the ${part.slice('metadata.'.length)} field`;
  if (part.startsWith('annotation:')) return `annotation ${part.slice('annotation:'.length)}`;
  return `the ${part}`;
}
