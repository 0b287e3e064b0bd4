// Entry point of an analysis worker thread: reads, extracts and indexes the files it is sent, and hands its
// index shard back at the end. Bundled beside each shell's entry as `analyze-worker`.
import { parentPort, workerData } from 'node:worker_threads';
import { registryWith, type Outlet } from '../extract';
import { SearchIndex } from '../search/searchIndex';
import { analyzeFile } from './analyze';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort!;
const root: string = workerData.root;
const outlets = registryWith(workerData.outlets as Outlet[]);
const shard = SearchIndex.create();

port.on('message', (message: ToWorker) => {
  if (message.kind === 'jobs') {
    const reply: FromWorker = {
      kind: 'results',
      results: message.jobs.map((job) => analyzeFile(root, job, shard, outlets)),
    };
    port.postMessage(reply);
    return;
  }
  const serialized = shard.serialize();
  // Transfer needs a buffer of its own; a small one may share Node's pool with other buffers.
  const bytes =
    serialized.byteOffset === 0 && serialized.byteLength === serialized.buffer.byteLength
      ? serialized
      : new Uint8Array(serialized);
  const reply: FromWorker = { kind: 'shard', bytes };
  port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
});
