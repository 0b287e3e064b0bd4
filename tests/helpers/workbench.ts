import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Preferences } from '../../src-main/contract/operations';
import type { FolioService } from '../../src-main/service/folioService';
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

/** Starts the browser shell over the built renderer and opens it in Chromium; page errors fail the test. */
export async function openWorkbench(preferences: Partial<Preferences> = {}): Promise<Workbench> {
  const corpus = copySampleCorpus();
  const service = await openService(corpus);
  if (Object.keys(preferences).length) await service.call('setPreferences', preferences);
  const server = await startWebServer({ service, rendererDir: RENDERER });
  const browser: BrowserContext = await launchChromium();
  const page = await browser.newPage();
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
