import type { Collection } from '../collections/schema';
import { FolioError } from '../errors';
import type { CorpusSettings } from '../store/schema';
import type { EditVerb } from '../../contract/history';

/** One change of `.folio/corpus.json` (a collection made, filled, reordered or deleted), as an intent. */
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
 * left it: a collection someone changed since is theirs now.
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
      return { ...settings, collections };
    },
    inverse: (undoneFrom, undoneTo) => restoreCollections(verb, undoneFrom, undoneTo),
  };
}

function byName(settings: CorpusSettings, name: string): Collection | null {
  return settings.collections.find((c) => c.name === name) ?? null;
}
