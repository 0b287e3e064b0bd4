import type { Collection } from '../collections/schema';
import type { CorpusSettings, SettingsConflict } from '../store/schema';
import { conflictId } from './conflictId';
import { mergeByKey, mergeConflictLists, mergeSet, mergeValue } from './threeWay';

/** Merged corpus settings and the conflicts among them, new ones and those kept from either side. */
export interface MergedSettings {
  settings: CorpusSettings;
  conflicts: SettingsConflict[];
}

type Outlet = NonNullable<CorpusSettings['outlets']>[number];

/**
 * Merges three versions of `.folio/corpus.json` (`base` null when both sides made it): labels, collections
 * and outlets by name, a hand-picked collection's reports and the tag vocabulary as sets. An item both
 * sides changed differently keeps ours and is recorded as a conflict in the merged settings.
 */
export function mergeSettings(
  base: CorpusSettings | null,
  ours: CorpusSettings,
  theirs: CorpusSettings,
): MergedSettings {
  const ancestor = base ?? { ...ours, labels: [], tags: [], collections: [], outlets: [], conflicts: [] };
  const found: SettingsConflict[] = [];
  const recorded =
    (kind: SettingsConflict['kind']) =>
    <T>(name: string, b: T | null, o: T | null, t: T | null) =>
      conflictedOurs(kind, name, b, o, t, found);
  const byName = <T extends { name: string }>(
    pick: (settings: CorpusSettings) => readonly T[],
    merge: (name: string, base: T | null, ours: T | null, theirs: T | null) => T | null,
  ) => mergeByKey(pick(ancestor), pick(ours), pick(theirs), (item) => item.name, merge);

  const labels = byName((s) => s.labels, recorded('label'));
  const collections = byName(
    (s) => s.collections,
    (name, b, o, t) => mergeManualIds(b, o, t) ?? recorded('collection')(name, b, o, t),
  );
  const outlets = byName<Outlet>((s) => s.outlets ?? [], recorded('outlet'));
  const settings: CorpusSettings = {
    ...ours,
    id: ours.id ?? theirs.id,
    labels,
    tags: mergeSet(ancestor.tags, ours.tags, theirs.tags),
    collections,
    ...(ours.outlets || theirs.outlets ? { outlets } : {}),
    conflicts: mergeConflictLists(
      ancestor.conflicts ?? [],
      ours.conflicts ?? [],
      theirs.conflicts ?? [],
      found,
      (c) => `${c.kind}:${c.name}`,
    ),
  };
  return { settings, conflicts: found };
}

/** A hand-picked collection both sides kept: its reports merged as a set. Null when that does not apply. */
function mergeManualIds(base: Collection | null, ours: Collection | null, theirs: Collection | null) {
  if (ours?.kind !== 'manual' || theirs?.kind !== 'manual' || (base && base.kind !== 'manual')) return null;
  return { ...ours, ids: mergeSet(base?.ids ?? [], ours.ids, theirs.ids) };
}

/** One item merged three ways; changed differently on both sides, ours is kept and the conflict recorded. */
function conflictedOurs<T>(
  kind: SettingsConflict['kind'],
  name: string,
  base: T | null,
  ours: T | null,
  theirs: T | null,
  found: SettingsConflict[],
): T | null {
  const merged = mergeValue(base, ours, theirs);
  if (merged.conflicted) {
    found.push({ id: conflictId(kind, name, ours, theirs), kind, name, base, ours, theirs });
  }
  return merged.value;
}
