import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// Another editor (here: the service, as another window or a teammate's git pull would) changes the report
// being read. Clean: reloaded. Unsaved edits: a choice, never a silent overwrite.

const ID = SAMPLE_IDS[3]!;

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en' });
  ({ service, page } = workbench);
});

afterAll(() => workbench?.close());

describe('changes made elsewhere', () => {
  it('reloads a clean report', async () => {
    await page.locator('.report-table .rows .row', { hasText: 'Tỉnh ủy Lạng Sơn' }).click();
    await expect.poll(() => page.locator('.report-text').innerText()).toContain('Phùng Khiêm');
    await page.getByRole('tab', { name: 'Metadata' }).click();
    await service.call('setMetadata', { id: ID, field: 'author', value: 'Phùng Khiêm (Báo Lạng Sơn)' });
    await expect
      .poll(() => page.locator('[data-field="author"] input').inputValue())
      .toBe('Phùng Khiêm (Báo Lạng Sơn)');
  });

  it('takes in a change that leaves the text alone while the editor types (bug 16), keeping both', async () => {
    await page.getByRole('radio', { name: 'Correct text' }).click();
    await page.locator('.report-text').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' XYZ');
    await service.call('setStatus', { ids: [ID], status: 'done' });
    await service.call('setTags', { ids: [ID], add: ['elsewhere'] });
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Saved');
    expect(await page.locator('.banner').count()).toBe(0);
    const report = await service.call('getReport', { id: ID });
    expect(report.text).toContain('XYZ');
    expect([report.status, report.tags]).toEqual(['done', ['elsewhere']]);
  });

  it('offers a choice when the text changed elsewhere under unsaved edits, and saves mine when kept', async () => {
    await page.locator('.report-text').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' MINE');
    const { text, revision } = await service.call('getReport', { id: ID });
    await service.call('saveCorrection', { id: ID, text: `THEIRS ${text}`, revision });
    await expect
      .poll(() => page.locator('.banner').innerText())
      .toContain('Someone else changed this report');
    expect(await page.locator('.save-state').innerText()).toBe('Unsaved');
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Saved');
    const report = await service.call('getReport', { id: ID });
    expect(report.text).toContain(' MINE');
    expect(report.text.startsWith('THEIRS')).toBe(false);
  });
});
