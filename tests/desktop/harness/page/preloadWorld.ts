// What runs in the preload's isolated world at the start of every document of a window, before the page's own
// scripts: the sandboxed preload's `require` (which knows only `electron`), its `process`, the bridge to the main
// world, and then the preload itself. The main process appends the call that runs the preload (see
// `electron/preload.ts`); this bundle only defines the function it calls, on the isolated world's own global.

import { HANDSHAKE, MAIN_WORLD_READY, openBridgeEnd, TO_ISOLATED, TO_MAIN, type BridgeEnd } from './bridge';
import { IPC_BINDING, IPC_DELIVER } from '../protocol';
import { createRendererElectron, type FromRenderer, type ToRenderer } from './rendererElectron';

type PreloadWrapper = (
  require: (name: string) => unknown,
  module: { exports: unknown },
  exports: unknown,
  process: unknown,
  Buffer: undefined,
  global: typeof globalThis,
) => void;

const world = globalThis as unknown as Record<string, unknown>;
const post = (message: FromRenderer) =>
  (world[IPC_BINDING] as (payload: string) => void)(JSON.stringify(message));

// The element only the two halves of the bridge hold; handed to the main world until it takes it.
const port = document.createElement('electron-bridge');
let end: BridgeEnd | null = null;
const handOver = () => {
  if (end) return;
  const event = new MouseEvent(HANDSHAKE, { relatedTarget: port, cancelable: true });
  // The main world's half cancels the event once it holds the element.
  if (!document.dispatchEvent(event)) end = openBridgeEnd(port, TO_ISOLATED, TO_MAIN);
};
document.addEventListener(MAIN_WORLD_READY, handOver);
handOver();

const electron = createRendererElectron(post, () => {
  if (!end) throw new Error('the main world is not ready for the context bridge');
  return end;
});
world[IPC_DELIVER] = (message: string) => electron.deliver(JSON.parse(message) as ToRenderer);

// Electron's sandboxed `process`: a few read-only facts, no Node.
const sandboxedProcess = Object.freeze({
  type: 'renderer',
  sandboxed: true,
  contextIsolated: true,
  platform: navigator.platform.toLowerCase().startsWith('linux') ? 'linux' : navigator.platform,
  env: {},
  argv: [],
});

const modules: Record<string, unknown> = { electron: electron.module };

world.__electronRunPreload = (wrapper: PreloadWrapper, preloadPath: string) => {
  // Electron's preload runs in the main frame only (nodeIntegrationInSubFrames is off).
  if (window !== window.top) return;
  const require = (name: string) => {
    const found = modules[name.replace(/^electron\/renderer$/, 'electron')];
    if (!found) throw new Error(`module not found: ${name}`);
    return found;
  };
  const module = { exports: {} };
  try {
    wrapper(require, module, module.exports, sandboxedProcess, undefined, globalThis);
  } catch (error) {
    // As Electron: the page's console says so, and the main process hears `preload-error`.
    console.error(`Unable to load preload script: ${preloadPath}`);
    console.error(error);
    post({ type: 'preload-error', message: error instanceof Error ? error.message : String(error) });
  }
};
