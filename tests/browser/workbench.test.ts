import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { TEST_OUTPUT } from '../helpers/browser';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, selectText, type Workbench } from '../helpers/workbench';

// An editor's day in the workbench, through the browser shell, on a fresh copy of the sample corpus.

const ID = SAMPLE_IDS[0]!;

let workbench: Workbench;
let service: FolioService;
let page: Page;
let corpus: string;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page, corpus } = workbench);
});

afterAll(() => workbench?.close());

const shot = (name: string) => page.screenshot({ path: path.join(TEST_OUTPUT, `${name}.png`) });
const rows = () => page.locator('.report-table .rows .row');

const selectInReader = (text: string, occurrence = 1) => selectText(page, text, occurrence);

async function sidecar(): Promise<Record<string, unknown>> {
  return JSON.parse(readFileSync(path.join(corpus, '.folio', 'reports', `${ID}.json`), 'utf8'));
}

describe('the workbench in Chromium', () => {
  it('lists the five reports with their extracted titles', async () => {
    await expect.poll(() => rows().count()).toBe(5);
    const titles = await page.locator('.report-table .rows .title-text').allInnerTexts();
    expect(titles).toContain('Cần Thơ không còn ấp, khu vực chưa có tổ chức Đảng, đảng viên');
    expect(titles).toContain('Huyện Thanh Trì tổng kết 10 năm thực hiện NQ TW6');
    await expect.poll(() => page.locator('.facets .facet-value').count()).toBeGreaterThan(5);
    await shot('library');
  });

  it('finds "thanh uy" in every report, with highlighted snippets', async () => {
    await page.fill('.library .search', 'thanh uy');
    await expect.poll(() => page.locator('.report-table .snippet mark').count()).toBeGreaterThanOrEqual(5);
    expect(await rows().count()).toBe(5);
    await shot('library-search');
    await page.fill('.library .search', '');
    await expect.poll(() => page.locator('.report-table .snippet').count()).toBe(0);
  });

  it('opens a report and annotates a name as Person with a note', async () => {
    await rows().filter({ hasText: 'Thành uỷ Cần Thơ tổng kết' }).click();
    await expect.poll(() => page.locator('.report-text').innerText()).toContain('Tin, ảnh: Ngọc Quy');
    expect(await page.locator('.report-text .debris').first().innerText()).toBe('156');
    expect(await page.locator('.report-text .caption').count()).toBeGreaterThan(0);
    await selectInReader('Trần Quốc Trung', 2);
    await page.keyboard.press('1');
    const item = page.locator('.annotation-list li').filter({ hasText: 'Trần Quốc Trung' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.chip').innerText()).toBe('Person');
    await item.locator('input').fill('Bí thư Thành ủy');
    await item.locator('input').press('Enter');
    await expect
      .poll(async () => ((await sidecar()).annotations as Array<{ note: string }>)[0]?.note)
      .toBe('Bí thư Thành ủy');
    expect(await page.locator('.report-text .annotation[data-label="Person"]').innerText()).toBe(
      'Trần Quốc Trung',
    );
    await selectInReader('Thành uỷ Cần Thơ tổng kết');
    await page.keyboard.press(']');
    expect(await page.evaluate(() => String(window.getSelection()))).toBe('Trần Quốc Trung');
    await shot('reader-annotated');
  });

  it('tags the report and corrects its date', async () => {
    await page.getByRole('tab', { name: 'Tags' }).click();
    await page.getByPlaceholder('Add tag').fill('tổng kết NQ22');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.locator('.tags .tag').allInnerTexts()).toEqual(['tổng kết NQ22×']);
    await page.getByRole('tab', { name: 'Metadata' }).click();
    const published = page.locator('.metadata-panel [data-field="published"] input');
    expect(await published.inputValue()).toBe('2018-07-05T21:31');
    await published.fill('2018-07-06');
    await published.press('Enter');
    await expect
      .poll(() => page.locator('[data-field="published"] .provenance').innerText())
      .toContain('Corrected by Lan');
    await page.locator('[data-field="source"]').getByRole('button', { name: 'Show in text' }).click();
    expect(await page.evaluate(() => String(window.getSelection()))).toBe('TGCT');
    await shot('reader-metadata');
  });

  it('fixes a typo and deletes a debris line in edit mode, saving automatically', async () => {
    await page.getByRole('radio', { name: 'Correct text' }).click();
    await selectInReader('thánh phố');
    await page.keyboard.type('thành phố');
    await page.getByRole('button', { name: 'Remove debris' }).click();
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Saved');
    await expect.poll(async () => (await sidecar()).correction !== null).toBe(true);
    const text = await page.locator('.report-text').innerText();
    expect(text).toContain('trên địa bàn thành phố được thực hiện');
    expect(text).not.toMatch(/\n156\s*$/);
    await page.getByRole('radio', { name: 'Read & annotate' }).click();
    expect(await page.locator('.report-text .annotation[data-label="Person"]').innerText()).toBe(
      'Trần Quốc Trung',
    );
    await shot('reader-corrected');
  });

  it('shows exactly those changes, inline and side by side', async () => {
    await page.getByRole('tab', { name: 'Changes' }).click();
    await expect.poll(() => page.locator('.change-count').innerText()).toBe('2 changes');
    const changes = page.locator('.diff.inline .change');
    expect(await changes.locator('del').allTextContents()).toEqual(['thánh', '\n156']);
    expect(await changes.locator('ins').allInnerTexts()).toEqual(['thành']);
    await shot('changes-inline');
    await page.getByRole('radio', { name: 'Side by side' }).click();
    expect(await page.locator('.diff.side-by-side ins').allInnerTexts()).toEqual(['thành']);
    await shot('changes-side-by-side');
  });

  it('keeps everything after a reload, and reverts one change', async () => {
    await page.reload();
    await page.getByRole('tab', { name: 'Library' }).click();
    await rows().filter({ hasText: 'Thành uỷ Cần Thơ tổng kết' }).click();
    await expect.poll(() => page.locator('.report-text').innerText()).toContain('thành phố được thực hiện');
    expect(await page.locator('.report-text .annotation[data-label="Person"]').innerText()).toBe(
      'Trần Quốc Trung',
    );
    expect(await page.locator('.annotation-list input').inputValue()).toBe('Bí thư Thành ủy');
    await page.getByRole('tab', { name: 'Changes' }).click();
    await expect.poll(() => page.locator('.change-count').innerText()).toBe('2 changes');
    await page.locator('.diff.inline .change').filter({ hasText: '156' }).getByRole('button').click();
    await expect.poll(() => page.locator('.change-count').innerText()).toBe('1 change');
    const state = await sidecar();
    expect(state).toMatchObject({
      tags: ['tổng kết NQ22'],
      metadata: { published: { value: '2018-07-06', editor: 'Lan' } },
    });
    expect((state.correction as { lines: string[] }).lines.at(-1)).toBe('156');
    await page.getByRole('tab', { name: 'Reader' }).click();
    expect(await page.locator('.report-text').innerText()).toMatch(/156\s*$/);
    expect(await page.locator('.report-text .annotation[data-label="Person"]').innerText()).toBe(
      'Trần Quốc Trung',
    );
  });

  it('tags, sets the status of and applies a value to several reports at once', async () => {
    await page.getByRole('tab', { name: 'Library' }).click();
    await page.fill('.library .search', '"cần thơ"');
    await expect.poll(() => rows().count()).toBe(3);
    await rows().nth(0).locator('input[type=checkbox]').check();
    await page.getByRole('button', { name: 'Select all results (3)' }).click();
    await expect.poll(() => page.locator('.bulk-bar strong').innerText()).toBe('3 selected');
    await page.locator('.bulk-bar').getByPlaceholder('Tags').fill('Cần Thơ');
    await page.locator('.bulk-bar').getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => page.locator('.report-table .tag-cell', { hasText: 'Cần Thơ' }).count()).toBe(3);
    await page.locator('.bulk-bar').getByLabel('Set status').selectOption('needs-review');
    await expect.poll(() => page.locator('.report-table .status.needs-review').count()).toBe(3);
    await page.locator('.bulk-bar').getByLabel('Apply value').selectOption('section');
    await page.locator('.bulk-bar').getByPlaceholder('Value').fill('Xây dựng Đảng');
    await page.locator('.bulk-bar').getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(async () => (await service.call('facets', { filters: { tags: ['Cần Thơ'] } })).status)
      .toEqual([{ value: 'needs-review', count: 3 }]);
    const sections = async () =>
      (await service.call('listReports', { filters: { place: ['Cần Thơ'] } })).rows.map((r) => r.section);
    await expect.poll(sections).toEqual(['Xây dựng Đảng', 'Xây dựng Đảng', 'Xây dựng Đảng']);
    await shot('library-bulk');
    await page.locator('.bulk-bar').getByRole('button', { name: 'Clear selection' }).click();
    await page.fill('.library .search', '');
  });

  it('gathers reports into a collection, lists it in order and exports it', async () => {
    await rows().filter({ hasText: 'Tỉnh ủy Lạng Sơn' }).locator('input[type=checkbox]').check();
    await rows().filter({ hasText: 'Huyện Thanh Trì' }).locator('input[type=checkbox]').check();
    await page.locator('.bulk-bar').getByPlaceholder('Collection name').fill('Miền Bắc');
    await page.locator('.bulk-bar').getByRole('button', { name: 'Add to collection' }).click();
    await page.locator('.bulk-bar').getByRole('button', { name: 'Clear selection' }).click();
    await page.locator('.collections label', { hasText: 'Miền Bắc' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    await page.locator('.export-bar select').selectOption('brat');
    await page.locator('.export-bar').getByRole('button', { name: 'Export' }).click();
    await expect
      .poll(() => page.locator('.export-result').innerText())
      .toMatch(/^Exported 2 reports → .*Miền Bắc-brat-/);
    await shot('library-collection-export');
    const [collection] = await service.call('listCollections', {});
    expect(collection!.entries.map((e) => e.id)).toEqual([SAMPLE_IDS[3], SAMPLE_IDS[2]]);
    await page.locator('.collections label', { hasText: 'All reports' }).click();
    await expect.poll(() => rows().count()).toBe(5);
  });

  it('switches the interface to Vietnamese and the theme to dark', async () => {
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('tab', { name: 'Thư viện' }).click();
    await page.getByRole('button', { name: 'Giao diện sáng/tối' }).click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toMatch(/dark|light/);
    expect(await page.locator('.report-table .header').innerText()).toContain('Tiêu đề');
    await shot('library-vietnamese');
  });
});
