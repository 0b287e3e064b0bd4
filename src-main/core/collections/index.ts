export { Collections } from './collections';
export type { CollectionSpec } from './edit';
export { checkCollectionName } from './name';
export { resolveCollection, searchIds, type CollectionEntry, type ResolvedCollection } from './resolve';
export type { Collection, ManualCollection, SavedSearch, StoredFilters } from './schema';
