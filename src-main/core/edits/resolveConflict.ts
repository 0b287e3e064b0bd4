import { FolioError } from '../errors';
import {
  metadataValueSchemas,
  REPORT_STATUSES,
  type Conflict,
  type MetadataField,
  type ReportState,
  type ReportStatus,
  type StoredAnnotation,
} from '../store/schema';
import { normalizeText } from '../text/decode';
import { reanchor, repairAnchors } from '../text/reanchor';
import type { EditVerb } from '../../contract/history';
import type { ConflictChoice } from '../../contract/types';
import { textKeyIn } from './addAnnotations';
import { correctText, restoreText } from './correctText';
import { textOf, type EditContext, type ReportEdit } from './edit';
import { restoreParts, type StatePart } from './parts';

/**
 * A conflict as the caller knows it — a stored one, or the reader's copy of it: its id, and what it is about,
 * which is the part of the state its resolution depends on.
 */
export type ConflictTarget = { id: string } & (
  | { kind: 'field'; field: MetadataField | 'status' }
  | { kind: 'text' }
  | { kind: 'annotation'; annotationId: string }
);

type FieldConflict = Extract<Conflict, { kind: 'field' }>;
type TextConflict = Extract<Conflict, { kind: 'text' }>;
type AnnotationConflict = Extract<Conflict, { kind: 'annotation' }>;

/**
 * Resolves a conflict a merge or a rebase left in the report with the editor's choice: `ours` (the version
 * in effect until now), `theirs`, or, for a conflict in the text, the text the editor typed for the block
 * (an empty text takes the block out). A field or the status takes the chosen value as the editor's; an
 * annotation is the chosen version, or is gone when that side deleted it; a text block is replaced, the
 * annotations carried through the change. The entry is then gone. Refused when the conflict was resolved
 * since, or when another writer changed what it is about since the editor saw it.
 */
export function resolveConflict(target: ConflictTarget, choice: ConflictChoice): ReportEdit {
  if (typeof choice === 'object' && target.kind !== 'text') {
    throw new FolioError(
      'invalid-input',
      `conflict "${target.id}" is about ${target.kind === 'field' ? `the ${target.field}` : 'an annotation'}; only a conflict in the text takes typed text`,
    );
  }
  const part = partOf(target);
  const verb = 'resolve-conflict';
  return {
    verb,
    parts: [part],
    apply(state, context) {
      const conflict = state.conflicts.find((c) => c.id === target.id);
      if (!conflict || conflict.kind !== target.kind) {
        throw new FolioError(
          'changed-on-disk',
          `report "${state.id}" has no conflict "${target.id}" any more: it was resolved since`,
          undefined,
          { reason: 'conflict-resolved' },
        );
      }
      if (conflict.kind === 'field') resolveField(state, conflict, choice as 'ours' | 'theirs', context);
      else if (conflict.kind === 'annotation')
        resolveAnnotation(state, conflict, choice as 'ours' | 'theirs', context);
      else resolveText(state, conflict, choice, context, verb);
      state.conflicts = state.conflicts.filter((c) => c.id !== conflict.id);
    },
    inverse: (before, after) => restoreResolved(verb, part, before, after),
  };
}

/** The part of the state a conflict is about. */
function partOf(target: ConflictTarget): StatePart {
  if (target.kind === 'text') return 'text';
  if (target.kind === 'annotation') return `annotation:${target.annotationId}`;
  return target.field === 'status' ? 'status' : `metadata.${target.field}`;
}

/**
 * A side of a field conflict as its value: a metadata field's side is stored as its correction is,
 * `{ value, editor, at }`, or null where that side left the field to the extractor; a status's is the status
 * (or a `{ value }` holding it).
 */
function sideValue(side: unknown): unknown {
  return side !== null && typeof side === 'object' && !Array.isArray(side) && 'value' in side
    ? side.value
    : side;
}

function resolveField(
  state: ReportState,
  conflict: FieldConflict,
  choice: 'ours' | 'theirs',
  context: EditContext,
): void {
  const side = choice === 'ours' ? conflict.ours : conflict.theirs;
  const by = { editor: context.editor, at: context.at };
  if (conflict.field === 'status') {
    const status = sideValue(side);
    if (!REPORT_STATUSES.includes(status as ReportStatus)) {
      throw new FolioError(
        'corrupt-sidecar',
        `report "${state.id}": conflict "${conflict.id}" has no status as ${choice} (${JSON.stringify(status)})`,
      );
    }
    state.status = status as ReportStatus;
    state.statusBy = by;
    return;
  }
  const field = conflict.field;
  if (side === null || side === undefined) {
    delete state.metadata[field];
    return;
  }
  const parsed = metadataValueSchemas[field].safeParse(sideValue(side));
  if (!parsed.success) {
    throw new FolioError(
      'corrupt-sidecar',
      `report "${state.id}": conflict "${conflict.id}" has no valid ${field} as ${choice}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`,
    );
  }
  state.metadata[field] = { value: parsed.data, ...by };
}

function resolveAnnotation(
  state: ReportState,
  conflict: AnnotationConflict,
  choice: 'ours' | 'theirs',
  context: EditContext,
): void {
  const chosen = choice === 'ours' ? conflict.ours : conflict.theirs;
  const others = state.annotations.filter((a) => a.id !== conflict.annotationId);
  if (chosen === null) {
    state.annotations = others;
    return;
  }
  // The version kept was carried onto the text when the conflict was made; checked against it as it is now.
  const text = textOf(state, context);
  const [placed] = repairAnchors(
    [structuredClone(chosen)],
    text,
    textKeyIn(state, context, text),
  ).annotations;
  state.annotations = [...others, placed!];
}

/** Replaces the block with the chosen lines as a correction of the text does, annotations carried along. */
function resolveText(
  state: ReportState,
  conflict: TextConflict,
  choice: ConflictChoice,
  context: EditContext,
  verb: EditVerb,
): void {
  const lines = state.correction?.lines ?? context.original().split('\n');
  const block = lines.slice(conflict.line, conflict.line + conflict.ours.length);
  if (JSON.stringify(block) !== JSON.stringify(conflict.ours)) {
    throw new FolioError(
      'changed-on-disk',
      `report "${state.id}": the text at line ${conflict.line + 1} is no longer what conflict "${conflict.id}" recorded, so it is left as it is now`,
      undefined,
      { reason: 'conflict-stale', part: 'text' },
    );
  }
  const chosen =
    choice === 'ours' ? conflict.ours : choice === 'theirs' ? conflict.theirs : linesOf(choice.text);
  const next = [...lines.slice(0, conflict.line), ...chosen, ...lines.slice(conflict.line + block.length)];
  const before = lines.join('\n');
  const after = next.join('\n');
  if (after === before) return;
  correctText(after, verb).apply(state, context);
  const key = textKeyIn(state, context, after);
  const carry = (annotation: StoredAnnotation | null) =>
    annotation && reanchor([annotation], before, after, key)[0]!;
  // The other conflicts stay on their own lines and words.
  const shift = chosen.length - block.length;
  state.conflicts = state.conflicts.map((other): Conflict => {
    if (other.kind === 'text' && other.line > conflict.line) return { ...other, line: other.line + shift };
    if (other.kind === 'annotation') {
      return { ...other, base: carry(other.base), ours: carry(other.ours), theirs: carry(other.theirs) };
    }
    return other;
  });
}

/** The lines of text the editor typed for a block; no text is no lines. */
function linesOf(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split('\n');
}

/**
 * Takes a resolution back: what it was about as it was (provided no one changed it since), and the conflict
 * entries as they were — the resolved one back, others as they stood — leaving any made or resolved since.
 */
function restoreResolved(
  verb: EditVerb,
  part: StatePart,
  before: ReportState,
  after: ReportState,
): ReportEdit {
  // A block resolved is a correction of the text: it goes back as a correction's undo takes it back,
  // annotations on their exact old places.
  const inner =
    part === 'text' ? restoreText(verb, before, after) : restoreParts(verb, [part], before, after);
  return {
    verb,
    parts: [part],
    apply(state, context) {
      inner.apply(state, context);
      state.conflicts = restoredConflicts(state.conflicts, before.conflicts, after.conflicts);
    },
    inverse: (undoneFrom, undoneTo) => restoreResolved(verb, part, undoneFrom, undoneTo),
  };
}

/** `current` with each entry the edit from `before` to `after` changed or removed put back as it was. */
function restoredConflicts(
  current: readonly Conflict[],
  before: readonly Conflict[],
  after: readonly Conflict[],
): Conflict[] {
  const was = new Map(before.map((c) => [c.id, c]));
  const touched = new Set(after.map((c) => c.id));
  const kept = current.flatMap((c) => (!touched.has(c.id) ? [c] : was.has(c.id) ? [was.get(c.id)!] : []));
  const back = before.filter((c) => !touched.has(c.id) && !kept.some((k) => k.id === c.id));
  return structuredClone([...kept, ...back]);
}
