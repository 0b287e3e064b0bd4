import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/corpora';
import { launchDesktop, type DesktopApp } from './harness/launch';

// The stand-in against Electron's documented behaviour, on a small app of its own (fixtures/echo) rather than
// Folio, so that each behaviour the Folio tests rely on is pinned down once, where it is easy to see.

const ECHO = path.join(import.meta.dirname, 'fixtures/echo/main.mjs');

let app: DesktopApp;
let page: Page;
let configHome: string;

beforeAll(async () => {
  configHome = tempDir('folio-echo-');
  app = await launchDesktop({ configHome, main: ECHO });
  ({ page } = await app.firstWindow());
  await page.waitForFunction(() => 'echo' in window);
});

afterAll(() => app?.quit());

describe('ipcRenderer.invoke and ipcMain.handle', () => {
  it('resolve with a structured clone of the result, and name the sending frame', async () => {
    const answer = await page.evaluate(async () => {
      const bridge = (window as unknown as { echo: { invoke(c: string, v: unknown): Promise<unknown> } })
        .echo;
      const reply = (await bridge.invoke('echo', {
        when: new Date(0),
        map: new Map([[1, 'one']]),
        gone: undefined,
      })) as {
        value: { when: Date; map: Map<number, string>; gone: undefined };
        from: string;
      };
      return {
        date: reply.value.when instanceof Date && reply.value.when.getTime() === 0,
        map: reply.value.map instanceof Map && reply.value.map.get(1) === 'one',
        gone: 'gone' in reply.value,
        from: reply.from,
      };
    });
    expect(answer).toEqual({
      date: true,
      map: true,
      gone: true,
      from: expect.stringMatching(/^file:\/\/.*\/echo\/index\.html$/),
    });
  });

  it("reject with Electron's message when the handler throws, which the main process logs", async () => {
    const message = await page.evaluate(() =>
      (window as unknown as { echo: { invoke(c: string): Promise<unknown> } }).echo
        .invoke('fail')
        .catch((error: Error) => error.message),
    );
    expect(message).toBe("Error invoking remote method 'fail': Error: boom");
    expect(app.output()).toContain("Error occurred in handler for 'fail': Error: boom");
  });

  it('reject when no handler is registered for the channel', async () => {
    const message = await page.evaluate(() =>
      (window as unknown as { echo: { invoke(c: string): Promise<unknown> } }).echo
        .invoke('nothing')
        .catch((error: Error) => error.message),
    );
    expect(message).toBe("Error invoking remote method 'nothing': No handler registered for 'nothing'");
  });

  it('refuse what cannot be cloned, in the renderer, before it is sent', async () => {
    const message = await page.evaluate(() =>
      (window as unknown as { echo: { invoke(c: string, v: unknown): Promise<unknown> } }).echo
        .invoke('echo', { callback: () => 1 })
        .catch((error: Error) => error.message),
    );
    expect(message).toBe('An object could not be cloned.');
  });
});

describe('ipcRenderer.send, event.reply and ipcRenderer.on', () => {
  it('carry a message to ipcMain and the reply back to the listener', async () => {
    const pong = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const echo = (
            window as unknown as {
              echo: { ping(n: number): void; onPong(l: (n: number) => void): () => void };
            }
          ).echo;
          const stop = echo.onPong((n) => {
            stop();
            resolve(n);
          });
          echo.ping(41);
        }),
    );
    expect(pong).toBe(42);
  });
});

describe('contextBridge.exposeInMainWorld', () => {
  it('copies values frozen and proxies functions, their results and their throws', async () => {
    const seen = await page.evaluate(() => {
      const echo = (
        window as unknown as { echo: Record<string, unknown> & { nested: { list: unknown[]; when: Date } } }
      ).echo;
      let thrown = '';
      try {
        (echo.throws as () => void)();
      } catch (error) {
        thrown = `${(error as Error).constructor === Error} ${(error as Error).message}`;
      }
      return {
        frozen: Object.isFrozen(echo) && Object.isFrozen(echo.nested) && Object.isFrozen(echo.nested.list),
        date: echo.nested.when instanceof Date,
        sum: (echo.sum as (a: number, b: number) => number)(2, 3),
        thrown,
        ownWindowProperty: Object.getOwnPropertyDescriptor(window, 'echo')?.writable,
      };
    });
    expect(seen).toEqual({
      frozen: true,
      date: true,
      sum: 5,
      thrown: 'true thrown in the preload',
      ownWindowProperty: false,
    });
  });

  it("keeps the preload's world apart: the page sees neither its globals, nor require, nor the IPC door", async () => {
    const leaks = await page.evaluate(() =>
      [
        'preloadOnly',
        'require',
        'module',
        '__electronIpc',
        '__electronDeliver',
        '__electronRunPreload',
      ].filter((name) => name in window),
    );
    expect(leaks).toEqual([]);
  });

  it("gives the sandboxed preload a require that knows only electron's renderer modules", async () => {
    const message = await page.evaluate(() =>
      (window as unknown as { echo: { requireFs(): string } }).echo.requireFs(),
    );
    expect(message).toBe('module not found: fs');
  });
});

describe('the window', () => {
  it('applies the headers of session.webRequest.onHeadersReceived to file:// pages: its CSP is enforced', async () => {
    expect(
      await page.evaluate(() => [Reflect.get(window, 'pageRan'), Reflect.get(window, 'inlineRan')]),
    ).toEqual([true, undefined]);
    expect(app.records).toContainEqual(
      expect.objectContaining({
        type: 'console-message',
        level: 'error',
        message: expect.stringMatching(
          /inline script violates the following Content Security Policy directive '?script-src 'self''?/,
        ),
      }),
    );
  });

  it('opens hidden, is shown on ready-to-show, and gives its page its size', async () => {
    const window = await app.firstWindow();
    expect(await window.info()).toMatchObject({ visible: true, bounds: { width: 640, height: 480 } });
    expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([640, 480]);
  });

  it('reports a preload that cannot be loaded with preload-error, as Electron does', async () => {
    expect(await app.invoke('open-broken')).toEqual({ result: undefined });
    await expect
      .poll(() => app.output())
      .toMatch(/preload-error missing\.cjs: ENOENT: no such file or directory/);
    expect(app.records).toContainEqual(
      expect.objectContaining({
        type: 'console-message',
        level: 'error',
        message: expect.stringContaining('Unable to load preload script'),
      }),
    );
  });
});

describe('the single-instance lock', () => {
  it('lets a second instance quit at once, and tells the first one', async () => {
    const second = await launchDesktop({ configHome, main: ECHO }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(second).toMatch(/^the app exited \(0\) before it was ready/);
    await expect
      .poll(() => app.output())
      .toMatch(/second-instance \{"argv":2,"cwd":".+","data":\{"from":"echo"\}\}/);
  });
});
