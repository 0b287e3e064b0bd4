import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// Annotations that overlap are each visible and reachable (issue 13, bug 1), the one being worked on is
// marked in the text and the list, and a jump scrolls to its words wherever the focus was (bug 4).

const ID = SAMPLE_IDS[0]!;

let workbench: Workbench;
let service: FolioService;
let page: Page;
const ids = { organisation: '', place: '', person: '', last: '' };

/** Annotates the first occurrence of `quote` after `after` (code points, as the contract counts). */
async function annotate(quote: string, label: string, after = ''): Promise<string> {
  const { text, revision } = await service.call('getReport', { id: ID });
  const at = text.indexOf(quote, after ? text.indexOf(after) : 0);
  const start = [...text.slice(0, at)].length;
  const report = await service.call('addAnnotation', {
    id: ID,
    start,
    end: start + [...quote].length,
    label,
    revision,
  });
  return report.annotations.find((a) => a.start === start && a.label === label)!.id;
}

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page } = workbench);
  await page.setViewportSize({ width: 1440, height: 900 });
  ids.organisation = await annotate('Thành ủy Cần Thơ', 'Organisation');
  ids.place = await annotate('Cần Thơ', 'Place', 'Thành ủy Cần Thơ');
  ids.person = await annotate('Trần Quốc Trung', 'Person');
  const { text } = await service.call('getReport', { id: ID });
  ids.last = await annotate(text.trim().split(/\s+/).at(-1)!, 'Figure', text.slice(-200));
  const { title } = await service.call('getReport', { id: ID });
  await page.locator('.report-table .rows .row').filter({ hasText: title! }).click();
  await page.locator('.report-text .annotation').first().waitFor();
});

afterAll(() => workbench?.close());

const stretch = (id: string) => page.locator(`.report-text .annotation[data-annotations~="${id}"]`);

describe('overlapping annotations', () => {
  it('draws a band for each annotation over a stretch and names them all in its tooltip', async () => {
    const inner = page.locator(
      `.report-text .annotation[data-annotations="${ids.organisation} ${ids.place}"]`,
    );
    expect(await inner.first().innerText()).toBe('Cần Thơ');
    expect(await inner.first().getAttribute('data-depth')).toBe('2');
    const title = await inner.first().getAttribute('title');
    expect(title).toContain('Organisation: Thành ủy Cần Thơ');
    expect(title).toContain('Place: Cần Thơ');
    // The outer annotation's band runs on under the inner one: two bands painted, in two colours.
    const images = await inner.first().evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(new Set(images.match(/rgb\([^)]*\)/g)).size).toBe(2);
    const tag = await stretch(ids.organisation)
      .first()
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(tag).toBe('"Organisation"');
    await page.screenshot({ path: '/tmp/overlaps-1440.png' });
  });

  it('lists every annotation under the caret, and ] and [ step through each, marking the current one', async () => {
    const inner = page.locator(
      `.report-text .annotation[data-annotations="${ids.organisation} ${ids.place}"]`,
    );
    const box = (await inner.first().boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => page.locator('.here .chip').allInnerTexts())
      .toEqual(['Organisation · Thành ủy Cần Thơ', 'Place · Cần Thơ']);
    await page.locator('.here .chip').nth(0).click();
    const current = () =>
      page.locator('.annotation-list li[aria-current="true"]').getAttribute('data-annotation-item');
    await expect.poll(current).toBe(ids.organisation);
    expect(await page.evaluate(() => String(window.getSelection()))).toBe('Thành ủy Cần Thơ');
    await page.keyboard.press(']');
    await expect.poll(current).toBe(ids.place);
    expect(await page.evaluate(() => String(window.getSelection()))).toBe('Cần Thơ');
    expect(await page.locator('.report-text .annotation.current').allInnerTexts()).toEqual(['Cần Thơ']);
    await page.keyboard.press('[');
    await expect.poll(current).toBe(ids.organisation);
  });

  it('deletes the current annotation with Delete, and Ctrl+Z brings it back', async () => {
    await page.keyboard.press('Delete');
    await expect
      .poll(async () => (await service.call('getReport', { id: ID })).annotations.map((a) => a.id))
      .not.toContain(ids.organisation);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await service.call('getReport', { id: ID })).annotations.map((a) => a.id))
      .toContain(ids.organisation);
  });
});

describe('jumping to an annotation (bug 4)', () => {
  it('scrolls its words into view from the list, even when a note field had the focus', async () => {
    await page.locator('.report-text').evaluate((el) => el.closest('.document')!.scrollTo({ top: 0 }));
    await page.locator('.annotation-list input').first().focus();
    await page.locator(`[data-annotation-item="${ids.last}"] .jump`).click();
    const inView = async () => {
      const box = await stretch(ids.last).first().boundingBox();
      const pane = await page.locator('.document').boundingBox();
      return !!box && !!pane && box.y >= pane.y && box.y + box.height <= pane.y + pane.height;
    };
    await expect.poll(inView).toBe(true);
  });
});

describe('reverting every change (bug 9)', () => {
  it('asks first, and gives an annotation whose words the correction took its place back, after a reload too', async () => {
    const { text, revision } = await service.call('getReport', { id: ID });
    await service.call('saveCorrection', { id: ID, text: text.replace('Trần Quốc Trung', ''), revision });
    await expect
      .poll(
        async () =>
          (await service.call('getReport', { id: ID })).annotations.find((a) => a.id === ids.person)
            ?.orphaned,
      )
      .toBe(true);
    await page.getByRole('tab', { name: 'Changes' }).click();
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Revert all' }).click();
    await expect.poll(async () => (await service.call('getReport', { id: ID })).changes).toEqual([]);
    expect(asked).toHaveLength(1);
    await page.reload();
    await page.getByRole('tab', { name: 'Reader' }).click();
    await page.getByRole('tab', { name: /Annotations/ }).click();
    const item = page.locator(`[data-annotation-item="${ids.person}"]`);
    await item.waitFor();
    expect(await item.locator('.warning').count()).toBe(0);
    expect(await stretch(ids.person).first().innerText()).toBe('Trần Quốc Trung');
  });
});
