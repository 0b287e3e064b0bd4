import { FolioError } from '../errors';
import type { ReportEdit } from './edit';

/** A tag as it is stored: NFC, inner spaces collapsed, trimmed; an empty one is refused. */
export function cleanTag(tag: string): string {
  const cleaned = tag.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!cleaned) throw new FolioError('invalid-input', 'a tag cannot be empty');
  return cleaned;
}

/** The key two tags are the same under: "Cần Thơ" and "cần thơ" are one tag. */
function tagKey(tag: string): string {
  return tag.toLocaleLowerCase('vi');
}

/**
 * Adds and removes tags, case-insensitively: a tag the report has in another case is kept as it is spelt
 * there, and removing "cần thơ" removes "Cần Thơ". Tags commute: it depends on no part, so writers tagging
 * one report at once never conflict; its inverse removes only what it added and adds back only what it removed.
 */
export function setTags(change: { add?: string[]; remove?: string[] }): ReportEdit {
  const add = (change.add ?? []).map(cleanTag);
  const remove = new Set((change.remove ?? []).map((tag) => tagKey(cleanTag(tag))));
  return {
    verb: 'set-tags',
    parts: [],
    apply(state) {
      const kept = state.tags.filter((t) => !remove.has(tagKey(t)));
      const present = new Set(kept.map(tagKey));
      for (const tag of add) {
        if (present.has(tagKey(tag))) continue;
        present.add(tagKey(tag));
        kept.push(tag);
      }
      state.tags = kept;
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
