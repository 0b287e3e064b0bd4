import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Preferences } from '../../src-main/contract/operations';
import type { FolioService, ServiceHost } from '../../src-main/service/folioService';
import { DownloadOffers } from '../../src-main/web/downloads';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { launchChromium } from './browser';
import { copySampleCorpus } from './corpora';
import { openService } from './service';

const RENDERER = path.resolve(import.meta.dirname, '../../out/renderer');

/** The browser shell on a fresh copy of the sample corpus, with Chromium showing it. */
export interface Workbench {
  corpus: string;
  service: FolioService;
  server: WebServer;
  page: Page;
  close(): Promise<void>;
}

/**
 * Starts the browser shell over the built renderer and opens it in Chromium; page errors fail the test. With
 * `downloads`, exports arrive as browser downloads, as in `npm run web`; without, they go to `.folio/exports/`.
 * `host` gives the service what another shell would (a save dialog, a file manager).
 *
 * With `FOLIO_SHELL=desktop`, the same flows run in the desktop app instead: its built main entry, preload and
 * renderer under the desktop harness (`tests/desktop/`), with `server.url` its window's `file://` address.
 */
export async function openWorkbench(
  preferences: Partial<Preferences> = {},
  shell: { downloads?: boolean; host?: Omit<ServiceHost, 'preferences'> } = {},
): Promise<Workbench> {
  if (process.env.FOLIO_SHELL === 'desktop') {
    const { openDesktopWorkbench } = await import('../desktop/harness/workbench');
    return openDesktopWorkbench(preferences, shell);
  }
  const corpus = copySampleCorpus();
  const downloads = shell.downloads ? new DownloadOffers() : undefined;
  const service = await openService(corpus, {
    ...shell.host,
    ...(downloads ? { offerDownload: (file: string, name: string) => downloads.offer(file, name) } : {}),
  });
  if (Object.keys(preferences).length) await service.call('setPreferences', preferences);
  const server = await startWebServer({ service, rendererDir: RENDERER, downloads });
  const browser: BrowserContext = await launchChromium();
  const page = await browser.newPage();
  // Browser tests poll what the page shows; a loaded machine needs more than a locator's second or two.
  page.setDefaultTimeout(8000);
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url);
  return {
    corpus,
    service,
    server,
    page,
    close: async () => {
      await browser.close();
      await server.close();
      await service.close();
    },
  };
}

/** Selects the `occurrence`-th occurrence of `text` in the reader's document, as a mouse drag would. */
export async function selectText(page: Page, text: string, occurrence = 1): Promise<void> {
  await page.locator('.report-text').focus();
  const found = await page.evaluate(
    ([needle, nth]) => {
      const root = document.querySelector('.report-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let at = node.textContent!.indexOf(needle);
        while (at >= 0) {
          if (++seen === nth) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + needle.length);
            const selection = window.getSelection()!;
            selection.removeAllRanges();
            selection.addRange(range);
            return true;
          }
          at = node.textContent!.indexOf(needle, at + 1);
        }
      }
      return false;
    },
    [text, occurrence] as const,
  );
  expect(found, `"${text}" in the reader`).toBe(true);
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(100);
}
