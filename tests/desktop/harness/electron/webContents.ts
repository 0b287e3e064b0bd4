// Electron's `webContents` of a window, over a real Chromium page. Through one DevTools session of that page it
// injects the preload into an isolated world and the bridge's other half into the main world (for every
// document, before the page's scripts), carries `ipcRenderer` calls to `ipcMain` and `webContents.send` back,
// routes every response through the session's `onHeadersReceived`, and turns the page's console, load and
// crash into Electron's events.

import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { decodeClone, encodeClone } from '../clone';
import type { FromRenderer } from '../page/rendererElectron';
import { IPC_BINDING, IPC_DELIVER, PRELOAD_WORLD } from '../protocol';
import { browserContext } from './chromium';
import { record } from './control';
import { ElectronEvent } from './event';
import {
  consoleMessageEvent,
  fromConsoleApi,
  fromException,
  fromLogEntry,
  type ConsoleLine,
} from './consoleMessages';
import { INTERNALS, INVOKE } from './internal';
import { invokeEvent, sendEvent, type IpcMain } from './ipcMain';
import { windowScripts } from './preload';
import { routeResponse } from './responses';
import { session, type Session } from './session';
import { WebFrameMain, type Frames } from './webFrameMain';

// The load errors Electron names with their Chromium codes, for `did-fail-load`.
const ERROR_CODES: Record<string, number> = {
  ERR_FAILED: -2,
  ERR_ABORTED: -3,
  ERR_FILE_NOT_FOUND: -6,
  ERR_ACCESS_DENIED: -10,
  ERR_BLOCKED_BY_CLIENT: -20,
  ERR_BLOCKED_BY_RESPONSE: -27,
};

/** Options a window gives its webContents. */
export interface WebContentsOptions {
  id: number;
  preload: string | undefined;
  viewport: { width: number; height: number };
  ipcMain: IpcMain;
  /** Called once the first document has loaded (the window's `ready-to-show`). */
  onFirstLoad(): void;
}

/** The stand-in's `WebContents`. */
export class WebContents extends EventEmitter {
  #id: number;
  #options: WebContentsOptions;
  #page: Promise<Page>;
  #cdp: Promise<CDPSession>;
  #frames: Frames = new Map();
  #mainFrameId = '';
  #contexts = new Map<number, string>();
  #preloadContext: number | null = null;
  #url = '';
  #loading = false;
  #destroyed = false;
  #loaded = false;
  #targetId: Promise<string>;

  constructor(options: WebContentsOptions) {
    super();
    this.#id = options.id;
    this.#options = options;
    this.#page = browserContext().newPage();
    this.#cdp = this.#page.then((page) => this.#attach(page));
    this.#targetId = this.#cdp.then(async (cdp) => {
      const { targetInfo } = await cdp.send('Target.getTargetInfo');
      return targetInfo.targetId;
    });
  }

  get id(): number {
    return this.#id;
  }

  get session(): Session {
    return session.defaultSession;
  }

  get mainFrame(): WebFrameMain {
    return new WebFrameMain(this.#frames, this.#mainFrameId);
  }

  /** Loads `url` in the main frame; rejects, and emits `did-fail-load`, when it cannot be loaded. */
  async loadURL(url: string): Promise<void> {
    const page = await this.#page;
    await this.#cdp;
    this.#loading = true;
    try {
      await page.goto(url);
    } catch (error) {
      const name = /net::(ERR_[A-Z_]+)/.exec((error as Error).message)?.[1] ?? 'ERR_FAILED';
      const code = ERROR_CODES[name] ?? -2;
      this.emit('did-fail-load', new ElectronEvent(), code, name, url, true);
      record({ type: 'did-fail-load', window: this.#id, url, description: name });
      throw new Error(`${name} (${code}) loading '${url}'`);
    } finally {
      this.#loading = false;
    }
  }

  /** Loads a local file, as `file://` (with Electron's `query`, `search` and `hash` options). */
  loadFile(
    filePath: string,
    options: { query?: Record<string, string>; search?: string; hash?: string } = {},
  ) {
    const url = pathToFileURL(path.resolve(filePath));
    if (options.query)
      for (const [key, value] of Object.entries(options.query)) url.searchParams.set(key, value);
    if (options.search) url.search = options.search;
    if (options.hash) url.hash = options.hash;
    return this.loadURL(url.href);
  }

  getURL(): string {
    return this.#url;
  }

  isLoading(): boolean {
    return this.#loading;
  }

  async reload(): Promise<void> {
    await (await this.#page).reload();
  }

  async focus(): Promise<void> {
    await (await this.#page).bringToFront();
  }

  /** Runs `code` in the page's main world and resolves with its (awaited) value, copied. */
  async executeJavaScript(code: string): Promise<unknown> {
    const cdp = await this.#cdp;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: code,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }

  /** Sends a message to the preload's `ipcRenderer` listeners of the current document; lost if there is none. */
  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    const message = JSON.stringify({ type: 'message', channel, args: encodeClone(args) });
    void this.#deliver(null, message);
  }

  /** Accepts the handler, which the stand-in never consults: its windows open no others (see README). */
  setWindowOpenHandler(_handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {}

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** What the window and the test need of its page. */
  get [INTERNALS]() {
    return {
      targetId: () => this.#targetId,
      resize: async (size: { width: number; height: number }) => (await this.#page).setViewportSize(size),
      destroy: async () => {
        if (this.#destroyed) return;
        this.#destroyed = true;
        this.emit('destroyed');
        await (await this.#page).close().catch(() => {});
      },
    };
  }

  async #attach(page: Page): Promise<CDPSession> {
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const frameId = (context.auxData as { frameId?: string } | undefined)?.frameId ?? '';
      if (context.name !== PRELOAD_WORLD) return;
      this.#contexts.set(context.id, frameId);
      if (frameId === this.#mainFrameId) this.#preloadContext = context.id;
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
      this.#contexts.delete(executionContextId);
      if (this.#preloadContext === executionContextId) this.#preloadContext = null;
    });
    cdp.on('Runtime.executionContextsCleared', () => {
      this.#contexts.clear();
      this.#preloadContext = null;
    });
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name === IPC_BINDING) void this.#fromRenderer(event.executionContextId, event.payload);
    });
    cdp.on('Runtime.consoleAPICalled', (event) => this.#console(fromConsoleApi(event)));
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
      this.#console(fromException(exceptionDetails)),
    );
    cdp.on('Log.entryAdded', ({ entry }) => this.#console(fromLogEntry(entry)));
    cdp.on('Page.frameNavigated', ({ frame }) => {
      this.#frames.set(frame.id, {
        url: frame.url + (frame.urlFragment ?? ''),
        name: frame.name ?? '',
        parentId: frame.parentId,
      });
      if (!frame.parentId) {
        this.#url = frame.url + (frame.urlFragment ?? '');
        this.emit('did-navigate', new ElectronEvent(), this.#url, 200, 'OK');
      }
    });
    cdp.on('Page.navigatedWithinDocument', ({ frameId, url }) => {
      const frame = this.#frames.get(frameId);
      if (frame) frame.url = url;
      if (frameId === this.#mainFrameId) {
        this.#url = url;
        this.emit('did-navigate-in-page', new ElectronEvent(), url, true);
      }
    });
    cdp.on('Page.frameDetached', ({ frameId }) => this.#frames.delete(frameId));
    cdp.on('Page.domContentEventFired', () => this.emit('dom-ready', new ElectronEvent()));
    cdp.on('Page.loadEventFired', () => {
      this.emit('did-finish-load', new ElectronEvent());
      if (!this.#loaded) {
        this.#loaded = true;
        this.#options.onFirstLoad();
      }
    });
    cdp.on(
      'Fetch.requestPaused',
      (event) =>
        void routeResponse(cdp, event, {
          id: this.#id,
          session: this.session,
          webContents: this,
          mainFrameId: this.#mainFrameId,
          frame: (id) => new WebFrameMain(this.#frames, id),
        }),
    );
    // A page's alert, confirm and prompt wait for the user (the test's own connection answers them, or
    // dismisses them when it does not listen); this connection must not dismiss them first.
    page.on('dialog', () => {});
    page.on('crash', () => {
      const details = { reason: 'crashed', exitCode: -1 };
      const heard = this.emit('render-process-gone', new ElectronEvent(), details);
      record({ type: 'render-process-gone', window: this.#id, reason: details.reason, heard });
    });

    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    await cdp.send('Log.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    this.#mainFrameId = frameTree.frame.id;
    this.#frames.set(frameTree.frame.id, { url: frameTree.frame.url, name: '' });
    const scripts = windowScripts(this.#options.preload);
    await cdp.send('Runtime.addBinding', { name: IPC_BINDING, executionContextName: PRELOAD_WORLD });
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: scripts.mainWorld });
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: scripts.preloadWorld,
      worldName: PRELOAD_WORLD,
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Response' }] });
    await page.setViewportSize(this.#options.viewport);
    return cdp;
  }

  async #fromRenderer(contextId: number, payload: string): Promise<void> {
    const message = JSON.parse(payload) as FromRenderer;
    const frame = new WebFrameMain(this.#frames, this.#contexts.get(contextId) ?? this.#mainFrameId);
    if (message.type === 'preload-error') {
      const error = new Error(message.message);
      const heard = this.emit('preload-error', new ElectronEvent(), this.#options.preload ?? '', error);
      record({
        type: 'preload-error',
        window: this.#id,
        path: this.#options.preload ?? '',
        message: error.message,
        heard,
      });
      return;
    }
    const args = decodeClone(message.args) as unknown[];
    if (message.type === 'send') {
      const event = sendEvent(this, frame, (channel, ...replyArgs) => this.send(channel, ...replyArgs));
      this.emit('ipc-message', event, message.channel, ...args);
      this.#options.ipcMain.emit(message.channel, event, ...args);
      return;
    }
    const reply = await this.#options.ipcMain[INVOKE](message.channel, invokeEvent(this, frame), args);
    let answer: string;
    try {
      answer = JSON.stringify(
        'error' in reply
          ? { type: 'reply', id: message.id, error: reply.error }
          : { type: 'reply', id: message.id, result: encodeClone(reply.result) },
      );
    } catch (error) {
      answer = JSON.stringify({ type: 'reply', id: message.id, error: String(error) });
    }
    await this.#deliver(contextId, answer);
  }

  /** Evaluates the delivery in the preload's world of `contextId` (or the current document's). */
  async #deliver(contextId: number | null, message: string): Promise<void> {
    const cdp = await this.#cdp;
    const target = contextId ?? this.#preloadContext;
    if (target === null || this.#destroyed) return;
    await cdp
      .send('Runtime.evaluate', {
        expression: `${IPC_DELIVER}(${JSON.stringify(message)})`,
        contextId: target,
      })
      // The document went away meanwhile: as in Electron, a message to a page that is gone is lost.
      .catch(() => {});
  }

  /** Electron's `console-message`, with both its event object and its deprecated positional arguments. */
  #console(line: ConsoleLine): void {
    const numeric = { debug: 0, info: 1, warning: 2, error: 3 }[line.level];
    const event = consoleMessageEvent(line, this.mainFrame);
    const heard = this.emit('console-message', event, numeric, line.message, line.lineNumber, line.sourceId);
    record({ type: 'console-message', window: this.#id, ...line, heard });
  }
}
