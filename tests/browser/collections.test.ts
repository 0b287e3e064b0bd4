import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { TEST_OUTPUT } from '../helpers/browser';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// Collections renamed, reordered, arranged, emptied and deleted from the library's sidebar, each undone with
// Ctrl+Z, the service's list checked at every step (issue 13, "collections … from the UI").

const [ID0, ID1, ID2, ID3] = SAMPLE_IDS as [string, string, string, string];

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'vi', theme: 'light' });
  ({ service, page } = workbench);
  await page.setViewportSize({ width: 1440, height: 900 });
  await service.call('createCollection', { kind: 'manual', name: 'Một', ids: [ID0, ID1, ID2] });
  await service.call('createCollection', { kind: 'manual', name: 'Hai', ids: [ID3] });
  await service.call('createCollection', { kind: 'search', name: 'Ba', query: 'thanh uy' });
  await page.locator('.collections [data-collection="Ba"]').waitFor();
});

afterAll(() => workbench?.close());

const sidebar = () => page.locator('.library .sidebar');
const alert = () => sidebar().getByRole('alert');

/** The collections as the service lists them: each name with its entries. */
async function listed(): Promise<Array<[string, string[]]>> {
  return (await service.call('listCollections', {})).map((c) => [c.name, c.entries.map((e) => e.id)]);
}
const names = async () => (await listed()).map(([name]) => name);
const entriesOf = async (name: string) => (await listed()).find(([n]) => n === name)?.[1];

/** The collections as the sidebar shows them, in its order. */
function shownNames(): Promise<string[]> {
  return page
    .locator('.collections [data-collection]')
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.collection!));
}

async function openMenu(name: string): Promise<void> {
  await page.getByRole('button', { name: `Thao tác với "${name}"` }).click();
  await expect.poll(() => page.getByRole('menu').count()).toBe(1);
}

async function choose(name: string, action: string): Promise<void> {
  await openMenu(name);
  await page.getByRole('menuitem', { name: action }).click();
}

async function undo(): Promise<void> {
  // Nothing typed into has the focus: the key goes to the corpus's history.
  await page.locator('header h1').click();
  await page.keyboard.press('Control+z');
}

async function titleOf(id: string): Promise<string> {
  return (await service.call('getReport', { id })).title!;
}

const tableIds = () =>
  page
    .locator('.report-table .rows .row')
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id ?? ''));

describe('collections from the sidebar', () => {
  it('renames inline: a taken or unusable name is refused in the interface language and kept; Escape cancels', async () => {
    await choose('Một', 'Đổi tên…');
    const field = page.getByRole('textbox', { name: 'Tên mới cho "Một"' });
    await expect.poll(() => field.evaluate((input) => input === document.activeElement)).toBe(true);

    await field.fill('hai');
    await field.press('Enter');
    await expect.poll(() => alert().textContent()).toBe('Đã có bộ sưu tập tên "Hai"; hãy chọn tên khác.');
    expect(await field.inputValue()).toBe('hai');
    await field.fill('Tin/ảnh');
    await field.press('Enter');
    await expect
      .poll(() => alert().textContent())
      .toBe('Tên "Tin/ảnh" có ký tự "/"; tên không được chứa / \\ : * ? " < > |.');
    expect(await field.inputValue()).toBe('Tin/ảnh');
    await sidebar().screenshot({ path: path.join(TEST_OUTPUT, 'collections-rename-refused-vi.png') });
    expect(await names()).toEqual(['Một', 'Hai', 'Ba']);

    await field.fill('Hội nghị');
    await field.press('Enter');
    await expect.poll(() => names()).toEqual(['Hội nghị', 'Hai', 'Ba']);
    await expect.poll(() => shownNames()).toEqual(['Hội nghị', 'Hai', 'Ba']);
    expect(await alert().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Thao tác với "Hội nghị"',
    );
    expect(await entriesOf('Hội nghị')).toEqual([ID0, ID1, ID2]);

    await choose('Hai', 'Đổi tên…');
    await page.getByRole('textbox', { name: 'Tên mới cho "Hai"' }).fill('Không lưu');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('textbox', { name: 'Tên mới cho "Hai"' }).count()).toBe(0);
    expect(await names()).toEqual(['Hội nghị', 'Hai', 'Ba']);
  });

  it('moves collections up and down, by mouse and from the keyboard', async () => {
    await choose('Ba', 'Chuyển lên');
    await expect.poll(() => names()).toEqual(['Hội nghị', 'Ba', 'Hai']);
    await expect.poll(() => shownNames()).toEqual(['Hội nghị', 'Ba', 'Hai']);

    const button = page.getByRole('button', { name: 'Thao tác với "Hội nghị"' });
    await button.focus();
    await page.keyboard.press('ArrowDown');
    // The first item has the focus; "Move up" is disabled for the first collection and skipped.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Đổi tên…');
    expect(await page.getByRole('menuitem', { name: 'Chuyển lên' }).isDisabled()).toBe(true);
    await sidebar().screenshot({ path: path.join(TEST_OUTPUT, 'collections-menu-vi.png') });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => names()).toEqual(['Ba', 'Hội nghị', 'Hai']);
    await expect.poll(() => shownNames()).toEqual(['Ba', 'Hội nghị', 'Hai']);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Thao tác với "Hội nghị"');
    // Escape closes the menu and gives the focus back to its button.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('menu').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Thao tác với "Hội nghị"',
    );
  });

  it('arranges the reports of a manual collection, the table following', async () => {
    await choose('Hội nghị', 'Sắp xếp các bài…');
    // Arranging picks the collection, so the table shows it in its order.
    await expect.poll(() => tableIds()).toEqual([ID0, ID1, ID2]);
    const first = await titleOf(ID0);
    await page.getByRole('button', { name: `Chuyển "${first}" xuống` }).click();
    await expect.poll(() => entriesOf('Hội nghị')).toEqual([ID1, ID0, ID2]);
    await expect.poll(() => tableIds()).toEqual([ID1, ID0, ID2]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Chuyển "${first}" xuống`,
    );
    await sidebar().screenshot({ path: path.join(TEST_OUTPUT, 'collections-arrange-vi.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'collections-arrange-1024-vi.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Xong sắp xếp' }).click();
    await expect.poll(() => page.locator('.arrange').count()).toBe(0);
  });

  it('empties a picked collection after asking, and asks before deleting with its name and count', async () => {
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await choose('Hội nghị', 'Làm trống…');
    await expect.poll(() => entriesOf('Hội nghị')).toEqual([]);
    expect(asked).toBe(
      'Bỏ cả 3 bài khỏi "Hội nghị"? Các bài vẫn còn trong kho; Ctrl+Z sẽ đưa chúng trở lại.',
    );
    await expect.poll(() => page.locator('.library .empty').count()).toBe(1);

    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await choose('Hai', 'Xóa…');
    await expect.poll(() => asked).toMatch(/^Xóa bộ sưu tập "Hai" \(1 bài\)\?/);
    expect(await names()).toEqual(['Ba', 'Hội nghị', 'Hai']);

    page.once('dialog', (dialog) => void dialog.accept());
    await choose('Hai', 'Xóa…');
    await expect.poll(() => names()).toEqual(['Ba', 'Hội nghị']);
    await expect.poll(() => shownNames()).toEqual(['Ba', 'Hội nghị']);
  });

  it('undoes every one of them with Ctrl+Z, the picked collection falling back to all reports once gone', async () => {
    await undo();
    await expect.poll(() => names()).toEqual(['Ba', 'Hội nghị', 'Hai']);
    expect(await entriesOf('Hai')).toEqual([ID3]);
    await undo();
    await expect.poll(() => entriesOf('Hội nghị')).toEqual([ID1, ID0, ID2]);
    await expect.poll(() => tableIds()).toEqual([ID1, ID0, ID2]);
    await undo();
    await expect.poll(() => entriesOf('Hội nghị')).toEqual([ID0, ID1, ID2]);
    await undo();
    await expect.poll(() => names()).toEqual(['Hội nghị', 'Ba', 'Hai']);
    await expect.poll(() => shownNames()).toEqual(['Hội nghị', 'Ba', 'Hai']);
    await undo();
    await expect.poll(() => names()).toEqual(['Hội nghị', 'Hai', 'Ba']);
    await undo();
    await expect.poll(() => names()).toEqual(['Một', 'Hai', 'Ba']);
    await expect.poll(() => shownNames()).toEqual(['Một', 'Hai', 'Ba']);
    // "Hội nghị" was shown; under its old name it is gone, so the library shows every report.
    await expect.poll(() => page.locator('.report-table .rows .row').count()).toBe(5);
    expect(await page.getByRole('radio', { name: 'Tất cả báo cáo' }).isChecked()).toBe(true);
    expect(await page.locator('button.history').first().getAttribute('aria-label')).toBe(
      'Hoàn tác tạo bộ sưu tập',
    );
  });

  it('names the undo of each in both languages', async () => {
    await service.call('renameCollection', { name: 'Một', newName: 'Bốn' });
    const undoButton = page.locator('button.history').first();
    await expect.poll(() => undoButton.getAttribute('aria-label')).toBe('Hoàn tác đổi tên bộ sưu tập');
    await service.call('moveCollection', { name: 'Bốn', position: 3 });
    await expect.poll(() => undoButton.getAttribute('aria-label')).toBe('Hoàn tác chuyển chỗ bộ sưu tập');
    await service.call('setPreferences', { language: 'en' });
    await page.reload();
    await page.locator('.collections [data-collection="Bốn"]').waitFor();
    await expect.poll(() => undoButton.getAttribute('aria-label')).toBe('Undo move collection');
    await sidebar().screenshot({ path: path.join(TEST_OUTPUT, 'collections-en.png') });
    await service.call('setPreferences', { language: 'vi', theme: 'dark' });
    await page.reload();
    await openMenu('Bốn');
    await sidebar().screenshot({ path: path.join(TEST_OUTPUT, 'collections-menu-dark-vi.png') });
    await page.keyboard.press('Escape');
  });
});
