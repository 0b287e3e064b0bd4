import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src-main/core';
import type { FolioService } from '../../src-main/service/folioService';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// The Vietnamese interface says everything in Vietnamese, the core's refusals included (issue 13, bug 14),
// and reads dates day first.

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'vi', editorName: 'Lan' });
  ({ service, page } = workbench);
  await page.locator('.report-table .rows .row').nth(4).waitFor();
});

afterAll(() => workbench?.close());

const rows = () => page.locator('.report-table .rows .row');

describe('the Vietnamese interface', () => {
  it('refuses a collection name in Vietnamese, naming the character', async () => {
    await page.fill('.library .search', 'thanh uy');
    await page.locator('.save-search input').fill('Tìm: NQ22');
    await page.locator('.save-search input').press('Enter');
    await expect
      .poll(() => page.locator('.collections [role="alert"]').innerText())
      .toBe('Tên "Tìm: NQ22" có ký tự ":"; tên không được chứa / \\ : * ? " < > |.');
  });

  it('draws the saved-search mark rather than relying on an emoji font', async () => {
    await page.locator('.save-search input').fill('Thành ủy');
    await page.locator('.save-search input').press('Enter');
    const mark = page.locator('.collections .search-icon');
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.getAttribute('aria-label')).toBe('Tìm kiếm đã lưu');
    expect(await page.locator('.collections').innerText()).not.toContain('🔍');
    await page.fill('.library .search', '');
  });

  it('reads a date filter day first, whatever the browser locale, and refuses a day the calendar lacks', async () => {
    const all = (await service.call('listReports', {})).total;
    const from = page.getByLabel('Từ ngày', { exact: true });
    await from.fill('01/06/2018');
    await from.press('Enter');
    await from.blur();
    const expected = (await service.call('listReports', { filters: { publishedFrom: '2018-06-01' } })).total;
    expect(expected).toBeLessThan(all);
    await expect.poll(() => rows().count()).toBe(expected);
    expect(await from.inputValue()).toBe('01/06/2018');
    await from.fill('31/02/2018');
    await from.blur();
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(await rows().count()).toBe(expected);
  });

  it('says in Vietnamese why an undo was refused', async () => {
    const { id } = (await service.call('listReports', { limit: 1 })).rows[0]!;
    await service.call('setMetadata', { id, field: 'author', value: 'Lan' });
    // A second writer (another window, a teammate's pull) changes the same field.
    const other = await Corpus.open(workbench.corpus);
    await other.setMetadata(id, 'author', 'Minh', 'Minh');
    await page.locator('header h1').click();
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.locator('.app > [role="alert"]').innerText())
      .toBe('Không hoàn tác được 1/1 thay đổi: trường tác giả đã được sửa từ lúc đó.');
  });
});
