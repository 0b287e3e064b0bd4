import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../../src-main/core/store/schema';
import { sha256 } from '../../src-main/core/store/hash';
import type { FolioService } from '../../src-main/service/folioService';
import { TEST_OUTPUT } from '../helpers/browser';
import { annotationOn, conflict, freshState, stateOnDisk, writeState } from '../helpers/conflicts';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// The reader's part of issue 14: the banner when a report with conflicts is opened, and annotation conflicts
// in the annotation list with both versions.

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
  page.screenshot({
    path: path.join(TEST_OUTPUT, `merge-conflicts-${name}.png`),
  });

/** Ana relabelled and noted the annotation on "Trần Quốc Trung" one way, Bảo another; Bảo deleted the one on "Phạm Văn Hiểu". */
async function writeMerged(): Promise<void> {
  const { original } = await service.call('getReport', { id: ID });
  const state = freshState(workbench.corpus, ID);
  const base = annotationOn(state, original, 'Trần Quốc Trung', {
    id: 'p1',
    label: 'Person',
  });
  const mine: StoredAnnotation = { ...base, note: 'Bí thư Thành ủy' };
  const theirs: StoredAnnotation = {
    ...base,
    note: 'Ủy viên Trung ương Đảng',
    author: 'bao',
  };
  const other = annotationOn(state, original, 'Phạm Văn Hiểu', {
    id: 'p2',
    label: 'Person',
    note: 'Phó Bí thư',
  });
  state.annotations = [mine, other];
  state.conflicts = [
    conflict({
      kind: 'annotation',
      annotationId: 'p1',
      base,
      ours: mine,
      theirs,
      source: 'merge',
    }),
    conflict({
      kind: 'annotation',
      annotationId: 'p2',
      base: other,
      ours: other,
      theirs: null,
      source: 'merge',
    }),
    conflict({
      kind: 'field',
      field: 'status',
      base: 'new',
      ours: 'done',
      theirs: 'in-progress',
      source: 'merge',
    }),
  ];
  state.status = 'done';
  writeState(workbench.corpus, state);
  const written = sha256(readFileSync(path.join(workbench.corpus, '.folio', 'reports', `${ID}.json`)));
  await expect.poll(async () => (await service.call('getReport', { id: ID })).revision).toBe(written);
}

async function openReader(language: 'en' | 'vi' = 'en', theme: 'light' | 'dark' = 'light'): Promise<void> {
  await writeMerged();
  await service.call('setPreferences', { language, theme });
  await page.goto('about:blank');
  await page.goto(`${workbench.server.url}#reader/${encodeURIComponent(ID)}`);
}

describe('the reader', () => {
  it('shows a banner with the count when a report with conflicts is opened', async () => {
    await openReader();
    const banner = page.locator('section.reader .conflict-banner');
    await expect.poll(() => banner.innerText()).toContain('3 conflicts wait for your choice');
    expect(await banner.innerText()).toContain('1 in the metadata · 2 among the annotations');
  });

  it('lists annotation conflicts with both versions, and resolves each with a click, undoably', async () => {
    await openReader();
    const list = page.locator('.annotation-list');
    const p1 = list.getByRole('group', {
      name: 'Conflict in the annotation “Trần Quốc Trung”',
    });
    await expect.poll(() => p1.locator('.theirs').innerText()).toContain('Ủy viên Trung ương Đảng');
    expect(await p1.locator('.mine').innerText()).toContain('Bí thư Thành ủy');
    const p2 = list.getByRole('group', {
      name: 'Conflict in the annotation “Phạm Văn Hiểu”',
    });
    expect(await p2.locator('.theirs').innerText()).toContain('(annotation deleted)');
    await shot('annotations-1440-light-en');
    await p1.getByRole('button', { name: 'Take theirs' }).click();
    await expect.poll(() => list.getByRole('group').count()).toBe(1);
    expect(stateOnDisk(workbench.corpus, ID).annotations.find((a) => a.id === 'p1')?.note).toBe(
      'Ủy viên Trung ương Đảng',
    );
    await expect
      .poll(() => page.locator('section.reader .conflict-banner').innerText())
      .toContain('2 conflicts');
    await p2.getByRole('button', { name: 'Take theirs' }).click();
    await expect.poll(() => list.getByRole('group').count()).toBe(0);
    expect(stateOnDisk(workbench.corpus, ID).annotations.map((a) => a.id)).toEqual(['p1']);
    const undo = page.locator('button.history').first();
    expect(await undo.getAttribute('aria-label')).toBe('Undo conflict resolution');
    await page.locator('header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => list.getByRole('group').count()).toBe(1);
    expect(
      stateOnDisk(workbench.corpus, ID)
        .annotations.map((a) => a.id)
        .sort(),
    ).toEqual(['p1', 'p2']);
  });

  it('in Vietnamese and dark', async () => {
    await openReader('vi', 'dark');
    const banner = page.locator('section.reader .conflict-banner');
    await expect.poll(() => banner.innerText()).toContain('3 xung đột đang chờ bạn chọn');
    await page.locator('.annotation-list').getByRole('group').first().waitFor();
    await shot('annotations-1440-dark-vi');
    await page.setViewportSize({ width: 1024, height: 700 });
    await shot('reader-banner-1024-dark-vi');
  });
});
