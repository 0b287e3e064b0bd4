// What the harness runs in the app's process in place of Electron's own start-up: `node bootstrap.js <main>`
// registers the resolution hook, sets Electron's default handler for uncaught exceptions, loads the app's main
// script as Electron would, and only then starts Chromium and emits `ready`.

import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { START } from './internal';

const standIn = new URL('./electron.js', import.meta.url).href;
register('./hooks.js', import.meta.url, { data: { standIn } });

const main = path.resolve(process.argv[2] ?? '');
// Electron's main process sees itself as `electron <main>`: the main script right after the executable.
process.argv.splice(1, 2, main);

const electron = (await import(standIn)) as typeof import('./index');

process.on('uncaughtException', (error) => {
  // As Electron: an error box, unless the app handles uncaught exceptions itself; the app goes on.
  if (process.listenerCount('uncaughtException') > 1) return;
  electron.dialog.showErrorBox(
    'A JavaScript error occurred in the main process',
    `Uncaught Exception:\n${error.stack ?? String(error)}`,
  );
});

await import(pathToFileURL(main).href);
await electron.app[START]();
