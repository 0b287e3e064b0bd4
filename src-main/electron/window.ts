import { BrowserWindow, shell, type WebContents, type WebPreferences } from 'electron';
import type { WindowState } from './preferences';

/** The security settings every Folio window runs with. */
export const SECURE_WEB_PREFERENCES: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
};

/** The Content-Security-Policy of the renderer: only the app's own scripts, no network. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Where the window loads the renderer from: the built file, or the dev server's URL. */
export interface RendererSource {
  file?: string;
  url?: string;
}

/** Opens the main window with the secure settings, the CSP, navigation locked and window state restored. */
export function createMainWindow(
  preload: string,
  renderer: RendererSource,
  state: WindowState,
): BrowserWindow {
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Folio',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  });
  if (state.maximized) window.maximize();
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  if (renderer.url) void window.loadURL(renderer.url);
  else if (renderer.file) void window.loadFile(renderer.file);
  return window;
}

/** Blocks navigation away from the app and new windows; external links open in the system browser. */
export function lockDown(contents: WebContents): void {
  // What goes wrong in the window reaches the main process's log, not only the DevTools nobody has open.
  contents.on('console-message', ({ level, message, sourceId, lineNumber }) => {
    if (level === 'error') console.error(`[folio renderer] ${message} (${sourceId}:${lineNumber})`);
  });
  contents.on('preload-error', (_event, preloadPath, error) =>
    console.error(`[folio] the preload ${preloadPath} failed: ${error.message}`),
  );
  contents.on('render-process-gone', (_event, details) =>
    console.error(`[folio] the window's renderer is gone: ${details.reason} (exit code ${details.exitCode})`),
  );
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The state to remember when the window closes. */
export function windowStateOf(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds();
  return { ...bounds, maximized: window.isMaximized() };
}
