import { FolioError } from '../errors';
import type { ReportState, StoredAnnotation } from '../store/schema';
import { checkLabel } from './addAnnotations';
import type { ReportEdit } from './edit';
import { restoreParts, type StatePart } from './parts';

/** The annotation with that id; `invalid-input` when the report has none. */
export function findAnnotation(state: ReportState, annotationId: string): StoredAnnotation {
  const annotation = state.annotations.find((a) => a.id === annotationId);
  if (!annotation) {
    throw new FolioError('invalid-input', `report "${state.id}" has no annotation "${annotationId}"`);
  }
  return annotation;
}

/** Relabels an annotation or changes its note. */
export function updateAnnotation(
  annotationId: string,
  change: { label?: string; note?: string },
): ReportEdit {
  const part: StatePart = `annotation:${annotationId}`;
  return {
    verb: 'update-annotation',
    parts: [part],
    apply(state, context) {
      const annotation = findAnnotation(state, annotationId);
      if (change.label !== undefined) annotation.label = checkLabel(change.label, context);
      // A note of spaces alone is no note.
      if (change.note !== undefined) annotation.note = change.note.trim() === '' ? '' : change.note;
      annotation.modified = context.at;
    },
    inverse: (before, after) => restoreParts('update-annotation', [part], before, after),
  };
}

/** Deletes an annotation; its inverse puts it back as it was, id and times included. */
export function deleteAnnotation(annotationId: string): ReportEdit {
  const part: StatePart = `annotation:${annotationId}`;
  return {
    verb: 'delete-annotation',
    parts: [part],
    apply(state) {
      findAnnotation(state, annotationId);
      state.annotations = state.annotations.filter((a) => a.id !== annotationId);
    },
    inverse: (before, after) => restoreParts('delete-annotation', [part], before, after),
  };
}
