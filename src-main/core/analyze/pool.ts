import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { registryWith, type Outlet } from '../extract';
import { SearchIndex } from '../search/searchIndex';
import { analyzeFile, type AnalyzedFile, type AnalyzeJob } from './analyze';
import type { ToWorker, FromWorker } from './messages';

/** How files are analysed: in worker threads when a shell gives the worker's script, else in this thread. */
export interface AnalyzeOptions {
  /** The bundled `analyzeWorker` entry; shells know where their bundler put it. */
  workerScript?: URL;
  /** Worker threads to use (default: one per core). */
  threads?: number;
  /** The corpus's own outlets, known beside the shipped registry (its `corpus.json`). */
  outlets?: readonly Outlet[];
}

/** Files per message: a few tens of milliseconds of work, so progress flows and both cores stay busy. */
const BATCH = 24;
/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;

/**
 * Worker threads started before the files they will read are known, so that loading their script overlaps
 * listing the folder. Unused, they must be closed.
 */
export class WorkerPool {
  private failure: Error | null = null;
  private readonly exited = new Set<Worker>();

  private constructor(readonly workers: Worker[]) {
    // Listening at once: a worker that fails while loading must not take the process down unheard.
    for (const worker of workers) {
      worker.on('error', (error) => (this.failure ??= error));
      worker.on('exit', () => this.exited.add(worker));
    }
  }

  /** Starts one worker per thread, or returns null when the options name no worker script that exists. */
  static start(
    root: string,
    options: AnalyzeOptions,
    threads = options.threads ?? availableParallelism(),
  ): WorkerPool | null {
    const script = options.workerScript;
    if (!script || threads < 1 || !existsSync(fileURLToPath(script))) return null;
    // A small young generation: extraction makes much short-lived garbage, and the workers' heaps count in the
    // memory of the app.
    const start = () =>
      new Worker(script, {
        workerData: { root, outlets: options.outlets ?? [] },
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
      });
    return new WorkerPool(Array.from({ length: threads }, start));
  }

  /** Why the pool cannot be used: a worker that failed or stopped before it was given work. */
  problem(): Error | null {
    return (
      this.failure ?? (this.exited.size > 0 ? new Error('a worker stopped before it was given work') : null)
    );
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }
}

/**
 * Reads, extracts and indexes `jobs`, calling `onResult` for each file as it is done (in no particular order),
 * and resolves with the index shards to merge. Workers come from `pool` when one was started ahead, else are
 * started here for a large batch. A worker that fails makes the rest run in this thread, so a corpus still
 * opens where threads cannot start (a packaged app whose worker script is unreadable, say).
 */
export async function analyzeFiles(
  root: string,
  jobs: AnalyzeJob[],
  options: AnalyzeOptions,
  onResult: (result: AnalyzedFile) => void,
  pool: WorkerPool | null = null,
): Promise<SearchIndex[]> {
  const delivered = new Set<string>();
  const deliver = (result: AnalyzedFile) => {
    if (delivered.has(result.id)) return;
    delivered.add(result.id);
    onResult(result);
  };
  const threads = Math.min(options.threads ?? availableParallelism(), Math.ceil(jobs.length / BATCH));
  const workers =
    jobs.length >= MIN_FILES_FOR_WORKERS && threads > 0
      ? (pool ?? WorkerPool.start(root, options, threads))
      : null;
  if (workers !== pool) pool?.close();
  if (jobs.length === 0) return [];
  if (workers) {
    try {
      return await analyzeInWorkers(jobs, workers, threads, deliver);
    } catch (error) {
      console.warn(`[folio] analysing in worker threads failed, continuing in one thread: ${String(error)}`);
    } finally {
      workers.close();
    }
  }
  // After a failure every job runs again, since the workers' shards were lost; no file is reported twice.
  return [await analyzeHere(root, jobs, options.outlets ?? [], deliver)];
}

async function analyzeHere(
  root: string,
  jobs: AnalyzeJob[],
  outlets: readonly Outlet[],
  deliver: (result: AnalyzedFile) => void,
): Promise<SearchIndex> {
  const shard = SearchIndex.create();
  const registry = registryWith(outlets);
  for (let i = 0; i < jobs.length; i++) {
    deliver(analyzeFile(root, jobs[i]!, shard, registry));
    // Let progress events and other requests through between batches.
    if ((i + 1) % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return shard;
}

function analyzeInWorkers(
  jobs: AnalyzeJob[],
  pool: WorkerPool,
  threads: number,
  deliver: (result: AnalyzedFile) => void,
): Promise<SearchIndex[]> {
  return new Promise((resolve, reject) => {
    const problem = pool.problem();
    if (problem) return reject(problem);
    const workers = pool.workers.slice(0, threads);
    const shards: SearchIndex[] = [];
    let next = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    const post = (worker: Worker, message: ToWorker) => worker.postMessage(message);
    for (const worker of workers) {
      let inFlight = 0;
      let finished = false;
      // Two batches in flight, so a worker never waits for this thread to hand it the next one.
      const feed = () => {
        while (inFlight < 2 && next < jobs.length) {
          post(worker, { kind: 'jobs', jobs: jobs.slice(next, (next += BATCH)) });
          inFlight++;
        }
        if (inFlight === 0) post(worker, { kind: 'finish' });
      };
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'results') {
          for (const result of message.results) deliver(result);
          inFlight--;
          feed();
          return;
        }
        try {
          shards.push(SearchIndex.deserialize(message.bytes));
        } catch (error) {
          return fail(error as Error);
        }
        finished = true;
        void worker.terminate();
        if (shards.length === workers.length) resolve(shards);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!finished) fail(new Error(`a worker stopped (exit code ${code}) before it finished`));
      });
      feed();
    }
  });
}
