import { FolioError } from '../errors';
import { checkCollectionName, sameCollectionName } from './name';
import type { Collection, ManualCollection, StoredFilters } from './schema';

// Pure edits of the collections array: each returns a new array and throws a precise error on a bad request.

/** What a new collection holds: hand-picked ids, or a query with filters. */
export type CollectionSpec =
  | { kind: 'manual'; name: string; ids?: string[] }
  | { kind: 'search'; name: string; query: string; filters: StoredFilters };

/** The collection with that name; throws `invalid-input` naming the known collections when there is none. */
export function findCollection(collections: readonly Collection[], name: string): Collection {
  const found = collections.find((c) => sameCollectionName(c.name, name));
  if (!found) {
    const known = collections.map((c) => `"${c.name}"`).join(', ') || 'none yet';
    throw new FolioError(
      'invalid-input',
      `no collection "${name}" in this corpus (collections: ${known})`,
      undefined,
      { reason: 'collection-unknown', name },
    );
  }
  return found;
}

/** Adds a collection; its name must be usable as a file name and not taken. */
export function createCollection(collections: readonly Collection[], spec: CollectionSpec): Collection[] {
  const name = freeName(collections, spec.name, null);
  const created: Collection =
    spec.kind === 'manual'
      ? { kind: 'manual', name, ids: [...new Set(spec.ids ?? [])] }
      : { kind: 'search', name, query: spec.query, filters: spec.filters };
  return [...collections, created];
}

/**
 * Gives a collection a new name, checked as a new collection's is; the collection keeps its place and its
 * contents. A change of case alone is a rename too.
 */
export function renameCollection(
  collections: readonly Collection[],
  name: string,
  newName: string,
): Collection[] {
  const target = findCollection(collections, name);
  const renamed = freeName(collections, newName, target);
  return collections.map((c) => (c === target ? { ...target, name: renamed } : c));
}

/** Moves a collection to a 1-based position among the collections (beyond the end means last). */
export function moveCollection(
  collections: readonly Collection[],
  name: string,
  position: number,
): Collection[] {
  checkPosition(position);
  const target = findCollection(collections, name);
  const rest = collections.filter((c) => c !== target);
  rest.splice(Math.min(position - 1, rest.length), 0, target);
  return rest;
}

/** Removes a collection (never the reports in it). */
export function deleteCollection(collections: readonly Collection[], name: string): Collection[] {
  const target = findCollection(collections, name);
  return collections.filter((c) => c !== target);
}

/** Appends ids to a manual collection in the order given; ids already in it stay where they are. */
export function addToCollection(
  collections: readonly Collection[],
  name: string,
  ids: string[],
): Collection[] {
  return editManual(collections, name, (current) => [...new Set([...current, ...ids])]);
}

/** Removes ids from a manual collection; throws naming any id that is not in it. */
export function removeFromCollection(
  collections: readonly Collection[],
  name: string,
  ids: string[],
): Collection[] {
  return editManual(collections, name, (current, collection) => {
    const absent = ids.filter((id) => !current.includes(id));
    if (absent.length) {
      throw new FolioError(
        'invalid-input',
        `collection "${collection.name}" does not hold ${absent.map((id) => `"${id}"`).join(', ')}`,
      );
    }
    return current.filter((id) => !ids.includes(id));
  });
}

/** Moves an id of a manual collection to a 1-based position (beyond the end means last). */
export function moveInCollection(
  collections: readonly Collection[],
  name: string,
  id: string,
  position: number,
): Collection[] {
  checkPosition(position);
  return editManual(collections, name, (current, collection) => {
    if (!current.includes(id)) {
      throw new FolioError('invalid-input', `collection "${collection.name}" does not hold "${id}"`);
    }
    const rest = current.filter((entry) => entry !== id);
    rest.splice(Math.min(position - 1, rest.length), 0, id);
    return rest;
  });
}

/** The checked form of a name no collection but `self` has (case-insensitively). */
function freeName(collections: readonly Collection[], raw: string, self: Collection | null): string {
  const name = checkCollectionName(raw);
  const taken = collections.find((c) => c !== self && sameCollectionName(c.name, name));
  if (taken) {
    throw new FolioError('invalid-input', `a collection named "${taken.name}" already exists`, undefined, {
      reason: 'collection-exists',
      name: taken.name,
    });
  }
  return name;
}

function checkPosition(position: number): void {
  if (!Number.isInteger(position) || position < 1) {
    throw new FolioError('invalid-input', `position must be a whole number ≥ 1, not ${position}`);
  }
}

function editManual(
  collections: readonly Collection[],
  name: string,
  edit: (ids: string[], collection: ManualCollection) => string[],
): Collection[] {
  const target = findCollection(collections, name);
  if (target.kind !== 'manual') {
    throw new FolioError(
      'invalid-input',
      `collection "${target.name}" is a saved search; its reports follow its query and cannot be picked by hand`,
    );
  }
  return collections.map((c) => (c === target ? { ...target, ids: edit([...target.ids], target) } : c));
}
