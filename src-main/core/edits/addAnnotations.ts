import { randomUUID } from 'node:crypto';
import { FolioError } from '../errors';
import { CodePointIndex } from '../../contract/codepoints';
import type { EditVerb } from '../../contract/history';
import type { EditContext, ReportEdit } from './edit';
import { textOf } from './edit';
import { changedAnnotationParts, restoreParts } from './parts';
import type { ReportState, StoredAnnotation } from '../store/schema';
import { anchorAt, textKeyOf } from '../text/anchor';

/** A span to annotate, in code points of the text the editor sees. */
export interface NewAnnotation {
  start: number;
  end: number;
  label: string;
  note?: string;
}

/**
 * An annotation as an import brings it, ids, authors and times kept: the context and revision of its anchor
 * are taken from the report's text, whatever it says of them.
 */
export type ImportedAnnotation = Omit<StoredAnnotation, 'prefix' | 'suffix' | 'revision'>;

/** The key of the text an edit of `state` places annotations on, `text` (see `textKeyOf`). */
export function textKeyIn(state: ReportState, context: EditContext, text: string): string {
  return textKeyOf(state.correction ? text : null, context.originalSha256);
}

/** The corpus's spelling of a label (case-insensitive match); `invalid-input` lists the labels. */
export function checkLabel(label: string, context: EditContext): string {
  const known = context.labels.find((l) => l.name.toLowerCase() === label.toLowerCase());
  if (!known) {
    throw new FolioError(
      'invalid-input',
      `unknown label "${label}"; this corpus's labels are ${context.labels.map((l) => l.name).join(', ')}`,
    );
  }
  return known.name;
}

/**
 * Annotates a span of the text the editor sees. The annotation's id is chosen now, so the caller knows it;
 * its quote is taken from the text when the edit is applied. It depends on the text: offsets made on a text
 * that was corrected meanwhile would mark other words.
 */
export function addAnnotation(span: NewAnnotation): ReportEdit & { annotationId: string } {
  const annotationId = randomUUID();
  return {
    annotationId,
    verb: 'add-annotation',
    parts: ['text'],
    apply(state, context) {
      const text = textOf(state, context);
      const index = new CodePointIndex(text);
      if (!(
        Number.isInteger(span.start) &&
        Number.isInteger(span.end) &&
        span.start >= 0 &&
        span.end > span.start &&
        span.end <= index.length
      )) {
        throw new FolioError(
          'invalid-input',
          `span ${span.start}-${span.end} is not a non-empty range inside report "${state.id}" (0-${index.length})`,
        );
      }
      state.annotations.push({
        id: annotationId,
        ...anchorAt(index, span.start, span.end, textKeyIn(state, context, text)),
        label: checkLabel(span.label, context),
        note: span.note ?? '',
        orphaned: false,
        author: context.editor,
        created: context.at,
        modified: context.at,
      });
    },
    inverse: (before, after) => undoAdded('add-annotation', before, after),
  };
}

/**
 * Adds annotations exactly as given — ids, authors and times kept — as an import does; each quote must be
 * the text its offsets cover, and an id already in the report is refused.
 */
export function importAnnotations(
  annotations: readonly ImportedAnnotation[],
  verb: EditVerb = 'import',
): ReportEdit {
  return {
    verb,
    parts: ['text'],
    apply(state, context) {
      const text = textOf(state, context);
      const index = new CodePointIndex(text);
      const key = textKeyIn(state, context, text);
      const present = new Set(state.annotations.map((a) => a.id));
      for (const annotation of annotations) {
        const span = text.slice(index.toUtf16(annotation.start), index.toUtf16(annotation.end));
        if (!annotation.orphaned && span !== annotation.quote) {
          throw new FolioError(
            'invalid-input',
            `annotation ${annotation.id} of report "${state.id}": offsets ${annotation.start}-${annotation.end} cover "${span}", not "${annotation.quote}"`,
          );
        }
        if (present.has(annotation.id)) {
          throw new FolioError(
            'invalid-input',
            `report "${state.id}" already has an annotation "${annotation.id}"`,
          );
        }
        const anchor = annotation.orphaned
          ? { prefix: '', suffix: '', revision: key }
          : anchorAt(index, annotation.start, annotation.end, key);
        state.annotations.push({ ...annotation, ...anchor, label: checkLabel(annotation.label, context) });
      }
    },
    inverse: (before, after) => undoAdded(verb, before, after),
  };
}

function undoAdded(verb: EditVerb, before: ReportState, after: ReportState): ReportEdit {
  return restoreParts(verb, changedAnnotationParts(before, after), before, after);
}
