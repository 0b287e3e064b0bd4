export { Collections } from './collections';
export type { CollectionSpec } from './edit';
export { checkCollectionName } from './name';
export { resolveCollection, searchIds } from './resolve';
export type { Collection, ManualCollection, SavedSearch } from './schema';
