import type { Corpus } from './corpus';

/** What collections, exports and imports read of an open corpus: its reports and settings, nothing that loads or edits. */
export type CorpusReader = Pick<
  Corpus,
  'root' | 'ids' | 'info' | 'report' | 'summary' | 'searchHits' | 'corpusSettings'
>;

/** A reader that may also apply the edits an import or a collection makes. */
export type CorpusWriter = CorpusReader &
  Pick<Corpus, 'edit' | 'editSettings' | 'importAnnotations' | 'setMetadata'>;
