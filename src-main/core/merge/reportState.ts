import { isDeepStrictEqual } from 'node:util';
import {
  METADATA_FIELDS,
  newReportState,
  type Conflict,
  type ReportState,
  type StoredAnnotation,
} from '../store/schema';
import { textKeyOf } from '../text/anchor';
import { repairAnchors } from '../text/reanchor';
import { conflictId } from './conflictId';
import { mergeText, type MergedText, type OriginalText } from './mergeText';
import { mergeByKey, mergeConflictLists, mergeSet, mergeValue } from './threeWay';

/** A merged report state and the conflicts this merge found (the state holds them too, with older ones). */
export interface MergedReport {
  state: ReportState;
  conflicts: Conflict[];
}

/** What a merge may be told beyond the three states. */
export interface MergeOptions {
  /** The normalised text of the original whose SHA-256 is given, when it can be had; null otherwise. */
  originalText?: OriginalText;
}

/**
 * Merges three versions of a report's state (`base` null when both sides made it): tags as a set,
 * annotations by id, metadata field by field, the status, and the corrected text line by line. A value both
 * sides changed differently keeps ours and is recorded as a conflict in the merged state; conflicts either
 * side already had are kept unless the other side resolved them.
 */
export function mergeReportStates(
  base: ReportState | null,
  ours: ReportState,
  theirs: ReportState,
  options: MergeOptions = {},
): MergedReport {
  const ancestor = base ?? newReportState(ours.id, ours.original);
  const original = mergeValue(ancestor.original, ours.original, theirs.original).value;
  const text = mergeText(ancestor, ours, theirs, original.sha256, options.originalText);
  const found: Conflict[] = [...text.conflicts];
  const status = mergeValue(
    { status: ancestor.status, statusBy: ancestor.statusBy },
    { status: ours.status, statusBy: ours.statusBy },
    { status: theirs.status, statusBy: theirs.statusBy },
    (x, y) => x.status === y.status,
  );
  if (status.conflicted) {
    found.push(fieldConflict('status', statusEntry(ancestor), statusEntry(ours), statusEntry(theirs)));
  }
  const metadata = mergeMetadata(ancestor, ours, theirs, found);
  const mergedKey = textKeyOf(text.correction ? text.merged : null, original.sha256);
  const annotations = mergeAnnotations(ancestor, ours, theirs, text, mergedKey, found);
  const state: ReportState = {
    ...ours,
    original,
    status: status.value.status,
    statusBy: status.value.statusBy,
    tags: mergeSet(ancestor.tags, ours.tags, theirs.tags),
    metadata,
    annotations,
    correction: text.correction,
    conflicts: mergeConflictLists(ancestor.conflicts, ours.conflicts, theirs.conflicts, found, targetOf),
  };
  return { state, conflicts: found };
}

/** Metadata field by field, a field's correction compared by its value; conflicts go to `found`. */
function mergeMetadata(
  base: ReportState,
  ours: ReportState,
  theirs: ReportState,
  found: Conflict[],
): ReportState['metadata'] {
  const metadata: ReportState['metadata'] = {};
  for (const field of METADATA_FIELDS) {
    const [b, o, t] = [
      base.metadata[field] ?? null,
      ours.metadata[field] ?? null,
      theirs.metadata[field] ?? null,
    ];
    const merged = mergeValue(b, o, t, (x, y) =>
      x === null ? y === null : y !== null && isDeepStrictEqual(x.value, y.value),
    );
    if (merged.value) metadata[field] = merged.value;
    if (merged.conflicted) found.push(fieldConflict(field, b, o, t));
  }
  return metadata;
}

/**
 * Annotations by id, each side's first carried from that side's text onto the merged one (`repairAnchors`,
 * through the diff when the side's text is known) so that they compare on one text; conflicts go to `found`.
 */
function mergeAnnotations(
  base: ReportState,
  ours: ReportState,
  theirs: ReportState,
  text: MergedText,
  mergedKey: string,
  found: Conflict[],
): StoredAnnotation[] {
  const carried = (state: ReportState, from: string | null) =>
    text.merged === null
      ? state.annotations
      : repairAnchors(state.annotations, text.merged, mergedKey, from === null ? undefined : { from })
          .annotations;
  return mergeByKey(
    carried(base, text.texts.base),
    carried(ours, text.texts.ours),
    carried(theirs, text.texts.theirs),
    (annotation) => annotation.id,
    (annotationId, b, o, t) => {
      const merged = mergeValue(b, o, t, sameAnnotation);
      if (merged.conflicted) {
        found.push({
          id: conflictId('annotation', annotationId, o, t),
          kind: 'annotation',
          annotationId,
          base: b,
          ours: o,
          theirs: t,
          source: 'merge',
        });
      }
      return merged.value;
    },
  );
}

/**
 * Two versions of an annotation say the same when what the editor decided is the same; when it was last
 * touched and the context kept around its quote (recomputed for the merged text) do not count.
 */
function sameAnnotation(a: StoredAnnotation | null, b: StoredAnnotation | null): boolean {
  if (a === null || b === null) return a === b;
  const decided = ({ modified: _m, prefix: _p, suffix: _s, revision: _r, ...rest }: StoredAnnotation) => rest;
  return isDeepStrictEqual(decided(a), decided(b));
}

/** What a conflict is about: a newer conflict about the same takes an older one's place. */
function targetOf(conflict: Conflict): string {
  const about =
    conflict.kind === 'field'
      ? conflict.field
      : conflict.kind === 'text'
        ? conflict.line
        : conflict.annotationId;
  return `${conflict.kind}:${about}`;
}

/** A status in the shape a metadata correction has, so a field conflict's sides read alike for every field. */
function statusEntry(state: ReportState) {
  return { value: state.status, editor: state.statusBy?.editor ?? null, at: state.statusBy?.at ?? null };
}

function fieldConflict(
  field: Extract<Conflict, { kind: 'field' }>['field'],
  base: unknown,
  ours: unknown,
  theirs: unknown,
): Conflict {
  return {
    id: conflictId('field', field, ours, theirs),
    kind: 'field',
    field,
    base,
    ours,
    theirs,
    source: 'merge',
  };
}
