import path from 'node:path';
import type { Dialog, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeDto, Preferences, ReportDetail } from '../../src-main/contract/operations';
import type { FolioService } from '../../src-main/service/folioService';
import { TEST_OUTPUT } from '../helpers/browser';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// The changes view (issue 13, missing: "a list of changes with next/previous and revert in the side-by-side
// view"): the two columns stay level, each change is reached with previous/next or N/P and reverted where it
// shows, and the count reads right in both languages.

const ID = SAMPLE_IDS[0]!;

/** Edits far apart: a long insertion at the top, a deleted line, a word, two lines joined, the last debris. */
const SEVERAL: Array<[string, string]> = [
  [
    'Ngày 05/7/2018,',
    'Sáng ngày 05/7/2018, tại hội trường lớn của Thành ủy, trước sự chứng kiến của đông đảo đại biểu ' +
      'đến từ các quận, huyện, sở, ban, ngành và đoàn thể của thành phố,',
  ],
  ['\n\nCác đồng chí lãnh đạo Thành ủy\u00a0chủ trì Hội nghị.', ''],
  ['thánh phố', 'thành phố'],
  ['trong 10 năm\nthực hiện', 'trong 10 năm thực hiện'],
  ['\n156', ''],
];

/** Two edits: a word and the last debris. */
const TWO: Array<[string, string]> = [SEVERAL[2]!, SEVERAL[4]!];

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page } = workbench);
  await page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(() => workbench?.close());

/** Saves the original text with `edits` (each the first occurrence of a string, replaced) as the correction. */
async function correct(edits: Array<[string, string]>): Promise<ReportDetail> {
  const { original, revision } = await service.call('getReport', { id: ID });
  let text = original;
  for (const [from, to] of edits) {
    expect(text, 'the sample report').toContain(from);
    text = text.replace(from, to);
  }
  return service.call('saveCorrection', { id: ID, text, revision });
}

/** Shows the report's changes afresh, in `language` and `theme`, with `edits` as its correction. */
async function openChanges(
  edits: Array<[string, string]>,
  preferences: Partial<Preferences> = {},
): Promise<ReportDetail> {
  const report = await correct(edits);
  await service.call('setPreferences', { language: 'en', theme: 'light', ...preferences });
  // From a blank page, so the address's view and report are read afresh.
  await page.goto('about:blank');
  await page.goto(`${workbench.server.url}#changes/${encodeURIComponent(ID)}`);
  await page.locator('.diff .change').first().waitFor();
  return report;
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  expect(found, `${locator} is laid out`).not.toBeNull();
  return found!;
}

const side = () => page.getByRole('radio', { name: 'Side by side' }).click();
const row = (change: number) =>
  page.locator('.diff.side-by-side .side-row').filter({ has: page.locator(`[data-change="${change}"]`) });

/** The change's own words, as the service reports them: what was deleted and what was inserted. */
const words = (changes: ChangeDto[]) => changes.map((c) => [c.deleted, c.inserted]);

/** Checks that `change` is the current one: counted, outlined, scrolled into the middle, its revert focused. */
async function expectCurrent(change: number, count: number): Promise<void> {
  await expect
    .poll(() => page.locator('.change-position').innerText())
    .toBe(`Change ${change + 1} of ${count}`);
  const marked = await page
    .locator('.diff .change.current')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.change));
  const sideBySide = (await page.locator('.diff.side-by-side').count()) > 0;
  expect(marked).toEqual(sideBySide ? [`${change}`, `${change}`] : [`${change}`]);
  expect(
    await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement;
      return focused.matches('.revert') ? (focused.closest('.change') as HTMLElement).dataset.change : null;
    }),
  ).toBe(`${change}`);
  const outline = await page
    .locator('.diff .change.current')
    .last()
    .evaluate((node) => getComputedStyle(node));
  expect(outline).toMatchObject({ outlineStyle: 'solid' });
  const view = await box(page.locator('.diff'));
  const mark = await box(page.locator('.diff .change.current').last());
  expect(mark.y).toBeGreaterThanOrEqual(view.y);
  expect(mark.y + mark.height).toBeLessThanOrEqual(view.y + view.height);
  const { top, max } = await page
    .locator('.diff')
    .evaluate((node) => ({ top: node.scrollTop, max: node.scrollHeight - node.clientHeight }));
  // In the middle, unless the view cannot scroll that far.
  if (top > 0 && top < max - 1)
    expect(Math.abs(mark.y + mark.height / 2 - (view.y + view.height / 2))).toBeLessThanOrEqual(2);
}

describe('the side-by-side view', () => {
  it('keeps both columns level: each change starts at the same height on both sides', async () => {
    const report = await openChanges(SEVERAL);
    expect(report.changes.length).toBeGreaterThanOrEqual(5);
    await side();
    for (let change = 0; change < report.changes.length; change++) {
      const [left, right] = [row(change).locator('.cell.original'), row(change).locator('.cell.corrected')];
      const [l, r] = [await box(left), await box(right)];
      expect(l.y, `change ${change}`).toBe(r.y);
      expect(l.height, `change ${change}`).toBe(r.height);
      expect(l.x).toBeLessThan(r.x);
    }
    // The rows hold both texts exactly, a shared line each, with nothing added between them.
    const column = (side: string) =>
      page.locator(`.diff.side-by-side .cell.${side}`).evaluateAll((cells) =>
        cells
          .map((cell) => {
            const copy = cell.cloneNode(true) as HTMLElement;
            copy.querySelectorAll('.revert').forEach((button) => button.remove());
            return copy.textContent;
          })
          .join('\n'),
      );
    // A final newline makes no row of its own, unless a change follows it.
    const exactly = (text: string) => [text, text.replace(/\n$/, '')];
    expect(exactly(report.original)).toContain(await column('original'));
    expect(exactly(report.text)).toContain(await column('corrected'));
    // The last line, after every change, is level too.
    const last = page.locator('.diff.side-by-side .side-row').last();
    expect((await box(last.locator('.cell.original'))).y).toBe(
      (await box(last.locator('.cell.corrected'))).y,
    );
  });

  it('reverts exactly the change whose button is pressed', async () => {
    const report = await openChanges(SEVERAL);
    await side();
    const chosen = report.changes.findIndex((change) => change.deleted === 'thánh');
    expect(chosen).toBeGreaterThan(1);
    expect(chosen).toBeLessThan(report.changes.length - 1);
    const { deleted, inserted, newFrom, newTo } = report.changes[chosen]!;
    expect([deleted, inserted]).toEqual(['thánh', 'thành']);
    await row(chosen).locator(`.cell.corrected .change[data-change="${chosen}"] .revert`).click();
    await expect
      .poll(async () => words((await service.call('getReport', { id: ID })).changes))
      .toEqual(words(report.changes.filter((_, i) => i !== chosen)));
    const chars = [...report.text];
    const expected = [...chars.slice(0, newFrom), deleted, ...chars.slice(newTo)].join('');
    expect((await service.call('getReport', { id: ID })).text).toBe(expected);
    await expect
      .poll(() => page.locator('.diff.side-by-side .cell.corrected .revert').count())
      .toBe(report.changes.length - 1);
  });
});

describe('moving through the changes', () => {
  for (const mode of ['Inline', 'Side by side'] as const) {
    it(`steps with N and P and the buttons, scrolling each change into the middle (${mode})`, async () => {
      const { changes } = await openChanges(SEVERAL);
      const count = changes.length;
      await page.getByRole('radio', { name: mode }).click();
      expect(await page.getByRole('button', { name: 'Next change' }).getAttribute('title')).toBe(
        'Next change (N)',
      );
      expect(await page.getByRole('button', { name: 'Previous change' }).isDisabled()).toBe(true);
      await page.keyboard.press('n');
      await expectCurrent(0, count);
      await page.keyboard.press('n');
      await expectCurrent(1, count);
      await page.getByRole('button', { name: 'Next change' }).click();
      await expectCurrent(2, count);
      await page.keyboard.press('p');
      await expectCurrent(1, count);
      for (let change = 2; change < count; change++) await page.keyboard.press('n');
      await expectCurrent(count - 1, count);
      expect(await page.locator('.diff').evaluate((node) => node.scrollTop)).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Next change' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Previous change' }).click();
      await expectCurrent(count - 2, count);
    });
  }

  it('keeps the current change when switching between inline and side by side', async () => {
    const { changes } = await openChanges(SEVERAL);
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await side();
    await expect.poll(() => page.locator('.diff.side-by-side .change.current').count()).toBe(2);
    expect(await page.locator('.change-position').innerText()).toBe(`Change 3 of ${changes.length}`);
    const view = await box(page.locator('.diff'));
    const mark = await box(page.locator('.diff .change.current').last());
    expect(mark.y).toBeGreaterThanOrEqual(view.y);
    expect(mark.y + mark.height).toBeLessThanOrEqual(view.y + view.height);
  });
});

describe('the count', () => {
  it('reads "1 change" and "2 changes" in English, "1 thay đổi" and "2 thay đổi" in Vietnamese', async () => {
    await openChanges(TWO);
    await expect.poll(() => page.locator('.change-count').innerText()).toBe('2 changes');
    await page.locator('.diff .change[data-change="0"] .revert').click();
    await expect.poll(() => page.locator('.change-count').innerText()).toBe('1 change');
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.change-position').innerText()).toBe('Change 1 of 1');

    await openChanges(TWO, { language: 'vi' });
    await expect.poll(() => page.locator('.change-count').innerText()).toBe('2 thay đổi');
    expect(await page.getByRole('button', { name: 'Thay đổi sau' }).getAttribute('title')).toBe(
      'Thay đổi sau (N)',
    );
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.change-position').innerText()).toBe('Thay đổi 1/2');
    await page.locator('.diff .change[data-change="0"] .revert').click();
    await expect.poll(() => page.locator('.change-count').innerText()).toBe('1 thay đổi');
  });

  it('asks before reverting all, in words that fit one change', async () => {
    const messages: string[] = [];
    let answer = false;
    const onDialog = (dialog: Dialog) => {
      messages.push(dialog.message());
      void (answer ? dialog.accept() : dialog.dismiss());
    };
    page.on('dialog', onDialog);
    await openChanges([TWO[0]!]);
    await page.getByRole('button', { name: 'Revert all' }).click();
    await expect.poll(() => messages).toEqual(['Revert the one change of this report? Ctrl+Z undoes it.']);
    expect((await service.call('getReport', { id: ID })).changes).toHaveLength(1);
    answer = true;
    await page.getByRole('button', { name: 'Revert all' }).click();
    await expect.poll(async () => (await service.call('getReport', { id: ID })).changes).toEqual([]);
    await expect
      .poll(() => page.locator('.changes .empty').innerText())
      .toBe('The text has not been corrected.');
    page.off('dialog', onDialog);
  });
});

describe('screenshots', () => {
  it('at 1440×900 and 1024×700, light and dark, with a change current', async () => {
    const sizes = [
      [1440, 900],
      [1024, 700],
    ] as const;
    for (const theme of ['light', 'dark'] as const) {
      for (const [width, height] of sizes) {
        await page.setViewportSize({ width, height });
        const { changes } = await openChanges(SEVERAL, { theme });
        await page.keyboard.press('n');
        await page.keyboard.press('n');
        await expectCurrent(1, changes.length);
        await page.screenshot({ path: path.join(TEST_OUTPUT, `changes-inline-${width}-${theme}.png`) });
        await side();
        // Far down the text, where the view scrolls it to the middle.
        const far = changes.findIndex((change) => change.deleted === 'thánh');
        for (let change = 1; change < far; change++) await page.keyboard.press('n');
        await expectCurrent(far, changes.length);
        await page.screenshot({ path: path.join(TEST_OUTPUT, `changes-side-${width}-${theme}.png`) });
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await openChanges(SEVERAL, { language: 'vi', theme: 'dark' });
    await page.getByRole('radio', { name: 'Song song' }).click();
    await page.keyboard.press('n');
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'changes-side-1440-dark-vi.png') });
    await service.call('setPreferences', { language: 'en', theme: 'system' });
  });
});
