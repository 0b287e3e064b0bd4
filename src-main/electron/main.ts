import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL } from '../contract/channels';
import type { HistoryState } from '../contract/history';
import type { MenuCommand } from '../contract/operations';
import { FolioService } from '../service/folioService';
import { ensureSampleCorpus } from '../service/sampleCorpus';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { ElectronPreferenceStore } from './preferences';
import { revealPath } from './reveal';
import { createMainWindow, windowStateOf } from './window';
import { analysisWorkerUrl } from './worker';

// The desktop shell: one window over the service, native menus and dialogs. No logic of its own.

const here = path.dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('[folio] start-up failed:', error);
    app.quit();
  });
}

async function start(): Promise<void> {
  const preferences = new ElectronPreferenceStore();
  const service = new FolioService({
    preferences,
    analysis: { workerScript: analysisWorkerUrl(import.meta.url) },
    chooseFolder: async () => {
      const result = await dialog.showOpenDialog(mainWindow!, { properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseExportTarget: async (suggestedName, zip) => {
      const result = await dialog.showSaveDialog(mainWindow!, {
        defaultPath: suggestedName,
        filters: zip ? [{ name: 'Zip', extensions: ['zip'] }] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled ? null : (result.filePath ?? null);
    },
    revealPath,
  });
  const rendererUrl = process.env.ELECTRON_RENDERER_URL;
  mainWindow = createMainWindow(
    path.join(here, '../preload/index.cjs'),
    rendererUrl ? { url: rendererUrl } : { file: path.join(here, '../renderer/index.html') },
    preferences.windowState(),
  );
  const window = mainWindow;
  const isTrusted = (event: IpcMainInvokeEvent) =>
    event.senderFrame?.url.startsWith(rendererUrl ?? 'file://') === true;
  const dispose = registerIpc(ipcMain, service, isTrusted, () =>
    window.isDestroyed() ? null : window.webContents,
  );
  const sendCommand = (command: MenuCommand) =>
    window.webContents.send(EVENT_CHANNEL, { event: 'menuCommand', payload: { command } });
  let history: HistoryState = { undo: null, redo: null };
  service.on('historyChanged', (state) => {
    history = state;
    refreshMenu();
  });
  const refreshMenu = () => {
    const prefs = preferences.get();
    const actions = {
      openCorpus: () => void service.call('chooseCorpus', {}).then(refreshMenu, showError),
      openRecent: (root: string) =>
        void service.call('openRecentCorpus', { path: root }).then(refreshMenu, showError),
      closeCorpus: () => void service.close(),
      command: sendCommand,
      about: () =>
        void dialog.showMessageBox(window, {
          message: `Folio ${app.getVersion()}`,
          detail: 'A workbench for curating corpora of news reports.',
        }),
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          actions,
          prefs.recentCorpora,
          prefs.language,
          process.platform === 'darwin',
          history,
        ),
      ),
    );
  };
  preferences.onDidChange(() => refreshMenu());
  const showError = (error: unknown) => dialog.showErrorBox('Folio', (error as Error).message);

  const shipped = app.isPackaged
    ? path.join(process.resourcesPath, 'sample-corpus')
    : path.join(app.getAppPath(), 'resources', 'sample-corpus');
  const last = preferences.get().lastCorpus;
  try {
    await service.open(last ?? (await ensureSampleCorpus(shipped, app.getPath('userData'))));
  } catch (error) {
    console.error(`[folio] could not reopen ${last}: ${(error as Error).message}; opening the sample corpus`);
    await service.open(await ensureSampleCorpus(shipped, app.getPath('userData')));
  } finally {
    refreshMenu();
  }

  window.on('close', () => preferences.saveWindowState(windowStateOf(window)));
  // Quitting from the menu (app.quit) emits no window-all-closed: the service (its cache save) is closed once,
  // on whichever comes first, before the app goes.
  let closed = false;
  const closeThenQuit = (event?: { preventDefault(): void }) => {
    if (closed) return;
    closed = true;
    event?.preventDefault();
    dispose();
    void service.close().finally(() => app.quit());
  };
  app.on('window-all-closed', () => closeThenQuit());
  app.on('will-quit', (event) => closeThenQuit(event));
}
