import { Corpus } from '../core';

/** Opens a corpus with the analysis worker that `scripts/bundle.mjs` puts beside the CLI's bundle. */
export async function openCorpus(dir: string): Promise<Corpus> {
  return Corpus.open(dir, {
    analysis: { workerScript: new URL('./analyze-worker.mjs', import.meta.url) },
  });
}
