import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, selectText, type Workbench } from '../helpers/workbench';

// Annotating with the keyboard as an annotator does it, in the browser shell (issue 13's bugs 2 and 3).

const ID = SAMPLE_IDS[0]!;

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page } = workbench);
  const { title } = await service.call('getReport', { id: ID });
  await page.locator('.report-table .rows .row').filter({ hasText: title! }).click();
  await page.locator('.report-text').waitFor();
});

afterAll(() => workbench?.close());

const annotations = async () => (await service.call('getReport', { id: ID })).annotations;

describe('annotating with the keyboard', () => {
  it('lets go of the selection once a key has labelled it, so the next key labels nothing', async () => {
    await selectText(page, 'Trần Quốc Trung', 2);
    await page.keyboard.press('1');
    await expect.poll(async () => (await annotations()).length).toBe(1);
    expect(await page.evaluate(() => String(window.getSelection()))).toBe('');
    await page.keyboard.press('2');
    await page.waitForTimeout(300);
    expect((await annotations()).map((a) => a.label)).toEqual(['Person']);
  });

  it('relabels an annotation when a key is pressed on exactly its span, rather than adding a twin', async () => {
    await selectText(page, 'Trần Quốc Trung', 2);
    await page.keyboard.press('2');
    await expect.poll(async () => (await annotations()).map((a) => a.label)).toEqual(['Organisation']);
    await selectText(page, 'Trần Quốc Trung', 2);
    await page.keyboard.press('2');
    await page.waitForTimeout(300);
    expect(await annotations()).toHaveLength(1);
  });
});

describe('a label key while the core is slow', () => {
  it('shows the annotation at once, and takes it away, saying why, when the core refuses it', async () => {
    const refuse = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'read-only', message: 'EROFS' } }),
      });
    };
    await page.route('**/api/call/addAnnotation', refuse);
    await selectText(page, 'Bí thư Thành ủy');
    await page.keyboard.press('1');
    const pending = page.locator('.report-text .annotation[data-annotation^="pending:"]');
    await expect.poll(() => pending.count(), { timeout: 1000 }).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.reader > .error').innerText())
      .toBe('The folder is read-only; nothing was saved.');
    expect(await pending.count()).toBe(0);
    await page.unroute('**/api/call/addAnnotation', refuse);
  });

  it('offers the note only once the annotation is saved, so a note typed meanwhile is never lost', async () => {
    const slow = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    };
    await page.route('**/api/call/addAnnotation', slow);
    await selectText(page, 'Cần Thơ');
    await page.keyboard.press('1');
    const item = page.locator('.annotation-list li').filter({ hasText: 'Cần Thơ' });
    const pendingItem = item.and(page.locator('[data-annotation-item^="pending:"]'));
    await expect.poll(() => pendingItem.count(), { timeout: 1000 }).toBe(1);
    expect(await pendingItem.locator('input').isDisabled()).toBe(true);
    // Typed as soon as it can be: into the saved annotation, whose note is kept.
    await item.locator('input').fill('Bí thư Thành ủy');
    await item.locator('input').press('Enter');
    await expect
      .poll(async () => (await service.call('getReport', { id: ID })).annotations.map((a) => a.note))
      .toContain('Bí thư Thành ủy');
    await page.unroute('**/api/call/addAnnotation', slow);
  });
});

describe('tagging (bug 15)', () => {
  it('says a tag the report has in another case is there already, rather than dropping it unsaid', async () => {
    await page.getByRole('tab', { name: 'Tags' }).click();
    const field = page.getByPlaceholder('Add tag');
    await field.fill('Tổng kết NQ22');
    await field.press('Enter');
    await expect
      .poll(async () => (await service.call('getReport', { id: ID })).tags)
      .toEqual(['Tổng kết NQ22']);
    await field.fill('tổng kết nq22');
    await field.press('Enter');
    await expect
      .poll(() => page.locator('.tags-editor [role="status"]').innerText())
      .toBe('The report already has the tag “Tổng kết NQ22”.');
    expect(await field.inputValue()).toBe('tổng kết nq22');
    expect((await service.call('getReport', { id: ID })).tags).toEqual(['Tổng kết NQ22']);
  });
});

describe('naming a collection (issue 13, bug 8)', () => {
  it('says why a name is refused and keeps what was typed, for a saved search and for picked reports', async () => {
    await page.getByRole('tab', { name: 'Library' }).click();
    await page.fill('.library .search', 'thanh uy');
    const name = page.locator('.save-search input');
    await name.fill('Tìm: NQ22');
    await name.press('Enter');
    await expect.poll(() => page.locator('.collections [role="alert"]').innerText()).toMatch(/contains ":"/);
    expect(await name.inputValue()).toBe('Tìm: NQ22');
    await name.fill('Tìm NQ22');
    await name.press('Enter');
    await expect.poll(() => name.inputValue()).toBe('');
    expect(await page.locator('.collections').innerText()).toContain('Tìm NQ22');
    expect(await page.locator('.collections [role="alert"]').count()).toBe(0);

    await page.locator('.report-table .rows .row').nth(0).locator('input[type=checkbox]').check();
    const picked = page.locator('.bulk-bar').getByPlaceholder('Collection name');
    await picked.fill('a/b');
    await page.locator('.bulk-bar').getByRole('button', { name: 'Add to collection' }).click();
    await expect.poll(() => page.locator('.collections [role="alert"]').innerText()).toMatch(/contains "\/"/);
    expect(await picked.inputValue()).toBe('a/b');
  });
});
