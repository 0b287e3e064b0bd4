import { CodePointIndex } from '../../contract/codepoints';
import { FolioError } from '../errors';
import { anchorAt } from '../text/anchor';
import { checkLabel, importAnnotations, textKeyIn, type ImportedAnnotation } from './addAnnotations';
import { textOf, type ReportEdit } from './edit';
import { changedAnnotationParts, restoreParts, type StatePart } from './parts';
import { findAnnotation } from './updateAnnotation';

/** A change to an existing annotation: a new label, note or span (code points, with the text it covers). */
export interface AnnotationUpdate {
  id: string;
  label?: string;
  note?: string;
  span?: { start: number; end: number; quote: string };
}

/** What an import does to one report's annotations. */
export interface AnnotationSync {
  /** Added as given: ids, authors and times kept. */
  add: ImportedAnnotation[];
  remove: string[];
  update: AnnotationUpdate[];
  /** The time stamped on the annotations it updates. */
  at: string;
}

/**
 * Takes back into a report what was done to its annotations in another tool — additions, removals, new
 * labels, notes and spans — as one edit, so one undo puts every annotation back as it was. It depends on the
 * annotations it removes or changes, and on the text when it places spans.
 */
export function syncAnnotations(sync: AnnotationSync): ReportEdit {
  const touched = [...sync.remove, ...sync.update.map((u) => u.id)];
  const placesSpans = sync.add.length > 0 || sync.update.some((u) => u.span);
  const parts: StatePart[] = [
    ...(placesSpans ? (['text'] as const) : []),
    ...touched.map((id): StatePart => `annotation:${id}`),
  ];
  return {
    verb: 'import',
    parts,
    apply(state, context) {
      const text = textOf(state, context);
      const index = new CodePointIndex(text);
      for (const update of sync.update) {
        const annotation = findAnnotation(state, update.id);
        if (update.label !== undefined) annotation.label = checkLabel(update.label, context);
        if (update.note !== undefined) annotation.note = update.note;
        if (update.span) {
          const { start, end, quote } = update.span;
          const covered = text.slice(index.toUtf16(start), index.toUtf16(end));
          if (covered !== quote) {
            throw new FolioError(
              'invalid-input',
              `annotation ${update.id} of report "${state.id}": offsets ${start}-${end} cover "${covered}", not "${quote}"`,
            );
          }
          Object.assign(annotation, anchorAt(index, start, end, textKeyIn(state, context, text)), {
            orphaned: false,
          });
        }
        annotation.modified = sync.at;
      }
      for (const id of sync.remove) findAnnotation(state, id);
      const removed = new Set(sync.remove);
      state.annotations = state.annotations.filter((a) => !removed.has(a.id));
      importAnnotations(sync.add, 'import').apply(state, context);
    },
    inverse: (before, after) => restoreParts('import', changedAnnotationParts(before, after), before, after),
  };
}
