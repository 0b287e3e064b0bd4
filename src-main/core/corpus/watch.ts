import { promises as fs, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { FOLIO_DIR, SidecarStore } from '../store/sidecars';
import type { Corpus } from './corpus';
import { REPORT_FILE, reportIdOf } from './scan';

/** A file is read once no event has come for it for this long: editors save in several writes. */
const QUIET_MS = 150;

/**
 * Watches the corpus folder and reloads reports whose file or sidecar changes on disk, so additions,
 * edits and deletions by other programs or editors show up while the corpus is open. Returns the disposer.
 *
 * One `fs.watch` per folder (the report folders and `.folio/reports/`), never a look at each file: at 100,000
 * reports a watcher that stats every file (chokidar, before) took 7 s of both cores and 360 MB to start. An
 * event only names a file; `Corpus.reload` compares it with what is loaded, so echoes cost a stat.
 */
export function watchCorpus(corpus: Corpus, onError: (error: Error) => void = () => {}): () => Promise<void> {
  const folioDir = path.join(corpus.root, FOLIO_DIR);
  const reportsDir = path.join(folioDir, 'reports');
  const settingsFile = path.join(folioDir, 'corpus.json');
  const store = new SidecarStore(corpus.root);
  const watchers = new Map<string, FSWatcher>();
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const settled = async (file: string) => {
    // lstat: a symbolic link is never followed (`ln -s . loop` must not make a corpus of phantoms).
    const stat = await fs.lstat(file).catch(() => null);
    if (closed) return;
    if (stat?.isDirectory()) return watchTree(file, true);
    if (stat?.isSymbolicLink() && !REPORT_FILE.test(file)) {
      return corpus.skipSymlink(path.relative(corpus.root, file).split(path.sep).join('/'));
    }
    if (file === settingsFile) return corpus.reloadSettings();
    if (file.startsWith(reportsDir + path.sep)) {
      const id = await store.idOfStateFile(file);
      return id === null ? undefined : corpus.reload(id);
    }
    if (REPORT_FILE.test(file)) {
      const relative = path.relative(corpus.root, file);
      return corpus.reload(reportIdOf(relative), relative.split(path.sep).join('/'));
    }
    if (stat) return;
    // Something gone that was not a report: if it was a folder, so are the reports that were in it.
    const prefix = `${path.relative(corpus.root, file).split(path.sep).join('/')}/`;
    for (const gone of corpus.ids().filter((known) => known.startsWith(prefix))) await corpus.reload(gone);
  };
  const changed = (file: string) => {
    clearTimeout(timers.get(file));
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        settled(file).catch(onError);
      }, QUIET_MS),
    );
  };
  const watchFolder = (dir: string) => {
    if (closed || watchers.has(dir)) return;
    try {
      const watcher = watch(dir, (_event, name) => {
        if (name && isWatched(corpus.root, folioDir, path.join(dir, name))) changed(path.join(dir, name));
      });
      watcher.on('error', (error: NodeJS.ErrnoException) => {
        // A watched folder that was deleted: its reports are reloaded (and dropped) through its parent's event.
        watcher.close();
        watchers.delete(dir);
        if (error.code !== 'ENOENT' && error.code !== 'EPERM') onError(error);
      });
      watchers.set(dir, watcher);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error as Error);
    }
  };
  /** Watches a folder and those below it; `added`: a folder that appeared, whose files are new reports. */
  const watchTree = async (dir: string, added: boolean): Promise<void> => {
    watchFolder(dir);
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (!isWatched(corpus.root, folioDir, full)) continue;
      if (entry.isDirectory()) await watchTree(full, added);
      else if (added) changed(full);
    }
  };

  watchTree(corpus.root, false).catch(onError);
  // `.folio/` itself, so a `reports/` folder made after opening (a first edit, a `git pull`) is watched too.
  watchFolder(folioDir);
  watchTree(reportsDir, false).catch(onError);
  return async () => {
    closed = true;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}

/** Report folders and files, `.folio/reports/` and what is in it; not other hidden things or temporary files. */
function isWatched(root: string, folioDir: string, file: string): boolean {
  if (file.endsWith('.tmp')) return false;
  const reportsDir = path.join(folioDir, 'reports');
  if (file === folioDir || file === reportsDir || file.startsWith(reportsDir + path.sep)) return true;
  if (file === path.join(folioDir, 'corpus.json')) return true;
  return !path
    .relative(root, file)
    .split(path.sep)
    .some((part) => part.startsWith('.'));
}
