import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SearchIndex } from '../search/searchIndex';
import { analyzeFile, type AnalyzedFile, type AnalyzeJob } from './analyze';
import type { ToWorker, FromWorker } from './messages';

/** How files are analysed: in worker threads when a shell gives the worker's script, else in this thread. */
export interface AnalyzeOptions {
  /** The bundled `analyzeWorker` entry; shells know where their bundler put it. */
  workerScript?: URL;
  /** Worker threads to use (default: one per core). */
  threads?: number;
}

/** Files per message: a few tens of milliseconds of work, so progress flows and both cores stay busy. */
const BATCH = 24;
/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;

/**
 * Reads, extracts and indexes `jobs`, calling `onResult` for each file as it is done (in no particular order),
 * and resolves with the index shards to merge. A worker that fails makes the rest run in this thread, so a
 * corpus still opens where threads cannot start (a packaged app whose worker script is unreadable, say).
 */
export async function analyzeFiles(
  root: string,
  jobs: AnalyzeJob[],
  options: AnalyzeOptions,
  onResult: (result: AnalyzedFile) => void,
): Promise<SearchIndex[]> {
  if (jobs.length === 0) return [];
  const delivered = new Set<string>();
  const deliver = (result: AnalyzedFile) => {
    if (delivered.has(result.id)) return;
    delivered.add(result.id);
    onResult(result);
  };
  const script = options.workerScript;
  const threads = Math.min(options.threads ?? availableParallelism(), Math.ceil(jobs.length / BATCH));
  if (script && threads > 0 && jobs.length >= MIN_FILES_FOR_WORKERS && existsSync(fileURLToPath(script))) {
    try {
      return await analyzeInWorkers(root, jobs, script, threads, deliver);
    } catch (error) {
      console.warn(`[folio] analysing in worker threads failed, continuing in one thread: ${String(error)}`);
    }
  }
  // After a failure every job runs again, since the workers' shards were lost; no file is reported twice.
  return [await analyzeHere(root, jobs, deliver)];
}

async function analyzeHere(
  root: string,
  jobs: AnalyzeJob[],
  deliver: (result: AnalyzedFile) => void,
): Promise<SearchIndex> {
  const shard = SearchIndex.create();
  for (let i = 0; i < jobs.length; i++) {
    deliver(analyzeFile(root, jobs[i]!, shard));
    // Let progress events and other requests through between batches.
    if ((i + 1) % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return shard;
}

function analyzeInWorkers(
  root: string,
  jobs: AnalyzeJob[],
  script: URL,
  threads: number,
  deliver: (result: AnalyzedFile) => void,
): Promise<SearchIndex[]> {
  return new Promise((resolve, reject) => {
    const shards: SearchIndex[] = [];
    const workers: Worker[] = [];
    let next = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const post = (worker: Worker, message: ToWorker) => worker.postMessage(message);
    for (let t = 0; t < threads; t++) {
      // A small young generation: extraction makes much short-lived garbage, and both workers' heaps count in
      // the memory of the app.
      const worker = new Worker(script, {
        workerData: { root },
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
      });
      workers.push(worker);
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
        if (shards.length === threads) resolve(shards);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!finished) fail(new Error(`a worker stopped (exit code ${code}) before it finished`));
      });
      feed();
    }
  });
}
