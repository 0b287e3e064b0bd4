import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { openWorkbench, selectText, type Workbench } from '../helpers/workbench';

// The reader as an annotator moves through a list: where they are, the report's status, keys they can look
// up, spans that land on words (issue 13's missing pieces).

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page } = workbench);
  await page.locator('.report-table .rows .row').nth(4).waitFor();
});

afterAll(() => workbench?.close());

const shownId = () => decodeURIComponent(new URL(page.url()).hash.split('/')[1] ?? '');

describe('the first run', () => {
  it('says once where the keys are, and the sheet lists them', async () => {
    await expect
      .poll(() => page.locator('.first-run').innerText())
      .toContain('Press ? for the keyboard shortcuts');
    await page.locator('header h1').click();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await sheet.innerText()).toContain('Label the selection');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Got it' }).click();
    await page.reload();
    await page.locator('.report-table .rows .row').first().waitFor();
    expect(await page.locator('.first-run').count()).toBe(0);
  });

  it('shows how much of the corpus is done, and follows a change of status', async () => {
    await expect.poll(() => page.locator('.progress-overview').innerText()).toBe('0 of 5 done');
    const { id } = (await service.call('listReports', { limit: 1 })).rows[0]!;
    await service.call('setStatus', { ids: [id], status: 'done' });
    await expect.poll(() => page.locator('.progress-overview').innerText()).toBe('1 of 5 done');
  });
});

describe('the reader header', () => {
  it('names the report, its place in the list and its status, and moves along the list', async () => {
    await page.locator('.report-table .rows .row').nth(1).click();
    await page.locator('.report-text').waitFor();
    const id = shownId();
    const { title } = await service.call('getReport', { id });
    await expect.poll(() => page.locator('.reader .report-title').innerText()).toBe(title);
    expect(await page.locator('.reader .position').innerText()).toBe('2 / 5');
    await page.getByRole('button', { name: 'Next report', exact: true }).click();
    await expect.poll(() => page.locator('.reader .position').innerText()).toBe('3 / 5');
    expect(shownId()).not.toBe(id);
    await page.getByLabel('Status', { exact: true }).selectOption('needs-review');
    await expect
      .poll(async () => (await service.call('getReport', { id: shownId() })).status)
      .toBe('needs-review');
  });

  it('puts the focus on the text of a report just opened', async () => {
    await page.getByRole('tab', { name: 'Library' }).click();
    await page.locator('.report-table .rows .row').nth(0).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('report-text')))
      .toBe(true);
    expect(await page.locator('.reader .position').innerText()).toBe('1 / 5');
    expect(await page.getByRole('button', { name: 'Previous report', exact: true }).isDisabled()).toBe(true);
  });
});

describe('snapping to words', () => {
  it('labels the whole words a sloppy drag touched, and exactly the drag when turned off', async () => {
    const id = shownId();
    const { text } = await service.call('getReport', { id });
    const name = text.match(/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u)![0];
    const words = name.split(' ');
    // From inside the first word to the space after the last.
    const sloppy = `${words[0]!.slice(1)} ${words[1]} ${words[2]} `;
    await selectText(page, sloppy);
    await page.keyboard.press('1');
    await expect
      .poll(async () => (await service.call('getReport', { id })).annotations.map((a) => a.quote))
      .toEqual([name]);
    await page.getByLabel('Snap to words').uncheck();
    await selectText(page, sloppy);
    await page.keyboard.press('3');
    await expect
      .poll(async () => (await service.call('getReport', { id })).annotations.map((a) => a.quote).sort())
      .toEqual([name, sloppy].sort());
  });
});
