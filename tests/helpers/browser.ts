import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from './corpora';

/** Where browser tests leave their screenshots, for people to look at. */
export const TEST_OUTPUT = path.resolve(import.meta.dirname, '../../test-output');

/** Debian's Chromium, headless, with a fresh profile folder and no background network traffic. */
export async function launchChromium(viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  return chromium.launchPersistentContext(tempDir('folio-chromium-'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
