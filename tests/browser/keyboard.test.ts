import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// The library with the keyboard alone (issue 13): / to search, arrows through the rows, Space to pick,
// Enter to open with the focus on the text, and a skip link past the sidebar.

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page } = workbench);
  await page.locator('.report-table .rows .row').nth(4).waitFor();
});

afterAll(() => workbench?.close());

const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return { className: element?.className ?? '', row: element?.getAttribute('aria-rowindex') ?? null };
  });

describe('the library from the keyboard', () => {
  it('goes to the search with /, and from it down into the rows', async () => {
    await page.locator('header h1').click();
    await page.keyboard.press('/');
    await expect.poll(async () => (await focused()).className).toContain('search');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused()).row).toBe('2');
  });

  it('moves through the rows with the arrows, the focused row being the grid’s one tab stop', async () => {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused()).row).toBe('4');
    expect(await page.locator('.report-table .rows .row[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('End');
    await expect.poll(async () => (await focused()).row).toBe('6');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused()).row).toBe('2');
  });

  it('picks a row with Space and opens one with Enter, the focus then on its text', async () => {
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.bulk-bar').count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.bulk-bar').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    const id = await page.locator('.report-table .rows .row[tabindex="0"]').getAttribute('data-id');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).className).toContain('report-text');
    const { title } = await service.call('getReport', { id: id! });
    expect(await page.locator('.reader .report-title').innerText()).toBe(title);
  });

  it('skips past the sidebar to the reports from a link that shows when reached', async () => {
    await page.getByRole('tab', { name: 'Library' }).click();
    const skip = page.getByRole('button', { name: 'Skip to the reports' });
    await skip.focus();
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).row).not.toBeNull();
  });
});
