import { collectionSchema } from '../collections/schema';
import { FolioError } from '../errors';
import { labelSchema, outletSchema, type CorpusSettings, type SettingsConflict } from '../store/schema';
import type { LabelUsage } from './editLabels';
import type { SettingsEdit } from './settings';

/** Which version of a conflicted setting the editor keeps: their own (held already) or the other side's. */
export type SettingsConflictChoice = 'ours' | 'theirs';

/**
 * A settings edit that resolves one conflict a merge recorded in `.folio/corpus.json`: `ours` keeps the
 * setting as the settings hold it, `theirs` puts the other side's version in its place (or removes it, when
 * they deleted it); either way the conflict entry goes. A label annotations use is never removed.
 */
export function resolveSettingsConflict(
  id: string,
  choice: SettingsConflictChoice,
  usage: LabelUsage,
): SettingsEdit {
  return {
    verb: 'resolve-conflict',
    apply(settings) {
      const conflict = settings.conflicts?.find((c) => c.id === id);
      if (!conflict) {
        throw new FolioError(
          'changed-on-disk',
          `.folio/corpus.json has no conflict "${id}": it was resolved already, or never was`,
          undefined,
          { reason: 'conflict-resolved' },
        );
      }
      const chosen = choice === 'theirs' ? withItem(settings, conflict, conflict.theirs, usage) : settings;
      return { ...chosen, conflicts: settings.conflicts!.filter((c) => c.id !== id) };
    },
    inverse: (before, after) =>
      restoreConflict(
        before.conflicts!.find((c) => c.id === id)!,
        after,
        before,
        usage,
      ),
  };
}

/**
 * The edit that takes the setting a conflict is about, and its conflict entry, from `from` back to `to`,
 * applied only while the setting is still as `from` left it: one changed since is someone's newer choice.
 */
function restoreConflict(
  conflict: SettingsConflict,
  from: CorpusSettings,
  to: CorpusSettings,
  usage: LabelUsage,
): SettingsEdit {
  return {
    verb: 'resolve-conflict',
    apply(settings) {
      if (JSON.stringify(itemOf(settings, conflict)) !== JSON.stringify(itemOf(from, conflict))) {
        throw new FolioError(
          'changed-on-disk',
          `${conflict.kind} "${conflict.name}" was changed since, so it is left as it is now`,
        );
      }
      const restored = withItem(settings, conflict, itemOf(to, conflict), usage);
      const others = (settings.conflicts ?? []).filter((c) => c.id !== conflict.id);
      const wanted = to.conflicts?.some((c) => c.id === conflict.id);
      return { ...restored, conflicts: wanted ? [...others, conflict] : others };
    },
    inverse: (before, after) => restoreConflict(conflict, after, before, usage),
  };
}

/** The version of the setting a conflict is about that `settings` hold; null when they hold none. */
function itemOf(settings: CorpusSettings, { kind, name }: SettingsConflict): unknown {
  switch (kind) {
    case 'label':
      return settings.labels.find((l) => l.name === name) ?? null;
    case 'collection':
      return settings.collections.find((c) => c.name === name) ?? null;
    case 'outlet':
      return settings.outlets?.find((o) => o.name === name) ?? null;
    case 'tag-vocabulary':
      return settings.tags.includes(name) ? name : null;
  }
}

/**
 * The settings with the setting a conflict is about set to `value` (null: removed), in its place when the
 * settings hold it, else last. A value that is not a valid setting of its kind (a hand-edited file) is refused.
 */
function withItem(
  settings: CorpusSettings,
  conflict: SettingsConflict,
  value: unknown,
  usage: LabelUsage,
): CorpusSettings {
  const { kind, name } = conflict;
  const parsed = (schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }) => {
    if (value === null) return null;
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new FolioError(
        'corrupt-sidecar',
        `.folio/corpus.json: the other version of ${kind} "${name}" in conflict "${conflict.id}" is not a valid ${kind}`,
      );
    }
    return result.data;
  };
  switch (kind) {
    case 'label': {
      const label = parsed(labelSchema) as CorpusSettings['labels'][number] | null;
      const count = usage()[name] ?? 0;
      if (label === null && count > 0) {
        throw new FolioError(
          'invalid-input',
          `label "${name}" is used by ${count} annotation(s); relabel or delete them before removing it`,
          undefined,
          { reason: 'label-in-use', label: name, count },
        );
      }
      // Keys are unique: a key another label took meanwhile stays with that label.
      const taken = label?.key != null && settings.labels.some((l) => l.name !== name && l.key === label.key);
      return {
        ...settings,
        labels: replaced(settings.labels, name, taken ? { ...label!, key: null } : label),
      };
    }
    case 'collection': {
      const collection = parsed(collectionSchema) as CorpusSettings['collections'][number] | null;
      return { ...settings, collections: replaced(settings.collections, name, collection) };
    }
    case 'outlet': {
      const outlet = parsed(outletSchema) as NonNullable<CorpusSettings['outlets']>[number] | null;
      return { ...settings, outlets: replaced(settings.outlets ?? [], name, outlet) };
    }
    case 'tag-vocabulary': {
      const tags = settings.tags.filter((tag) => tag !== name);
      return { ...settings, tags: value === null || value === false ? tags : [...tags, name] };
    }
  }
}

/** `items` with the one named `name` replaced by `item` (or removed when null), added last when absent. */
function replaced<T extends { name: string }>(items: readonly T[], name: string, item: T | null): T[] {
  const at = items.findIndex((i) => i.name === name);
  if (item === null) return items.filter((_, i) => i !== at);
  return at < 0 ? [...items, item] : items.map((i, index) => (index === at ? item : i));
}
