import { FolioError } from '../errors';
import type { ReportState } from '../store/schema';
import { textKeyOf } from '../text/anchor';
import { hunksOf, knownHunks } from '../text/correction';
import { normalizeText } from '../text/decode';
import { reanchor } from '../text/reanchor';
import type { EditVerb } from '../../contract/history';
import type { EditContext, ReportEdit } from './edit';
import { textOf } from './edit';

/**
 * Replaces the text editors see. Every annotation is carried through the edit onto its own words (see
 * `reanchor`); the original text again removes the correction. The correction's hunks that this edit leaves
 * as they were keep who made them; the others are the editor's. It depends on the text: a correction made
 * on a text someone else corrected meanwhile would silently undo theirs.
 */
export function correctText(text: string, verb: EditVerb = 'correct-text'): ReportEdit {
  const corrected = normalizeText(text);
  return {
    verb,
    parts: ['text'],
    apply(state, context) {
      const before = textOf(state, context);
      state.correction = correctionOf(corrected, state.correction, context);
      state.annotations = reanchor(state.annotations, before, corrected, keyOf(state, context));
    },
    inverse: (before, after) => restoreText(verb, before, after),
  };
}

/** The key of the text a state shows (see `textKeyOf`), which annotations carried onto it are stamped with. */
function keyOf(state: ReportState, context: EditContext): string {
  return textKeyOf(state.correction ? state.correction.lines.join('\n') : null, context.originalSha256);
}

function correctionOf(
  text: string,
  previous: ReportState['correction'],
  context: EditContext,
): ReportState['correction'] {
  const original = context.original();
  if (text === original) return null;
  const earlier = previous && knownHunks(previous, original, context.originalSha256);
  return {
    base: context.originalSha256,
    lines: text.split('\n'),
    hunks: hunksOf(original, text, earlier, { editor: context.editor, at: context.at }),
  };
}

/**
 * Takes the text back from `after` to `before`, provided no one changed it since: the annotations are
 * carried back through the edit, and those it moved or orphaned get the exact place they had before.
 */
export function restoreText(verb: EditVerb, before: ReportState, after: ReportState): ReportEdit {
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
      state.correction = structuredClone(before.correction);
      const key = keyOf(state, context);
      state.annotations = reanchor(state.annotations, from, to, key).map((annotation) => {
        const old = anchors.get(annotation.id);
        if (!old) return annotation;
        const { start, end, quote, prefix, suffix, orphaned } = old;
        return { ...annotation, start, end, quote, prefix, suffix, orphaned, revision: key };
      });
    },
    inverse: (undoneFrom, undoneTo) => restoreText(verb, undoneFrom, undoneTo),
  };
}
