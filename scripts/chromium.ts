import type { BrowserContext } from 'playwright-core';

/** Debian's Chromium, or the one `CHROMIUM_PATH` names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Switches for a headless Chromium with no background network traffic (these machines have none). */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Headless Chromium with a fresh profile folder and no background network traffic. */
export async function launchChromium(
  profileDir: string,
  viewport = { width: 1400, height: 900 },
): Promise<BrowserContext> {
  // Loaded when needed: playwright-core alone adds 80 MB to a process, which the bench's memory rows must not count.
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: QUIET_CHROMIUM_ARGS,
  });
}
