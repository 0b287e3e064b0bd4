import type { CorpusWriter } from '../corpus/reader';
import type { StoredAnnotation } from '../store/schema';

/**
 * Adds annotations to a report as given, ids, authors and times included, so an import gives back exactly
 * what was exported; refused when the report changed since the corpus read it.
 */
export async function addAnnotationsAsGiven(
  corpus: CorpusWriter,
  id: string,
  annotations: StoredAnnotation[],
): Promise<void> {
  await corpus.importAnnotations(id, annotations, corpus.report(id).revision);
}
