import path from 'node:path';
import { watch } from 'chokidar';
import { FOLIO_DIR } from '../store/sidecars';
import type { Corpus } from './corpus';
import { reportIdOf } from './scan';

/**
 * Watches the corpus folder and reloads reports whose file or sidecar changes on disk, so additions,
 * edits and deletions by other programs or editors show up while the corpus is open. Returns the disposer.
 */
export function watchCorpus(corpus: Corpus, onError: (error: Error) => void = () => {}): () => Promise<void> {
  const reportsDir = path.join(corpus.root, FOLIO_DIR, 'reports');
  const watcher = watch(corpus.root, {
    ignoreInitial: true,
    // Editors save in several writes; wait until a file is quiet before reading it.
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
    ignored: (file, stats) => {
      const relative = path.relative(corpus.root, file);
      if (relative === '') return false;
      if (relative === FOLIO_DIR || relative.startsWith(`${FOLIO_DIR}${path.sep}reports`))
        return isTempFile(file);
      if (relative.split(path.sep).some((part) => part.startsWith('.'))) return true;
      return Boolean(stats?.isFile()) && !/\.txt$/i.test(file);
    },
  });
  const reload = (file: string) => {
    const id = idOfPath(corpus.root, reportsDir, file);
    if (id !== null) corpus.reload(id).catch(onError);
  };
  watcher
    .on('add', reload)
    .on('change', reload)
    .on('unlink', reload)
    .on('error', (e) => onError(e as Error));
  return () => watcher.close();
}

function idOfPath(root: string, reportsDir: string, file: string): string | null {
  if (file.startsWith(reportsDir + path.sep)) {
    return file.endsWith('.json')
      ? path.relative(reportsDir, file).slice(0, -'.json'.length).split(path.sep).join('/')
      : null;
  }
  return /\.txt$/i.test(file) ? reportIdOf(path.relative(root, file)) : null;
}

function isTempFile(file: string): boolean {
  return path.basename(file).endsWith('.tmp');
}
