import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { TEST_OUTPUT } from '../helpers/browser';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// The label-set editor (issue 13, "a label-set editor: names in both languages, colours, keys") opened from
// the reader's label legend, and labels shown by their names in the interface language (bug 14).

const ID = SAMPLE_IDS[0]!;

let workbench: Workbench;
let service: FolioService;
let page: Page;

const legend = () => page.locator('.reader .legend');
const editor = () => page.getByRole('dialog');
const row = (name: string) => editor().locator(`tr[data-label="${name}"]`);
const labelsNow = async () => (await service.call('corpusInfo', {}))!.labels;

/** Opens the reader on the first sample report, in `language`, and the label editor from its legend. */
async function openEditor(language: 'vi' | 'en', theme: 'light' | 'dark' = 'light'): Promise<void> {
  await service.call('setPreferences', { language, theme });
  await page.goto(workbench.server.url);
  const { title } = await service.call('getReport', { id: ID });
  await page.locator('.report-table .rows .row').filter({ hasText: title! }).click();
  await legend().locator('.chip').first().waitFor();
  await legend()
    .getByRole('button', { name: language === 'vi' ? 'Sửa nhãn' : 'Edit labels' })
    .click();
  await editor().waitFor();
}

/** Types into an input and leaves it, as an editor does, so its change is saved. */
async function retype(input: Locator, value: string): Promise<void> {
  await input.fill(value);
  await input.press('Tab');
}

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'vi', editorName: 'Lan' });
  ({ service, page } = workbench);
  await page.setViewportSize({ width: 1440, height: 900 });
  // One annotation of Organisation, so that label cannot be removed.
  const { text, revision } = await service.call('getReport', { id: ID });
  const start = [...text.slice(0, text.indexOf('Thành ủy Cần Thơ'))].length;
  await service.call('addAnnotation', { id: ID, start, end: start + 16, label: 'Organisation', revision });
});

afterAll(() => workbench?.close());

describe('label names in the interface language', () => {
  it('shows the default labels by their Vietnamese names in the Vietnamese interface', async () => {
    await openEditor('vi');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => legend().locator('.chip').allInnerTexts())
      .toEqual([
        '1 Người',
        '2 Tổ chức',
        '3 Địa danh',
        '4 Văn bản dẫn chiếu',
        '5 Số liệu',
        '6 Ngày tháng',
        '7 Trích dẫn',
      ]);
  });
});

describe('the label-set editor', () => {
  it('lists each label with its original name, names in both languages, colour, key and use', async () => {
    await openEditor('vi');
    await expect(editor().getByRole('heading', { name: 'Bộ nhãn của kho' }).isVisible()).resolves.toBe(true);
    expect(await editor().locator('tbody tr').count()).toBe(7);
    const person = row('Person');
    expect(await person.getByRole('textbox', { name: 'Tên tiếng Việt: Người' }).inputValue()).toBe('Người');
    expect(await person.getByRole('textbox', { name: 'Tên tiếng Anh: Người' }).inputValue()).toBe('Person');
    expect(await person.getByLabel('Màu: Người').inputValue()).toBe('#d9480f');
    expect(await person.getByRole('combobox', { name: 'Phím: Người' }).inputValue()).toBe('1');
    expect(await row('Organisation').locator('.count').innerText()).toBe('1');
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'labels-editor-1440-light-vi.png') });
  });

  it('saves a display name, and the legend shows it', async () => {
    await retype(row('Place').getByRole('textbox', { name: 'Tên tiếng Việt: Địa danh' }), 'Địa điểm');
    await expect
      .poll(async () => (await labelsNow()).find((l) => l.name === 'Place')!.names)
      .toEqual({
        vi: 'Địa điểm',
        en: 'Place',
      });
    await expect.poll(() => legend().locator('.chip').nth(2).innerText()).toBe('3 Địa điểm');
  });

  it('shows taken keys as taken, and changes a key and a colour', async () => {
    const key = row('Date').getByRole('combobox', { name: 'Phím: Ngày tháng' });
    const one = key.locator('option[value="1"]');
    expect(await one.innerText()).toBe('1 (đã dùng: Người)');
    expect(await one.isDisabled()).toBe(true);
    expect(await key.locator('option[value="9"]').isDisabled()).toBe(false);
    await key.selectOption('9');
    await row('Date').getByLabel('Màu: Ngày tháng').fill('#123456');
    await expect
      .poll(async () => (await labelsNow()).find((l) => l.name === 'Date'))
      .toMatchObject({ key: '9', color: '#123456' });
    // Key 6 is free now: another label may take it.
    expect(await row('Quote').locator('option[value="6"]').isDisabled()).toBe(false);
  });

  it('refuses a name another label has, in the interface language, and puts the input back', async () => {
    const vi = row('Quote').getByRole('textbox', { name: 'Tên tiếng Việt: Trích dẫn' });
    await retype(vi, 'người');
    await expect
      .poll(() => editor().getByRole('alert').innerText())
      .toBe('Nhãn "Người" đã có tên này; mỗi nhãn cần một tên riêng.');
    expect(await vi.inputValue()).toBe('Trích dẫn');
    expect((await labelsNow()).find((l) => l.name === 'Quote')!.names!.vi).toBe('Trích dẫn');
  });

  it('adds a label with the next free key and colour, and moves it up', async () => {
    await editor().getByRole('textbox', { name: 'Tên nhãn mới' }).fill('Sự kiện');
    await editor().getByRole('button', { name: 'Thêm nhãn' }).click();
    await row('Sự kiện').waitFor();
    expect(await editor().getByRole('alert').count()).toBe(0);
    expect((await labelsNow()).at(-1)).toMatchObject({ name: 'Sự kiện', names: { vi: 'Sự kiện' }, key: '6' });
    await expect.poll(() => legend().locator('.chip').last().innerText()).toBe('6 Sự kiện');
    const up = row('Sự kiện').getByRole('button', { name: 'Chuyển lên: Sự kiện' });
    await up.click();
    await expect
      .poll(async () => (await labelsNow()).map((l) => l.name).slice(-2))
      .toEqual(['Sự kiện', 'Quote']);
    expect(await editor().locator('tbody tr').nth(6).getAttribute('data-label')).toBe('Sự kiện');
    // The focus moved with the row, so the next press moves it again.
    expect(await up.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('keeps a label annotations use, saying why, and removes one no annotation uses, undoably', async () => {
    const used = row('Organisation').getByRole('button', { name: 'Xóa nhãn: Tổ chức' });
    expect(await used.getAttribute('aria-disabled')).toBe('true');
    expect(await used.getAttribute('title')).toBe(
      'Đang dùng cho 1 chú thích: đổi nhãn hoặc xóa chú thích trước khi xóa nhãn',
    );
    // It still takes the focus, so a keyboard user can reach it and hear why.
    await used.focus();
    await page.keyboard.press('Enter');
    expect(await editor().getByRole('alert').innerText()).toContain('Đang dùng cho 1 chú thích');
    expect((await labelsNow()).map((l) => l.name)).toContain('Organisation');

    await row('Sự kiện').getByRole('button', { name: 'Xóa nhãn: Sự kiện' }).click();
    await row('Sự kiện').waitFor({ state: 'detached' });
    expect((await labelsNow()).map((l) => l.name)).not.toContain('Sự kiện');
    // Ctrl+Z, with nothing typed into focused, undoes the removal in the corpus.
    await editor().getByRole('heading').click();
    await page.keyboard.press('Control+z');
    await row('Sự kiện').waitFor();
    expect((await labelsNow()).map((l) => l.name)).toContain('Sự kiện');
  });

  it('closes with Escape, back to the legend', async () => {
    await page.keyboard.press('Escape');
    await editor().waitFor({ state: 'hidden' });
    expect(await legend().getByRole('button', { name: 'Sửa nhãn' }).isVisible()).toBe(true);
  });
});

describe('the label-set editor in English', () => {
  it('names everything in English, the labels and its refusals too', async () => {
    await openEditor('en');
    await expect.poll(() => legend().locator('.chip').first().innerText()).toBe('1 Person');
    await expect(editor().getByRole('heading', { name: 'Labels of this corpus' }).isVisible()).resolves.toBe(
      true,
    );
    const used = row('Organisation').getByRole('button', { name: 'Remove label: Organisation' });
    expect(await used.getAttribute('title')).toBe(
      'Used by 1 annotation: relabel or delete it before removing the label',
    );
    await retype(row('Figure').getByRole('textbox', { name: 'English name: Figure' }), 'organisation');
    await expect
      .poll(() => editor().getByRole('alert').innerText())
      .toBe('The label "Organisation" already has that name; each label needs a name of its own.');
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'labels-editor-1440-light-en.png') });
  });
});

describe('screenshots', () => {
  it('at 1440×900 and 1024×700, Vietnamese and English, light and dark', async () => {
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const language of ['vi', 'en'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          await openEditor(language, theme);
          // Every column of the editor is in sight, none cut off.
          const box = (await editor().boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
          const table = (await editor().locator('table').boundingBox())!;
          expect(table.x + table.width).toBeLessThanOrEqual(box.x + box.width);
          await page.screenshot({
            path: path.join(TEST_OUTPUT, `labels-editor-${width}-${theme}-${language}.png`),
          });
        }
      }
    }
    await service.call('setPreferences', { language: 'vi', theme: 'system' });
  });
});
