import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, selectText, type Workbench } from '../helpers/workbench';

// Annotating with the keyboard as an annotator does it, in the browser shell (issue 13's bugs 2, 3 and 6).

const ID = SAMPLE_IDS[0]!;

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page } = workbench);
  page.setDefaultTimeout(8000);
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

  it('opens the next report for reading, never in the correction mode left on the last one', async () => {
    await page.getByRole('radio', { name: 'Correct text' }).click();
    expect(await page.getByRole('radio', { name: 'Correct text' }).getAttribute('aria-checked')).toBe('true');
    await page.locator('header h1').click();
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(() => page.getByRole('radio', { name: 'Read & annotate' }).getAttribute('aria-checked'))
      .toBe('true');
    const first = (await service.call('getReport', { id: ID })).text.slice(0, 40);
    await expect
      .poll(async () => (await page.locator('.report-text').innerText()).startsWith(first))
      .toBe(false);
    const shown = (await page.locator('.report-text').innerText()).slice(0, 40);
    const texts = await Promise.all(
      SAMPLE_IDS.map(async (id) => ({ id, text: (await service.call('getReport', { id })).text })),
    );
    const next = texts.find((r) => r.text.startsWith(shown.trim().slice(0, 20)))!.id;
    const { text } = await service.call('getReport', { id: next });
    const word = text.match(/[\p{L}]{4,}/u)![0];
    await selectText(page, word);
    await page.keyboard.press('1');
    await expect.poll(async () => (await service.call('getReport', { id: next })).annotations.length).toBe(1);
    expect((await service.call('getReport', { id: next })).text).toBe(text);
  });
});
