// The `electron` module the harness gives the app's main process in place of Electron's (see README.md): the
// part of Electron's main-process API that Folio and electron-store use, each piece in its own file, wired
// here to each other and to the test that started the app.

import path from 'node:path';
import type { Request } from '../protocol';
import { App } from './app';
import { BrowserWindow, connectWindows } from './browserWindow';
import { closeBrowser, launchBrowser } from './chromium';
import { serveTest, tellTest } from './control';
import { dialog } from './dialog';
import { ElectronEvent } from './event';
import { CONNECT, INTERNALS, INVOKE, QUITTING } from './internal';
import { invokeEvent, IpcMain } from './ipcMain';
import { connectMenus, describeMenu, findMenuItem, Menu, MenuItem } from './menu';
import { session } from './session';
import { clipboard, shell } from './shell';

const resources = process.env.FOLIO_HARNESS_RESOURCES;

/** Electron's `app`. */
export const app = new App(process.argv[1]!, resources !== undefined);
/** Electron's `ipcMain`. */
export const ipcMain = new IpcMain();
export { BrowserWindow, clipboard, dialog, Menu, MenuItem, session, shell };

// What Electron sets on the main process's `process`.
Object.assign(process, {
  type: 'browser',
  resourcesPath: resources ?? path.join(path.dirname(process.execPath), 'resources'),
});

app[CONNECT]({
  windows: () => BrowserWindow.getAllWindows(),
  launchBrowser: async (userData) => {
    const cdpEndpoint = await launchBrowser(userData);
    tellTest({ kind: 'ready', cdpEndpoint, userData });
  },
  closeBrowser,
});

connectWindows({
  ipcMain,
  created: (window) => tellTest({ kind: 'window-created', window }),
  closed: () => {
    if (BrowserWindow.getAllWindows().length > 0 || app[QUITTING]) return;
    // Electron quits when the last window closes, unless the app listens for `window-all-closed`.
    if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed', new ElectronEvent());
    else app.quit();
  },
});

const windowOf = (window: unknown) =>
  window instanceof BrowserWindow ? window : BrowserWindow.getFocusedWindow();
connectMenus({
  quit: () => app.quit(),
  close: (window) => windowOf(window)?.close(),
  minimize: (window) => windowOf(window)?.minimize(),
});

serveTest(async (request: Request) => {
  switch (request.kind) {
    case 'invoke': {
      const window = existing(request.window);
      // As a call from the window's own page: its main frame is the sender.
      const event = invokeEvent(window.webContents, window.webContents.mainFrame);
      // Node's advanced serialisation of the test's channel is the structured clone Electron's IPC uses.
      return ipcMain[INVOKE](request.channel, event, request.args);
    }
    case 'windows':
      return Promise.all(BrowserWindow.getAllWindows().map((window) => window[INTERNALS]()));
    case 'menu':
      return describeMenu(Menu.getApplicationMenu());
    case 'click-menu':
      return void findMenuItem(request.path).click({}, BrowserWindow.getFocusedWindow());
    case 'window': {
      const window = existing(request.window);
      const actions = {
        close: () => window.close(),
        maximize: () => window.maximize(),
        unmaximize: () => window.unmaximize(),
        minimize: () => window.minimize(),
        restore: () => window.restore(),
        'set-bounds': () => window.setBounds(request.bounds ?? {}),
      };
      return void actions[request.action]();
    }
    case 'quit':
      return void app.quit();
  }
});

// The test that started the app is gone (it ended, or failed mid-way): the app goes too, Chromium with it.
process.on('disconnect', () => app.exit(1));

function existing(id: number): BrowserWindow {
  const window = BrowserWindow.fromId(id);
  if (!window) throw new Error(`no window ${id}`);
  return window;
}

export default { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, MenuItem, session, shell };
