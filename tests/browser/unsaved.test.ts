import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { openWorkbench, selectText, type Workbench } from '../helpers/workbench';

// Work is never lost to leaving: not to the next report (issue 13, bug 6), not to a reload within the
// autosave delay (bug 5).

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page } = workbench);
});

afterAll(() => workbench?.close());

const report = (id: string) => service.call('getReport', { id });

/** The report the reader shows, as the address names it. */
const shownId = async () => {
  await page.locator('.report-text').waitFor();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[1] ?? '');
};

describe('leaving a report', () => {
  it('opens the next report for reading, so a label key annotates instead of typing over the text', async () => {
    await page.locator('.report-table .rows .row').nth(0).click();
    const first = await shownId();
    await page.getByRole('radio', { name: 'Correct text' }).click();
    await page.locator('.report-text').click();
    await page.locator('header h1').click();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(shownId).not.toBe(first);
    const second = await shownId();
    expect(await page.getByRole('radio', { name: 'Read' }).getAttribute('aria-checked')).toBe('true');
    const { text } = await report(second);
    const word = text.match(/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u)![0];
    await selectText(page, word);
    await page.keyboard.press('1');
    await expect.poll(async () => (await report(second)).annotations.map((a) => a.quote)).toEqual([word]);
    expect((await report(second)).text).toBe(text);
    expect((await report(first)).changes).toEqual([]);
  });

  it('saves a correction onto the report it was typed on when the editor moves on at once', async () => {
    const b = await shownId();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(shownId).not.toBe(b);
    const a = await shownId();
    await page.getByRole('radio', { name: 'Correct text' }).click();
    await page.locator('.report-text').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' QQQ');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await report(a)).text).toMatch(/ QQQ/);
    expect(await shownId()).toBe(b);
    expect((await report(b)).text).not.toMatch(/QQQ/);
  });
});

describe('reloading the page', () => {
  it('brings back a correction typed within the autosave delay, on the report it was typed on', async () => {
    await page.getByRole('tab', { name: 'Library' }).click();
    await page.locator('.report-table .rows .row').nth(2).click();
    const id = await shownId();
    await page.getByRole('radio', { name: 'Correct text' }).click();
    await page.locator('.report-text').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' RELOADED');
    await page.reload();
    await expect.poll(() => page.locator('.reader > .notice').innerText()).toMatch(/Restored a correction/);
    expect(await page.getByRole('tab', { name: 'Reader' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(async () => (await report(id)).text).toContain(' RELOADED');
    expect(await page.locator('.report-text').innerText()).toContain('RELOADED');
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Saved');
  });
});
