import { findCollection } from '../collections/edit';
import { resolveCollection, searchIds } from '../collections/resolve';
import type { CorpusReader } from '../corpus/reader';
import { FolioError } from '../errors';
import type { ExportSelection } from './types';

/** The reports an export takes, in export order, with what the manifest and summary say about them. */
export interface SelectedReports {
  ids: string[];
  /** Collection entries whose report file is gone. */
  missing: string[];
  /** "collection “Hội nghị”", for titles and messages. */
  title: string;
  /** The selection as recorded in `manifest.json`. */
  recorded: Record<string, unknown>;
}

/** Evaluates the selection; throws when it holds no report at all. */
export function selectReports(corpus: CorpusReader, selection: ExportSelection): SelectedReports {
  const selected = evaluate(corpus, selection);
  if (selected.ids.length === 0) {
    const gone = selected.missing.length ? ` (${selected.missing.length} entries name missing reports)` : '';
    throw new FolioError(
      'invalid-input',
      `${selected.title} holds no reports${gone}; nothing was exported`,
      undefined,
      { reason: 'nothing-to-export', selection: selection.kind, name: selectionName(selection) },
    );
  }
  return selected;
}

function evaluate(corpus: CorpusReader, selection: ExportSelection): SelectedReports {
  switch (selection.kind) {
    case 'all':
      return { ids: corpus.ids(), missing: [], title: 'all reports', recorded: { kind: 'all' } };
    case 'query': {
      const title = `query "${selection.query}"`;
      return {
        ids: searchIds(corpus, selection.query, selection.filters, title),
        missing: [],
        title,
        recorded: { kind: 'query', query: selection.query, filters: selection.filters },
      };
    }
    case 'collection': {
      const collection = resolveCollection(
        corpus,
        findCollection(corpus.corpusSettings().collections, selection.name),
      );
      return {
        ids: collection.entries.filter((e) => !e.missing).map((e) => e.id),
        missing: collection.entries.filter((e) => e.missing).map((e) => e.id),
        title: `collection "${collection.name}"`,
        recorded: {
          kind: 'collection',
          name: collection.name,
          collectionKind: collection.kind,
          ...(collection.kind === 'search' ? { query: collection.query, filters: collection.filters } : {}),
        },
      };
    }
  }
}

/** The query or collection name a selection was made by, for a message that names it. */
function selectionName(selection: ExportSelection): string {
  return selection.kind === 'query' ? selection.query : selection.kind === 'collection' ? selection.name : '';
}
