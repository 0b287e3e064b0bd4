import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Corpus } from '../../src-main/core';
import type { FolioService } from '../../src-main/service/folioService';
import { startWebServer } from '../../src-main/web/server';
import { CHROMIUM_PATH, launchChromium } from '../chromium';
import type { Measurement } from './rows';

const RENDERER = path.resolve(import.meta.dirname, '../../out/renderer');
const BIG_REPORT_ID = 'zz-bao-cao-dai-100kb';
const BIG_TITLE = 'Báo cáo dài một trăm kilobyte';
const KEYSTROKES = 40;

/**
 * What an editor feels in the browser shell, in Debian's Chromium: the first library rows painted, scrolling
 * the whole library (longest task), opening a 100 KB report, and keystroke-to-paint while correcting it.
 * Skipped, with a line in the log, where Chromium or the built renderer is missing.
 */
export async function measureBrowser(
  service: FolioService,
  corpus: Corpus,
  runs: number,
  log: (line: string) => void,
): Promise<Measurement[]> {
  if (!existsSync(CHROMIUM_PATH) || !existsSync(path.join(RENDERER, 'index.html'))) {
    log(`browser measurements skipped: needs ${CHROMIUM_PATH} and a built renderer (npm run build)`);
    return [];
  }
  await addBigReport(corpus);
  const server = await startWebServer({ service, rendererDir: RENDERER });
  const browser = await launchChromium(mkdtempSync(path.join(tmpdir(), 'folio-bench-')));
  try {
    const firstRows: number[] = [];
    const longestScrollTask: number[] = [];
    const openBig: number[] = [];
    let keystrokes: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      firstRows.push(await timeFirstRows(page, server.url));
      longestScrollTask.push(await scrollLibrary(page));
      openBig.push(await openReport(page));
      keystrokes = keystrokes.concat(await typeInReport(page));
      await page.close();
    }
    return [
      {
        id: 'browser-first-rows',
        what: 'browser: opening the app to the first library rows',
        samples: { values: firstRows },
      },
      {
        id: 'browser-scroll',
        what: 'browser: longest task while scrolling the library top to bottom',
        samples: { values: longestScrollTask },
        note: 'Long Tasks API; 0 when no task took over 50 ms',
      },
      {
        id: 'browser-open-100kb',
        what: 'browser: opening a 100 KB report in the reader',
        samples: { values: openBig },
      },
      {
        id: 'browser-keystroke',
        what: 'browser: keystroke to next frame while correcting that report',
        samples: { values: keystrokes, latency: true },
        note: `${KEYSTROKES} keystrokes a run; keydown to the animation frame after the edit`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    // Leave the corpus as it was for the measurements that follow.
    rmSync(path.join(corpus.root, `${BIG_REPORT_ID}.txt`), { force: true });
    await corpus.reload(BIG_REPORT_ID);
  }
}

async function addBigReport(corpus: Corpus): Promise<void> {
  const sample = corpus.report(corpus.ids()[0]!).text;
  let body = '';
  while (body.length < 100_000) body += `${sample}\n\n`;
  writeFileSync(
    path.join(corpus.root, `${BIG_REPORT_ID}.txt`),
    `${BIG_TITLE}\n\n${body}Kết thúc báo cáo dài.`,
  );
  await corpus.reload(BIG_REPORT_ID);
}

async function timeFirstRows(page: Page, url: string): Promise<number> {
  const start = Date.now();
  await page.goto(url);
  await page.locator('.report-table .rows .row[data-id]').first().waitFor();
  return Date.now() - start;
}

async function scrollLibrary(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const rows = page.locator('.report-table .rows');
  let previous = -1;
  for (let step = 0; step < 2000; step++) {
    const top = await rows.evaluate((el) => {
      el.scrollTop += el.clientHeight;
      return el.scrollTop;
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    if (top === previous) break;
    previous = top;
  }
  return page.evaluate(() => (window as unknown as { longest: number }).longest);
}

async function openReport(page: Page): Promise<number> {
  await page.fill('.library .search', `"${BIG_TITLE}"`);
  const row = page.locator('.report-table .rows .row', { hasText: BIG_TITLE });
  await row.waitFor();
  const start = Date.now();
  await row.click();
  await page.waitForFunction(() =>
    document.querySelector('.report-text')?.textContent?.includes('Kết thúc báo cáo dài.'),
  );
  return Date.now() - start;
}

async function typeInReport(page: Page): Promise<number[]> {
  await page.getByRole('radio', { name: /Correct text|Sửa văn bản/ }).click();
  await page.locator('.report-text').click();
  await page.evaluate(() => {
    const w = window as unknown as { latencies: number[] };
    w.latencies = [];
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => w.latencies.push(performance.now() - start));
      },
      true,
    );
  });
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type('x');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
  return page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}
