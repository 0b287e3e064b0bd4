import { FolioError } from '../errors';
import type { ReportState } from '../store/schema';
import { normalizeText } from '../text/decode';
import { reanchor } from '../text/reanchor';
import type { EditVerb } from '../../contract/history';
import type { EditContext, ReportEdit } from './edit';
import { textOf } from './edit';

/**
 * Replaces the text editors see. Every annotation is carried through the edit onto its own words (see
 * `reanchor`); the original text again removes the correction. It depends on the text: a correction made
 * on a text someone else corrected meanwhile would silently undo theirs.
 */
export function correctText(text: string, verb: EditVerb = 'correct-text'): ReportEdit {
  const corrected = normalizeText(text);
  return {
    verb,
    parts: ['text'],
    apply(state, context) {
      state.annotations = reanchor(state.annotations, textOf(state, context), corrected);
      state.correction = correctionOf(corrected, context);
    },
    inverse: (before, after) => restoreText(verb, before, after),
  };
}

function correctionOf(text: string, context: EditContext): ReportState['correction'] {
  if (text === context.original()) return null;
  return {
    lines: text.split('\n'),
    baseSha256: context.originalSha256,
    editor: context.editor,
    at: context.at,
  };
}

/**
 * Takes the text back from `after` to `before`, provided no one changed it since: the annotations are
 * carried back through the edit, and those it moved or orphaned get the exact place they had before.
 */
function restoreText(verb: EditVerb, before: ReportState, after: ReportState): ReportEdit {
  const expected = JSON.stringify(after.correction?.lines ?? null);
  const anchors = new Map(before.annotations.map((a) => [a.id, a]));
  return {
    verb,
    parts: ['text'],
    apply(state, context) {
      if (JSON.stringify(state.correction?.lines ?? null) !== expected) {
        throw new FolioError(
          'changed-on-disk',
          `report "${state.id}": the text was changed since, so it is left as it is now`,
        );
      }
      const from = textOf(state, context);
      const to = before.correction ? before.correction.lines.join('\n') : context.original();
      state.annotations = reanchor(state.annotations, from, to).map((annotation) => {
        const old = anchors.get(annotation.id);
        if (!old) return annotation;
        return { ...annotation, start: old.start, end: old.end, quote: old.quote, orphaned: old.orphaned };
      });
      state.correction = structuredClone(before.correction);
    },
    inverse: (undoneFrom, undoneTo) => restoreText(verb, undoneFrom, undoneTo),
  };
}
