import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preferences } from '../../src-main/contract/operations';
import type { FolioService } from '../../src-main/service/folioService';
import { TEST_OUTPUT } from '../helpers/browser';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// The library's table in the browser shell (issue 13, bugs 10–12): a sort arrow that tells the truth, search
// snippets whose highlight shows whole inside the row, and every column reachable at 1024 and 1440 px.

const CORRECTED = SAMPLE_IDS[1]!;
const QUERY = 'chỉ thị';
const SIZES = [
  [1440, 900],
  [1024, 700],
] as const;

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en' });
  ({ service, page } = workbench);
  // A corrected report, tags long and short, and an annotation, so every column and marker has something.
  const report = await service.call('getReport', { id: CORRECTED });
  const text = report.text.replace('Hội nghị', 'Hội nghị toàn thể');
  await service.call('saveCorrection', { id: CORRECTED, text, revision: report.revision });
  await service.call('setTags', { ids: [SAMPLE_IDS[0]!, CORRECTED], add: ['tổng kết NQ22', 'Cần Thơ'] });
  const other = await service.call('getReport', { id: SAMPLE_IDS[3]! });
  await service.call('addAnnotation', {
    id: SAMPLE_IDS[3]!,
    start: 0,
    end: 8,
    label: 'Place',
    revision: other.revision,
  });
});

afterAll(() => workbench?.close());

const shot = (name: string) => page.screenshot({ path: path.join(TEST_OUTPUT, `${name}.png`) });
const rows = () => page.locator('.report-table .rows .row');
const header = (name: string) => page.locator('.report-table .header [role=columnheader]', { hasText: name });
const shownIds = () => rows().evaluateAll((all) => all.map((row) => (row as HTMLElement).dataset.id));

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  expect(found, `${locator} is laid out`).not.toBeNull();
  return found!;
}

/** Opens the library afresh in `language` and `theme`, at `width`×`height`, with the five rows listed. */
async function scene(
  language: Preferences['language'],
  width: number,
  height: number,
  theme: Preferences['theme'] = 'light',
): Promise<void> {
  await service.call('setPreferences', { language, theme });
  await page.setViewportSize({ width, height });
  await page.reload();
  await expect.poll(() => rows().count()).toBe(5);
}

async function search(query: string): Promise<void> {
  await page.fill('.library .search', query);
  await expect.poll(() => page.locator('.report-table .snippet').count()).toBe(5);
}

/** Ids in the order the service lists them for `query` under `sort`. */
async function listed(query: string, sort: 'id' | 'published' | 'title', descending = false) {
  return (await service.call('listReports', { query, sort, descending })).rows.map((row) => row.id);
}

describe('the sort arrow (bug 10)', () => {
  it('claims no column order while a search lists by relevance, and a column click really sorts', async () => {
    await scene('en', 1440, 900);
    expect(await header('Published').getAttribute('aria-sort')).toBe('descending');
    await search(QUERY);
    const relevance = await listed(QUERY, 'id');
    expect(await shownIds()).toEqual(relevance);
    expect(await page.locator('.report-table .header .arrow').count()).toBe(0);
    const sorts = await page
      .locator('.report-table [role=columnheader]')
      .evaluateAll((all) => all.map((cell) => cell.getAttribute('aria-sort')));
    expect(sorts.every((sort) => sort === null || sort === 'none')).toBe(true);
    expect(await page.locator('.table-order').innerText()).toContain('Sorted by relevance');

    await header('Published').getByRole('button').click();
    const byDate = await listed(QUERY, 'published', true);
    expect(byDate).not.toEqual(relevance);
    await expect.poll(shownIds).toEqual(byDate);
    expect(await header('Published').innerText()).toContain('▾');
    expect(await header('Published').getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('.report-table .snippet').count()).toBe(5);
    await header('Published').getByRole('button').click();
    await expect.poll(shownIds).toEqual(await listed(QUERY, 'published'));
    expect(await header('Published').getAttribute('aria-sort')).toBe('ascending');
    await shot('library-search-by-date');

    await page.getByRole('button', { name: 'Sort by relevance again' }).click();
    await expect.poll(shownIds).toEqual(relevance);
    expect(await page.locator('.report-table .header .arrow').count()).toBe(0);
    await page.fill('.library .search', '');
    await expect.poll(() => page.locator('.table-order').count()).toBe(0);
    expect(await page.locator('.report-table .header .arrow').count()).toBe(1);
  });

  it('claims no column order in a collection kept in its own order', async () => {
    const order = [SAMPLE_IDS[3]!, SAMPLE_IDS[0]!, SAMPLE_IDS[4]!];
    await service.call('createCollection', { kind: 'manual', name: 'Đọc trước', ids: order });
    await page.reload();
    await page.getByRole('radio', { name: 'Đọc trước' }).check();
    await expect.poll(shownIds).toEqual(order);
    expect(await page.locator('.report-table .header .arrow').count()).toBe(0);
    expect(await page.locator('.table-order').innerText()).toContain('In the collection’s order');

    const titles = await page.locator('.report-table .rows .title-text').allInnerTexts();
    await header('Title').getByRole('button').click();
    await expect.poll(shownIds).not.toEqual(order);
    expect(await header('Title').getAttribute('aria-sort')).toBe('ascending');
    const sorted = await page.locator('.report-table .rows .title-text').allInnerTexts();
    expect(sorted).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'vi')));
    await page.getByRole('button', { name: 'Back to the collection’s order' }).click();
    await expect.poll(shownIds).toEqual(order);
    await page.getByRole('radio', { name: 'All reports' }).check();
  });
});

describe('search snippets (bug 11)', () => {
  for (const [width, height] of SIZES) {
    it(`show the first hit whole, near the middle, inside its row, corrected or not, at ${width} px`, async () => {
      await scene('vi', width, height);
      await search(QUERY);
      for (let i = 0; i < 5; i++) {
        const row = rows().nth(i);
        const rowBox = await box(row);
        const titleBox = await box(row.locator('.title-text'));
        const snippetBox = await box(row.locator('.snippet'));
        const name = await row.locator('.title-text').innerText();
        // The title and the snippet below it both lie inside the row.
        for (const inner of [titleBox, snippetBox]) {
          expect(inner.y, name).toBeGreaterThanOrEqual(rowBox.y);
          expect(inner.y + inner.height, name).toBeLessThanOrEqual(rowBox.y + rowBox.height);
        }
        expect(snippetBox.y, name).toBeGreaterThanOrEqual(titleBox.y + titleBox.height - 1);
        // The first highlight is laid out whole, within the snippet's visible width, and not a sliver.
        const mark = row.locator('.snippet mark').first();
        const markBox = await box(mark);
        expect(await mark.evaluate((m) => m.scrollWidth <= m.clientWidth + 1), name).toBe(true);
        expect(markBox.width, name).toBeGreaterThan(12);
        expect(markBox.x, name).toBeGreaterThanOrEqual(snippetBox.x);
        expect(markBox.x + markBox.width, name).toBeLessThanOrEqual(snippetBox.x + snippetBox.width);
        // Cut on both sides, the excerpt keeps the hit away from the edges.
        const text = await row.locator('.snippet').textContent();
        if (text!.startsWith('…') && text!.endsWith('…')) {
          const centre = (markBox.x + markBox.width / 2 - snippetBox.x) / snippetBox.width;
          expect(centre, name).toBeGreaterThan(0.2);
          expect(centre, name).toBeLessThan(0.8);
        }
      }
      // The corrected report keeps its marker beside the title, not in the snippet's place.
      const corrected = rows().filter({ has: page.locator('.marker') });
      expect(await corrected.count()).toBe(1);
      const rowBox = await box(corrected);
      const markerBox = await box(corrected.locator('.marker'));
      expect(markerBox.y + markerBox.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
      expect(markerBox.x + markerBox.width).toBeLessThanOrEqual(
        (await box(corrected.locator('[role=gridcell]').nth(2))).x,
      );
    });
  }
});

describe('the columns (bug 12)', () => {
  const HEADERS = {
    vi: ['Tiêu đề', 'Ngày đăng', 'Nguồn', 'Địa phương', 'Tác giả', 'Trạng thái', 'Thẻ', 'Chú thích'],
    en: ['Title', 'Published', 'Source', 'Place', 'Author', 'Status', 'Tags', 'Annotations'],
  };

  /**
   * Whether every header shows its whole label inside the table, with its column's cells under it; with
   * `scroll`, after scrolling the rows sideways to bring it into view.
   */
  async function checkColumns(scroll = false): Promise<void> {
    const scroller = page.locator('.report-table .rows');
    const table = await box(scroller);
    const cells = page.locator('.report-table .header [role=columnheader]');
    const first = rows().first().locator('[role=gridcell]');
    for (let i = 1; i < (await cells.count()); i++) {
      const cell = cells.nth(i);
      const label = await cell.innerText();
      if (scroll) {
        const { x, width } = await box(cell);
        const by = Math.max(0, x + width - (table.x + table.width)) - Math.max(0, table.x - x);
        await scroller.evaluate((element, by) => (element.scrollLeft += by), by);
      }
      await expect
        .poll(async () => Math.abs((await box(first.nth(i))).x - (await box(cell)).x), { message: label })
        .toBeLessThanOrEqual(1);
      const cellBox = await box(cell);
      expect(cellBox.x, label).toBeGreaterThanOrEqual(table.x - 1);
      expect(cellBox.x + cellBox.width, label).toBeLessThanOrEqual(table.x + table.width + 1);
      // Not clipped: nothing inside is wider than the cell shows.
      const clipped = await cell.evaluate((element) =>
        [element, ...element.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1),
      );
      expect(clipped, label).toBe(false);
    }
  }

  for (const language of ['vi', 'en'] as const) {
    for (const [width, height] of SIZES) {
      it(`fit at ${width}×${height} in ${language}, every header whole`, async () => {
        await scene(language, width, height);
        expect(await page.locator('.report-table .header').innerText()).toMatch(
          new RegExp(HEADERS[language].join('[\\s▾▴]*')),
        );
        await checkColumns();
        const tags = rows().first().locator('.tag-cell');
        expect((await box(tags)).width).toBeGreaterThan(50);
        await search(QUERY);
        await checkColumns();
      });
    }
  }

  it('scroll sideways, header and all, when the window is narrower still', async () => {
    await scene('en', 860, 700);
    const table = await box(page.locator('.report-table .rows'));
    const last = header('Annotations');
    expect((await box(last)).x).toBeGreaterThan(table.x + table.width);
    await checkColumns(true);
    await shot('library-860-scrolled');
    const count = page.locator(`.report-table .row[data-id="${SAMPLE_IDS[3]}"] .number`);
    expect(await count.innerText()).toBe('1');
    expect((await box(count)).x + (await box(count)).width).toBeLessThanOrEqual(table.x + table.width);
    // Tabbing to a header out of view scrolls the header; the rows follow it.
    await page.locator('.report-table .rows').evaluate((element) => (element.scrollLeft = 0));
    await expect.poll(async () => (await box(last)).x).toBeGreaterThan(table.x + table.width);
    await last.getByRole('button').focus();
    await expect.poll(async () => (await box(last)).x).toBeLessThan(table.x + table.width);
    await expect
      .poll(async () => Math.abs((await box(count)).x - (await box(last)).x))
      .toBeLessThanOrEqual(1);
  });
});

describe('screenshots', () => {
  it('at 1440 and 1024 px, in Vietnamese and English, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const language of ['vi', 'en'] as const) {
        for (const [width, height] of SIZES) {
          await scene(language, width, height, theme);
          const name = `library-${width}-${language}-${theme}`;
          await shot(name);
          await search(QUERY);
          await shot(`${name}-search`);
        }
      }
    }
    await service.call('setPreferences', { theme: 'system' });
  });
});
