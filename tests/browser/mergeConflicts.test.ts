import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preferences, ReportDetail } from '../../src-main/contract/operations';
import { sha256 } from '../../src-main/core/store/hash';
import type { ReportState } from '../../src-main/core/store/schema';
import type { FolioService } from '../../src-main/service/folioService';
import { TEST_OUTPUT } from '../helpers/browser';
import { AT, conflict, correctionOf, freshState, stateOnDisk, writeState } from '../helpers/conflicts';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// Issue 14: what a merge could not decide is shown where it belongs and decided only by the editor's click —
// text blocks in the changes view (theirs / mine / edit), fields in the metadata panel — each choice one
// undoable step, reachable from the keyboard, named for screen readers, in both interface languages.

const ID = SAMPLE_IDS[0]!;

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page } = workbench);
  await page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(() => workbench?.close());

const shot = (name: string) =>
  page.screenshot({ path: path.join(TEST_OUTPUT, `merge-conflicts-${name}.png`) });

/** The sample report's lines, and the two lines Ana and Bảo both corrected differently. */
async function sample(): Promise<{ lines: string[]; caption: number; typo: number }> {
  const lines = (await service.call('getReport', { id: ID })).original.split('\n');
  const caption = lines.findIndex((line) => line.startsWith('Các đồng chí lãnh đạo Thành ủy'));
  const typo = lines.findIndex((line) => line.includes('thánh phố'));
  expect([caption, typo].every((i) => i > 0) && caption < typo).toBe(true);
  return { lines, caption, typo };
}

/**
 * Writes the sidecar a merge of Ana's work (ours) with Bảo's would leave: both corrected the caption line and
 * the typo line differently, and set the author and the status differently.
 */
async function writeMerged(): Promise<void> {
  const { lines, caption, typo } = await sample();
  const mine = [...lines];
  mine[caption] = lines[caption]!.replace('\u00a0', ' ');
  mine[typo] = lines[typo]!.replace('thánh phố', 'thành phố');
  const theirsTypo = lines[typo]!.replace('thánh phố', 'thành phố Cần Thơ');
  const state: ReportState = freshState(workbench.corpus, ID);
  state.correction = correctionOf(state, lines.join('\n'), mine.join('\n'), 'ana');
  const ana = { value: 'Ngọc Quy', editor: 'ana', at: AT };
  state.metadata.author = ana;
  state.status = 'done';
  state.conflicts = [
    conflict({
      kind: 'text',
      line: caption,
      base: [lines[caption]!],
      ours: [mine[caption]!],
      theirs: [],
      source: 'merge',
    }),
    conflict({
      kind: 'text',
      line: typo,
      base: [lines[typo]!],
      ours: [mine[typo]!],
      theirs: [theirsTypo],
      source: 'merge',
    }),
    conflict({
      kind: 'field',
      field: 'author',
      base: null,
      ours: ana,
      theirs: { value: 'Thanh Sang', editor: 'bao', at: AT },
      source: 'merge',
    }),
    conflict({
      kind: 'field',
      field: 'status',
      base: 'new',
      ours: 'done',
      theirs: 'needs-review',
      source: 'merge',
    }),
  ];
  writeState(workbench.corpus, state);
  // The watcher takes the file in: the report's revision is then the hash of what was written.
  const written = sha256(readFileSync(path.join(workbench.corpus, '.folio', 'reports', `${ID}.json`)));
  await expect.poll(async () => (await report()).revision).toBe(written);
  expect((await report()).conflicts).toHaveLength(4);
}

const report = (): Promise<ReportDetail> => service.call('getReport', { id: ID });

/** Shows `view` of the report afresh in `language` and `theme`. */
async function show(view: 'changes' | 'reader', preferences: Partial<Preferences> = {}): Promise<void> {
  await service.call('setPreferences', { language: 'en', theme: 'light', ...preferences });
  await page.goto('about:blank');
  await page.goto(`${workbench.server.url}#${view}/${encodeURIComponent(ID)}`);
}

const changes = () => page.locator('section.changes');
const blocks = () => changes().getByRole('group');

describe('the library', () => {
  it('marks the report as having conflicts to resolve, in the row’s problems', async () => {
    await writeMerged();
    await page.goto('about:blank');
    await page.goto(workbench.server.url);
    const row = page.locator('.report-table .rows .row').filter({ hasText: 'Thành uỷ Cần Thơ tổng kết' });
    const marker = row.locator('.marker.warning');
    await expect
      .poll(async () => marker.getAttribute('title'))
      .toContain('4 conflict(s) from a merge or a changed original wait for your choice');
  });
});

describe('the changes view', () => {
  it('says how many conflicts wait, and where, and shows each text block with both versions', async () => {
    await writeMerged();
    await show('changes');
    const banner = changes().locator('.conflict-banner');
    await expect.poll(() => banner.innerText()).toContain('4 conflicts wait for your choice');
    expect(await banner.innerText()).toContain('2 in the text (Changes view) · 2 in the metadata');
    expect(await banner.getAttribute('role')).toBe('status');
    await expect.poll(() => blocks().count()).toBe(2);
    const { caption, typo } = await sample();
    const first = changes().getByRole('group', { name: `Conflict in line ${caption + 1}` });
    expect(await first.locator('.theirs').innerText()).toContain('(no lines: deleted)');
    expect(await first.locator('.mine').innerText()).toContain('Các đồng chí lãnh đạo Thành ủy chủ trì');
    const second = changes().getByRole('group', { name: `Conflict in line ${typo + 1}` });
    expect(await second.locator('.theirs').innerText()).toContain('thành phố Cần Thơ');
    expect(await second.getByRole('button').allInnerTexts()).toEqual(['Take theirs', 'Keep mine', 'Edit…']);
    // A long paragraph shows what differs with a few words around it, or whole on request.
    const whole = changes().getByRole('button', { name: 'Whole lines' });
    expect(await second.locator('.theirs').innerText()).not.toContain('Tại Hội nghị đồng chí Mai Thanh Dân');
    await whole.click();
    expect(await whole.getAttribute('aria-pressed')).toBe('true');
    expect(await second.locator('.theirs').innerText()).toContain('Tại Hội nghị đồng chí Mai Thanh Dân');
    await whole.click();
    // The diff marks the changes inside the blocks as undecided.
    expect(await changes().locator('.diff .change.conflicted').count()).toBeGreaterThanOrEqual(2);
    await shot('changes-1440-light-en');
  });

  it('takes theirs with one click, as one undoable step, the focus going on to the next block', async () => {
    await writeMerged();
    await show('changes');
    const { caption, typo, lines } = await sample();
    const first = changes().getByRole('group', { name: `Conflict in line ${caption + 1}` });
    await first.getByRole('button', { name: 'Take theirs' }).click();
    await expect.poll(async () => (await report()).conflicts.length).toBe(3);
    expect((await report()).text.split('\n')).not.toContain(lines[caption]!.replace('\u00a0', ' '));
    await expect.poll(() => blocks().count()).toBe(1);
    // The other block moved up a line with the deleted one, and has the focus.
    const next = changes().getByRole('group', { name: `Conflict in line ${typo}` });
    await expect
      .poll(() =>
        next.getByRole('button', { name: 'Take theirs' }).evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await report()).conflicts.length).toBe(4);
    await expect.poll(() => blocks().count()).toBe(2);
    expect(stateOnDisk(workbench.corpus, ID).correction!.lines[caption]).toBe(
      lines[caption]!.replace('\u00a0', ' '),
    );
  });

  it('keeps mine, or takes the merged text typed from the keyboard into the block', async () => {
    await writeMerged();
    await show('changes');
    const { caption, typo, lines } = await sample();
    const first = changes().getByRole('group', { name: `Conflict in line ${caption + 1}` });
    await first.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => blocks().count()).toBe(1);
    const second = changes().getByRole('group', { name: `Conflict in line ${typo + 1}` });
    await second.getByRole('button', { name: 'Edit…' }).focus();
    await page.keyboard.press('Enter');
    const draft = second.getByRole('textbox', { name: `Merged text of line ${typo + 1}` });
    await expect.poll(() => draft.evaluate((t) => t === document.activeElement)).toBe(true);
    expect(await draft.inputValue()).toBe(lines[typo]!.replace('thánh phố', 'thành phố'));
    await shot('changes-edit-1440-light-en');
    // Esc gives up the edit, nothing changed; Ctrl+Enter takes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => draft.count()).toBe(0);
    expect((await report()).conflicts).toHaveLength(3);
    await second.getByRole('button', { name: 'Edit…' }).click();
    const merged = lines[typo]!.replace('thánh phố', 'thành phố (Cần Thơ)');
    await draft.fill(merged);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await report()).text.split('\n')[typo]).toBe(merged);
    await expect.poll(() => blocks().count()).toBe(0);
    expect((await report()).conflicts.map((c) => c.kind)).toEqual(['field', 'field']);
    await expect.poll(() => changes().locator('.conflict-banner').innerText()).toContain('2 conflicts wait');
  });
});

describe('the metadata panel', () => {
  /** The report's field conflicts, with the metadata tab shown. */
  async function openMetadata(preferences: Partial<Preferences> = {}): Promise<Locator> {
    await writeMerged();
    await show('reader', preferences);
    await page.locator('.reader .tabs [role="tab"]').nth(1).click();
    const panel = page.locator('.metadata-panel');
    await panel.getByRole('group').first().waitFor();
    return panel;
  }

  it('shows both values beside the field, with who set each, and takes the one chosen', async () => {
    const panel = await openMetadata();
    const author = panel.getByRole('group', { name: 'Conflict in Author' });
    expect(await author.locator('.theirs').innerText()).toContain('Thanh Sang');
    expect(await author.locator('.theirs').innerText()).toContain('bao');
    expect(await author.locator('.mine').innerText()).toContain('Ngọc Quy');
    const status = panel.getByRole('group', { name: 'Conflict in Status' });
    expect(await status.locator('.theirs').innerText()).toContain('Needs review');
    expect(await status.locator('.mine').innerText()).toContain('Done');
    await shot('metadata-1440-light-en');
    await author.getByRole('button', { name: 'Take theirs' }).click();
    await expect.poll(() => panel.locator('[data-field="author"] > input').inputValue()).toBe('Thanh Sang');
    await expect.poll(() => panel.getByRole('group').count()).toBe(1);
    // The focus goes on to the conflict left, the status's, rather than falling to the page.
    expect(
      await status
        .getByRole('button', { name: 'Take theirs' })
        .evaluate((button) => button === document.activeElement),
    ).toBe(true);
    expect(stateOnDisk(workbench.corpus, ID).metadata.author).toMatchObject({
      value: 'Thanh Sang',
      editor: 'Lan',
    });
    await status.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => panel.getByRole('group').count()).toBe(0);
    expect(stateOnDisk(workbench.corpus, ID)).toMatchObject({ status: 'done', statusBy: { editor: 'Lan' } });
    // Each choice its own step: one undo brings back the status conflict alone.
    await page.locator('header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => panel.getByRole('group').count()).toBe(1);
    expect(await panel.getByRole('group').getAttribute('aria-label')).toBe('Conflict in Status');
  });

  it('speaks Vietnamese, and stays readable in the dark theme', async () => {
    const panel = await openMetadata({ language: 'vi', theme: 'dark' });
    const author = panel.getByRole('group', { name: 'Xung đột ở trường Tác giả' });
    expect(await author.getByRole('button').allInnerTexts()).toEqual(['Lấy bản của họ', 'Giữ bản của tôi']);
    expect(await author.locator('.mine h4').innerText()).toMatch(/bản của tôi/i);
    await shot('metadata-1440-dark-vi');
    await show('changes', { language: 'vi', theme: 'dark' });
    const banner = changes().locator('.conflict-banner');
    await expect.poll(() => banner.innerText()).toContain('4 xung đột đang chờ bạn chọn');
    expect(await banner.innerText()).toContain('2 trong văn bản (mục Thay đổi) · 2 trong siêu dữ liệu');
    await shot('changes-1440-dark-vi');
    await page.setViewportSize({ width: 1024, height: 700 });
    await shot('changes-1024-dark-vi');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
