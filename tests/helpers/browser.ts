import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium as launch } from '../../scripts/chromium';
import { tempDir } from './corpora';

/** Where browser tests leave their screenshots, for people to look at. */
export const TEST_OUTPUT = path.resolve(import.meta.dirname, '../../test-output');

/** Chromium for a test, with a profile folder removed after the test file. */
export async function launchChromium(): Promise<BrowserContext> {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  return launch(tempDir('folio-chromium-'));
}
