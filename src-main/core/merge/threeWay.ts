import { isDeepStrictEqual } from 'node:util';

/** One value merged three ways: the value kept, and whether both sides changed it differently. */
export interface MergedValue<T> {
  value: T;
  conflicted: boolean;
}

/**
 * Merges one value three ways: a change made on one side wins, the same change made on both is taken once,
 * and different changes keep ours and say so. `null` stands for "absent" (deleted, or never added).
 */
export function mergeValue<T>(
  base: T,
  ours: T,
  theirs: T,
  same: (a: T, b: T) => boolean = isDeepStrictEqual,
): MergedValue<T> {
  if (same(ours, theirs) || same(theirs, base)) return { value: ours, conflicted: false };
  if (same(ours, base)) return { value: theirs, conflicted: false };
  return { value: ours, conflicted: true };
}

/**
 * Merges a set three ways: what either side added is in, what either side removed is out. Ours' order,
 * then what only theirs added, in theirs' order.
 */
export function mergeSet<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[]): T[] {
  const inBase = new Set(base);
  const inOurs = new Set(ours);
  const inTheirs = new Set(theirs);
  const kept = ours.filter((item) => inTheirs.has(item) || !inBase.has(item));
  const added = theirs.filter((item) => !inOurs.has(item) && !inBase.has(item));
  return [...new Set([...kept, ...added])];
}

/**
 * Merges lists of items that have a key (an id, a name) item by item: `merge` gets the three versions of
 * one key (null where a side has none) and returns the merged item, or null to leave it out. Ours' order,
 * then theirs' other keys in theirs' order.
 */
export function mergeByKey<T>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  keyOf: (item: T) => string,
  merge: (key: string, base: T | null, ours: T | null, theirs: T | null) => T | null,
): T[] {
  const byKey = (items: readonly T[]) => new Map(items.map((item) => [keyOf(item), item]));
  const baseItems = byKey(base);
  const ourItems = byKey(ours);
  const theirItems = byKey(theirs);
  const keys = new Set([...ourItems.keys(), ...theirItems.keys(), ...baseItems.keys()]);
  const merged: T[] = [];
  for (const key of keys) {
    const item = merge(
      key,
      baseItems.get(key) ?? null,
      ourItems.get(key) ?? null,
      theirItems.get(key) ?? null,
    );
    if (item !== null) merged.push(item);
  }
  return merged;
}

/**
 * The conflict entries of a merged file: those either side holds, as a set by id (one side resolving one
 * removes it), then those this merge `found`, each taking the place of an older one about the same thing
 * (`targetOf`: the field, annotation, line or named item it is about).
 */
export function mergeConflictLists<C extends { id: string }>(
  base: readonly C[],
  ours: readonly C[],
  theirs: readonly C[],
  found: readonly C[],
  targetOf: (conflict: C) => string,
): C[] {
  const newTargets = new Set(found.map(targetOf));
  const kept = mergeByKey(
    base,
    ours,
    theirs,
    (c) => c.id,
    (_id, b, o, t) => mergeValue(b, o, t).value,
  );
  return [...kept.filter((c) => !newTargets.has(targetOf(c))), ...found];
}
