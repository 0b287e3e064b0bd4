import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OUTPUT } from '../helpers/browser';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// Facets as in every faceted search (issue 13, bug 13): ticked values of one facet are alternatives, facets
// narrow each other, and a document cited with and without its issuer is one value.

let workbench: Workbench;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  page = workbench.page;
  // Report 001 cites Resolution 22 as prose often does, without its issuer; 000, 002 and 003 print 22-NQ/TW.
  await workbench.service.call('setMetadata', { id: SAMPLE_IDS[1]!, field: 'references', value: ['22-NQ'] });
  await page.reload();
});

afterAll(() => workbench?.close());

const rows = () => page.locator('.report-table .rows .row');
const facet = (name: string) =>
  page.locator('.facets fieldset').filter({ has: page.locator('legend', { hasText: name }) });
const value = (facetName: string, text: string) =>
  facet(facetName)
    .locator('.facet-value')
    .filter({ has: page.getByText(text, { exact: true }) });
const entries = async (facetName: string) =>
  (await facet(facetName).locator('.facet-value').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

describe('facets in the library', () => {
  it('ticks two places and lists the reports of both', async () => {
    await expect.poll(() => rows().count()).toBe(5);
    await value('Place', 'Cần Thơ').locator('input').check();
    await expect.poll(() => rows().count()).toBe(3);
    // The place's other values stay listed, with the reports ticking them would add.
    expect(await entries('Place')).toEqual(['Cần Thơ 3', 'Lạng Sơn 1', 'Thanh Trì, Hà Nội 1']);
    await value('Place', 'Lạng Sơn').locator('input').check();
    await expect.poll(() => rows().count()).toBe(4);
    const titles = await page.locator('.report-table .rows .title-text').allInnerTexts();
    expect(titles.some((title) => title.includes('Lạng Sơn'))).toBe(true);
    expect(titles.some((title) => title.includes('Cần Thơ'))).toBe(true);
    expect(await value('Place', 'Cần Thơ').locator('input').isChecked()).toBe(true);
    expect(await value('Place', 'Lạng Sơn').locator('input').isChecked()).toBe(true);
  });

  it('lists 22-NQ and 22-NQ/TW as one document, and its filter finds both', async () => {
    await value('Place', 'Cần Thơ').locator('input').uncheck();
    await value('Place', 'Lạng Sơn').locator('input').uncheck();
    await expect.poll(() => rows().count()).toBe(5);
    const resolution22 = async () => (await entries('Document')).filter((e) => e.startsWith('22-NQ'));
    await expect.poll(resolution22).toEqual(['22-NQ/TW 4']);
    await value('Document', '22-NQ/TW').locator('input').check();
    await expect.poll(() => rows().count()).toBe(4);
    await value('Place', 'Cần Thơ').locator('input').check();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await entries('Place')).toEqual(['Cần Thơ 2', 'Lạng Sơn 1', 'Thanh Trì, Hà Nội 1']);
    await page.locator('.sidebar').screenshot({ path: path.join(TEST_OUTPUT, 'facets.png') });
    await page.screenshot({ path: '/tmp/facets.png', fullPage: true });
  });
});
