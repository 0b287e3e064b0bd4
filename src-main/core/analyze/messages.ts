import type { AnalyzedFile, AnalyzeJob } from './analyze';

/** What the analysing thread sends a worker: files to analyse, then a request for its index shard. */
export type ToWorker = { kind: 'jobs'; jobs: AnalyzeJob[] } | { kind: 'finish' };

/** What a worker sends back: each batch's results, and at the end the serialized index of everything it read. */
export type FromWorker = { kind: 'results'; results: AnalyzedFile[] } | { kind: 'shard'; bytes: Uint8Array };
