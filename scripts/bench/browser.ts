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
const LABEL_KEYS = 20;
/** Reports of the corpus opened one after another in each run, after the first open of the page. */
const OPENS = 5;

/**
 * What an editor feels in the browser shell, in Debian's Chromium: the first library rows painted, scrolling
 * the whole library (longest task), opening a report of the corpus and a 100 KB one, a label key to its
 * annotation drawn, and keystrokes while correcting (to the frame, and the handling alone).
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
    const openFirst: number[] = [];
    const openSample: number[] = [];
    let labelKeys: number[] = [];
    let keystrokes: number[] = [];
    let handling: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      firstRows.push(await timeFirstRows(page, server.url));
      longestScrollTask.push(await scrollLibrary(page));
      // The 100 KB report is opened last, by its title: never among the rows before, so it is not yet open.
      const opened = new Set<string>([BIG_REPORT_ID]);
      openFirst.push(await openReport(page, opened));
      for (let i = 0; i < OPENS; i++) openSample.push(await openReport(page, opened));
      labelKeys = labelKeys.concat(await labelWords(page));
      openBig.push(await openReport(page, opened, BIG_TITLE));
      const typed = await typeInReport(page);
      keystrokes = keystrokes.concat(typed.toFrame);
      handling = handling.concat(typed.handling);
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
        id: 'browser-open-first',
        what: 'browser: the first report opened after the app starts',
        samples: { values: openFirst },
        note: 'the reader laid out and its code run for the first time; click to the frame drawing the text',
      },
      {
        id: 'browser-open',
        what: 'browser: opening a report of the corpus in the reader',
        samples: { values: openSample },
        note: `the next ${OPENS} rows of the library, one after another; click to the frame drawing the text`,
      },
      {
        id: 'browser-label-key',
        what: 'browser: a label key to its annotation drawn in the text',
        samples: { values: labelKeys, latency: true },
        note: `${LABEL_KEYS} words a run, each selected and labelled; keydown to the highlight in the page`,
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
      {
        id: 'browser-keystroke-handling',
        what: 'browser: handling one keystroke while correcting that report',
        samples: { values: handling, latency: true },
        note: 'input event to the end of its handling (the editor and the autosave bookkeeping), no frame',
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

/**
 * Opens a report from the library, the one titled `title` or else one not opened before (`opened`, which it
 * joins): from the click's pointer-down to the animation frame that draws its text, timed in the page so that
 * Playwright's own checks before a click are not counted. A report already open would show at once.
 */
async function openReport(page: Page, opened: Set<string>, title?: string): Promise<number> {
  await page.getByRole('tab', { name: /Library|Thư viện/ }).click();
  if (title !== undefined) await page.fill('.library .search', `"${title}"`);
  const rows = page.locator('.report-table .rows .row[data-id]');
  await (title === undefined ? rows : rows.filter({ hasText: title })).first().waitFor();
  const shown = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-id')!));
  const id =
    title === undefined
      ? shown.find((candidate) => !opened.has(candidate))
      : await rows.filter({ hasText: title }).first().getAttribute('data-id');
  if (!id) throw new Error(`no report left to open among the ${shown.length} rows shown`);
  opened.add(id);
  await page.evaluate((wanted) => {
    const w = window as unknown as { opened: Promise<number> };
    w.opened = new Promise<number>((resolve, reject) => {
      // A report that never shows fails the run with what the page shows, rather than hanging it; as long as
      // Playwright gives an action, since a loaded machine can be slow.
      setTimeout(() => {
        const title = document.querySelector('.report-title')?.textContent;
        reject(
          new Error(`report ${wanted} not drawn 30 s after its click (at ${location.hash}, title ${title})`),
        );
      }, 30_000);
      addEventListener(
        'pointerdown',
        (down) => {
          // Checked at each frame's start: the first frame that finds the text is the one that paints it.
          const check = (now: number) => {
            const shown =
              location.hash.endsWith(`/${encodeURIComponent(wanted)}`) &&
              !!document.querySelector('.report-title') &&
              (document.querySelector('.report-text')?.textContent?.length ?? 0) > 0;
            if (shown) resolve(now - down.timeStamp);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        },
        { capture: true, once: true },
      );
    });
  }, id!);
  // Clicked by its id: the library's rows are recycled as it scrolls, so the n-th row element may by now
  // show another report than the one read.
  await page.locator(`.report-table .rows .row[data-id=${JSON.stringify(id)}]`).click();
  return page.evaluate(() => (window as unknown as { opened: Promise<number> }).opened);
}

/** Selects words of the open report one by one and labels each: keydown to its highlight in the page. */
async function labelWords(page: Page): Promise<number[]> {
  return page.evaluate(async (count) => {
    const text = document.querySelector('.report-text')!;
    // Found afresh each time: drawing an annotation splits the text nodes around it.
    const nextWord = (): Range | null => {
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest('.annotation, .debris, .caption')) continue;
        const match = /\p{L}{4,}/u.exec(node.data);
        if (!match) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        return range;
      }
      return null;
    };
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const word = nextWord();
      if (!word) break;
      const before = text.querySelectorAll('.annotation').length;
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(word);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const drawn = new Promise<number | null>((resolve) => {
        const observer = new MutationObserver(() => {
          if (text.querySelectorAll('.annotation').length > before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(text, { childList: true, subtree: true, attributes: true });
        // A word the page would not label is left out rather than waited for.
        setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, 5000);
      });
      const start = performance.now();
      text.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true }));
      const end = await drawn;
      if (end !== null) latencies.push(end - start);
      // The save settles before the next word, as an annotator's next key would find it.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return latencies;
  }, LABEL_KEYS);
}

async function typeInReport(page: Page): Promise<{ toFrame: number[]; handling: number[] }> {
  await page.getByRole('radio', { name: /Correct text|Sửa văn bản/ }).click();
  await page.locator('.report-text').click();
  await page.evaluate(() => {
    const w = window as unknown as { toFrame: number[]; handling: number[] };
    w.toFrame = [];
    w.handling = [];
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => w.toFrame.push(performance.now() - start));
      },
      true,
    );
    // The editor reads typed text in a mutation callback queued before the input event: a microtask
    // queued here runs once it, the autosave's bookkeeping included, is done.
    document.addEventListener(
      'input',
      () => {
        const start = performance.now();
        queueMicrotask(() => w.handling.push(performance.now() - start));
      },
      true,
    );
  });
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type('x');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
  return page.evaluate(() => {
    const w = window as unknown as { toFrame: number[]; handling: number[] };
    return { toFrame: w.toFrame, handling: w.handling };
  });
}
