import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: Array<{ options: Record<string, unknown>; window: FakeWindow }> = [];

class FakeContents {
  handlers = new Map<string, (...args: unknown[]) => void>();
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  headersHook: ((details: unknown, callback: (response: unknown) => void) => void) | null = null;
  session = {
    webRequest: { onHeadersReceived: (hook: FakeContents['headersHook']) => (this.headersHook = hook) },
  };
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, handler);
  }
  setWindowOpenHandler(handler: FakeContents['openHandler']) {
    this.openHandler = handler;
  }
  getURL() {
    return 'file:///app/out/renderer/index.html';
  }
}

class FakeWindow {
  webContents = new FakeContents();
  loaded: string | null = null;
  maximized = false;
  constructor(options: Record<string, unknown>) {
    created.push({ options, window: this });
  }
  maximize() {
    this.maximized = true;
  }
  once() {}
  loadFile(file: string) {
    this.loaded = file;
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
}

const openExternal = vi.fn();
vi.mock('electron', () => ({ BrowserWindow: FakeWindow, shell: { openExternal } }));

const { createMainWindow, CONTENT_SECURITY_POLICY } = await import('../../src-main/electron/window');

beforeEach(() => {
  created.length = 0;
  openExternal.mockReset();
});

describe('the desktop window', () => {
  it('runs sandboxed, context-isolated, without Node, with the preload', () => {
    createMainWindow(
      '/app/out/preload/index.cjs',
      { file: '/app/out/renderer/index.html' },
      { width: 1000, height: 700, maximized: true },
    );
    const { options, window } = created[0]!;
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(options).toMatchObject({ width: 1000, height: 700 });
    expect(window.maximized).toBe(true);
    expect(window.loaded).toBe('/app/out/renderer/index.html');
  });

  it('blocks navigation and new windows, opening web links in the system browser', () => {
    createMainWindow('/p.cjs', { file: '/i.html' }, { width: 1000, height: 700, maximized: false });
    const contents = created[0]!.window.webContents;
    const navigate = contents.handlers.get('will-navigate')!;
    const event = { preventDefault: vi.fn() };
    navigate(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('sends a strict Content-Security-Policy with every response', () => {
    createMainWindow('/p.cjs', { file: '/i.html' }, { width: 1000, height: 700, maximized: false });
    const callback = vi.fn();
    created[0]!.window.webContents.headersHook!({ responseHeaders: { a: ['b'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { a: ['b'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
