import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../corpus/corpus';
import { FolioError } from '../errors';
import { SCHEMA_VERSION, type StoredAnnotation } from '../store/schema';
import { SidecarStore } from '../store/sidecars';

/**
 * Adds annotations to a report's sidecar as given, ids, authors and times included, so an import gives back
 * exactly what was exported; then reloads the report. The corpus has no method that keeps ids and times, so
 * this writes through the sidecar store with the same revision guard the corpus uses.
 */
export async function addAnnotationsAsGiven(
  corpus: Corpus,
  id: string,
  annotations: StoredAnnotation[],
): Promise<void> {
  const report = corpus.report(id);
  const store = new SidecarStore(corpus.root);
  const stat = await fs.stat(path.join(corpus.root, report.file));
  const loaded = await store.readState(id, () => ({
    schema: SCHEMA_VERSION,
    id,
    original: { file: report.file, sha256: report.sha256, size: stat.size },
    status: report.status,
    tags: report.tags,
    metadata: {},
    annotations: [],
    correction: null,
  }));
  if (loaded.revision !== report.revision) {
    throw new FolioError(
      'changed-on-disk',
      `report "${id}" was changed by someone else since it was opened; reload it and import again`,
    );
  }
  const state = structuredClone(loaded.state);
  state.annotations.push(...annotations);
  await store.writeState(state, loaded.revision);
  await corpus.reload(id);
}
