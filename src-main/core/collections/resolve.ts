import type { CorpusReader } from '../corpus/reader';
import { checkFilters } from './filters';
import type { ResolvedCollection, StoredFilters } from '../../contract/types';
import type { Collection } from './schema';

export type { ResolvedCollection };

/** Every report matching a query and filters, in corpus order so exports are stable. */
export function searchIds(
  corpus: CorpusReader,
  query: string,
  filters: StoredFilters,
  where: string,
): string[] {
  const matched = new Set(corpus.searchHits(query, checkFilters(filters, where)).map((hit) => hit.id));
  return corpus.ids().filter((id) => matched.has(id));
}

/** Evaluates a collection: a manual one keeps the editor's order and marks gone reports missing. */
export function resolveCollection(corpus: CorpusReader, collection: Collection): ResolvedCollection {
  if (collection.kind === 'search') {
    const where = `saved search "${collection.name}"`;
    return {
      name: collection.name,
      kind: 'search',
      query: collection.query,
      filters: collection.filters,
      entries: searchIds(corpus, collection.query, collection.filters, where).map((id) => ({
        id,
        missing: false,
      })),
    };
  }
  const present = new Set(corpus.ids());
  return {
    name: collection.name,
    kind: 'manual',
    query: null,
    filters: null,
    entries: collection.ids.map((id) => ({ id, missing: !present.has(id) })),
  };
}
