// The Chromium behind the stand-in's windows: Debian's, through playwright-core, with `userData` as its profile
// folder (Electron keeps its Chromium profile there too, so localStorage survives a relaunch), a DevTools port
// the test attaches to, and file:// pages allowed to load file:// scripts, which Electron grants by default
// (its `grantFileProtocolExtraPrivileges` fuse) and the renderer's `<script type="module" crossorigin>` needs.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from '../../../../scripts/chromium';

let context: BrowserContext | null = null;

/** Starts Chromium on `userData`; returns the DevTools endpoint a test can connect to. */
export async function launchBrowser(userData: string): Promise<string> {
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Each window sets its own size.
    viewport: null,
    args: [...QUIET_CHROMIUM_ARGS, '--allow-file-access-from-files', '--remote-debugging-port=0'],
  });
  // The blank page Chromium opens with is no window of the app's.
  await Promise.all(context.pages().map((page) => page.close()));
  const [port, endpoint] = readFileSync(path.join(userData, 'DevToolsActivePort'), 'utf8').split('\n');
  return `ws://127.0.0.1:${port}${endpoint}`;
}

/** The running browser's context; windows open their pages in it. */
export function browserContext(): BrowserContext {
  if (!context) throw new Error('Chromium is not running: create windows after app.whenReady()');
  return context;
}

/** Closes Chromium (quitting the app). */
export async function closeBrowser(): Promise<void> {
  await context?.close();
  context = null;
}
