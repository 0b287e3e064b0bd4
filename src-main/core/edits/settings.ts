import type { Collection } from '../collections/schema';
import { FolioError } from '../errors';
import type { CorpusSettings } from '../store/schema';
import type { EditVerb } from '../../contract/history';

/** One change of `.folio/corpus.json` (a collection made, filled, renamed, moved or deleted), as an intent. */
export interface SettingsEdit {
  readonly verb: EditVerb;
  /** The next settings from the current ones; throws a `FolioError` when they cannot take the change. */
  apply(settings: CorpusSettings): CorpusSettings;
  /** The edit that takes what this one changed from `after` back to `before`. */
  inverse(before: CorpusSettings, after: CorpusSettings): SettingsEdit;
}

/** A settings edit from a pure change of the collections array; undone collection by collection. */
export function collectionsEdit(verb: EditVerb, change: (all: Collection[]) => Collection[]): SettingsEdit {
  return {
    verb,
    apply: (settings) => ({ ...settings, collections: change(settings.collections) }),
    inverse: (before, after) => restoreCollections(verb, before, after),
  };
}

/**
 * Puts back the collections that differ between `after` and `before`, each only if it is still as `after`
 * left it: a collection someone changed since is theirs now. Then puts back their order, if the edit changed
 * it and nobody has reordered them since.
 */
function restoreCollections(verb: EditVerb, before: CorpusSettings, after: CorpusSettings): SettingsEdit {
  const names = [...new Set([...before.collections, ...after.collections].map((c) => c.name))].filter(
    (name) => JSON.stringify(byName(before, name)) !== JSON.stringify(byName(after, name)),
  );
  return {
    verb,
    apply(settings) {
      let collections = [...settings.collections];
      for (const name of names) {
        if (JSON.stringify(byName(settings, name)) !== JSON.stringify(byName(after, name))) {
          throw new FolioError(
            'changed-on-disk',
            `collection "${name}" was changed since, so it is left as it is now`,
          );
        }
        const old = byName(before, name);
        const at = collections.findIndex((c) => c.name === name);
        if (old === null) collections = collections.filter((c) => c.name !== name);
        else if (at >= 0) collections[at] = structuredClone(old);
        else
          collections.splice(
            Math.min(before.collections.indexOf(old), collections.length),
            0,
            structuredClone(old),
          );
      }
      return { ...settings, collections: restoreOrder(collections, before, after) };
    },
    inverse: (undoneFrom, undoneTo) => restoreCollections(verb, undoneFrom, undoneTo),
  };
}

/**
 * The collections with those that both `before` and `after` hold back in `before`'s order, in the places
 * they fill now, so a collection made since keeps its place.
 */
function restoreOrder(
  collections: Collection[],
  before: CorpusSettings,
  after: CorpusSettings,
): Collection[] {
  const present = new Set(collections.map((c) => c.name));
  const shared = (settings: CorpusSettings, other: CorpusSettings) =>
    settings.collections
      .map((c) => c.name)
      .filter((name) => present.has(name) && byName(other, name) !== null);
  const wanted = shared(before, after);
  const left = shared(after, before);
  if (sameOrder(wanted, left)) return collections;
  const moved = new Set(wanted);
  const now = collections.map((c) => c.name).filter((name) => moved.has(name));
  if (!sameOrder(now, left)) {
    throw new FolioError(
      'changed-on-disk',
      'the collections were reordered since, so they are left in the order they are in now',
    );
  }
  const inOrder = wanted.map((name) => collections.find((c) => c.name === name)!);
  return collections.map((c) => (moved.has(c.name) ? inOrder.shift()! : c));
}

function sameOrder(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function byName(settings: CorpusSettings, name: string): Collection | null {
  return settings.collections.find((c) => c.name === name) ?? null;
}
