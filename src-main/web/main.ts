import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { FolioService } from '../service/folioService';
import { JsonPreferenceStore } from '../service/preferences';
import { ensureSampleCorpus } from '../service/sampleCorpus';
import { DownloadOffers } from './downloads';
import { startWebServer } from './server';

// `npm run web -- [--corpus DIR] [--port N]`: the browser shell, for machines without Electron.

const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.resolve(here, '../..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, port: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const dataDir = path.resolve(
    values['data-dir'] ?? process.env.FOLIO_DATA_DIR ?? path.join(os.homedir(), '.folio'),
  );
  const preferences = new JsonPreferenceStore(path.join(dataDir, 'preferences.json'));
  // Exports arrive in the browser as downloads: the server serves what the service offers.
  const downloads = new DownloadOffers();
  const service = new FolioService({
    preferences,
    offerDownload: (file, name) => downloads.offer(file, name),
    // Bundled beside this entry point (see electron.vite.config.ts).
    analysis: { workerScript: new URL('./analyze-worker.js', import.meta.url) },
  });
  const sample = () => ensureSampleCorpus(path.join(appRoot, 'resources', 'sample-corpus'), dataDir);
  const last = preferences.get().lastCorpus;
  let opened;
  if (values.corpus !== undefined) opened = await service.open(path.resolve(values.corpus));
  else {
    // A last corpus that was moved or deleted must not stop the app from starting.
    opened = await service.open(last ?? (await sample())).catch(async (error: Error) => {
      console.error(`folio web: could not reopen ${last}: ${error.message}; opening the sample corpus`);
      return service.open(await sample());
    });
  }
  const server = await startWebServer({
    service,
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    downloads,
    port: values.port === undefined ? 0 : Number(values.port),
  });
  console.log(`Folio (browser shell) on ${opened.root}, ${opened.info().reports} report(s)`);
  console.log(`Open ${server.url}`);
  const stop = async () => {
    await server.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`folio web: ${(error as Error).message}`);
  process.exit(1);
});
