import { FolioError } from '../errors';
import type { ReportEdit } from './edit';

/** A tag as it is stored: NFC, inner spaces collapsed, trimmed; an empty one is refused. */
export function cleanTag(tag: string): string {
  const cleaned = tag.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!cleaned) throw new FolioError('invalid-input', 'a tag cannot be empty');
  return cleaned;
}

/**
 * Adds and removes tags. Tags commute: it depends on no part, so writers tagging one report at once never
 * conflict; its inverse removes only what it added and adds back only what it removed.
 */
export function setTags(change: { add?: string[]; remove?: string[] }): ReportEdit {
  const add = (change.add ?? []).map(cleanTag);
  const remove = new Set((change.remove ?? []).map(cleanTag));
  return {
    verb: 'set-tags',
    parts: [],
    apply(state) {
      state.tags = [...new Set([...state.tags.filter((t) => !remove.has(t)), ...add])];
    },
    inverse(before, after) {
      const had = new Set(before.tags);
      const has = new Set(after.tags);
      return setTags({
        add: before.tags.filter((t) => !has.has(t)),
        remove: after.tags.filter((t) => !had.has(t)),
      });
    },
  };
}
