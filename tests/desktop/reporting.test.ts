import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IDS, tempDir } from '../helpers/corpora';
import { launchDesktop, type DesktopApp } from './harness/launch';
import type { DesktopRecord } from './harness/protocol';

// What goes wrong in a window must reach someone: the caller, or the app's log through the events of Electron's
// that the app listens to (`lockDown` in window.ts). The stand-in delivers each as Electron does.

const ID = SAMPLE_IDS[0]!;

let app: DesktopApp;
let page: Page;
let rendererUrl: string;

beforeAll(async () => {
  app = await launchDesktop({ configHome: tempDir('folio-desktop-') });
  ({ page } = await app.firstWindow());
  await page.locator('.report-table .rows .row').first().waitFor();
  rendererUrl = page.url();
});

afterAll(() => app?.quit());

const consoleErrors = (pattern: RegExp) =>
  app.records.filter(
    (record): record is DesktopRecord & { type: 'console-message' } =>
      record.type === 'console-message' && record.level === 'error' && pattern.test(record.message),
  );

describe('a call from a frame that is not the app’s', () => {
  it('is refused, and the caller hears why in the core’s words', async () => {
    // The window's main frame on a page of someone else's (as a navigation the lock missed would leave it);
    // the preload runs there too, as it does in Electron for every document of the window.
    await page.goto('data:text/html,<title>elsewhere</title>');
    const refusal = await page.evaluate(() =>
      (window as unknown as { folioBridge: { api: Record<string, (input: unknown) => Promise<unknown>> } })
        .folioBridge.api.setTags!({ ids: ['000_6609e38cc437fad5'], add: ['untrusted'] }).then(
        () => 'accepted',
        (error: Error) => error.message,
      ),
    );
    expect(refusal).toBe(
      `Error invoking remote method 'folio:call:setTags': Error: ${JSON.stringify({
        code: 'invalid-input',
        message: 'call from an untrusted frame refused',
      })}`,
    );
    // Electron logs every handler's throw in the main process.
    expect(app.output()).toContain("Error occurred in handler for 'folio:call:setTags'");
    await page.goto(rendererUrl);
    const report = await app.invoke('folio:call:getReport', { id: ID });
    expect(report).toMatchObject({ result: { tags: [] } });
  });
});

describe('a CSP violation in the renderer', () => {
  it('is refused by Chromium and reaches the window’s console-message event', async () => {
    await page.locator('.report-table .rows .row').first().waitFor();
    await page.evaluate(() => {
      document.body.append(
        Object.assign(document.createElement('img'), { src: 'https://example.org/pixel.png' }),
      );
    });
    await expect
      .poll(() => consoleErrors(/violates the following Content Security Policy directive.*img-src/).length)
      .toBeGreaterThan(0);
  });

  it('is reported in the app’s log', async () => {
    await expect
      .poll(() => app.output(), { timeout: 1000 })
      .toMatch(/pixel\.png.*img-src|img-src.*pixel\.png/);
  });
});

describe('an uncaught error in the renderer', () => {
  it('reaches the window’s console-message event as Chromium’s “Uncaught” line', async () => {
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('renderer failure');
      });
    });
    await expect.poll(() => consoleErrors(/^Uncaught Error: renderer failure/).length).toBe(1);
  });

  it('is reported in the app’s log', async () => {
    await expect.poll(() => app.output(), { timeout: 1000 }).toContain('renderer failure');
  });
});
