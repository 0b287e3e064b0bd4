import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src-main/core';
import type { FolioService } from '../../src-main/service/folioService';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// Every command undone and redone from the keyboard in the browser shell, the state on disk checked at each
// step and after a reload of the page (the history lives in the service, so it survives one).

const [ID, OTHER] = SAMPLE_IDS as [string, string];

let workbench: Workbench;
let service: FolioService;
let page: Page;
let corpus: string;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ service, page, corpus } = workbench);
  await page.locator('.report-table .rows .row').nth(4).waitFor();
});

afterAll(() => workbench?.close());

/** A report's editorial state on disk, without the record of which original it belongs to. */
function onDisk(id: string): unknown {
  const file = path.join(corpus, '.folio', 'reports', `${id}.json`);
  if (!existsSync(file)) return { status: 'new', tags: [], metadata: {}, annotations: [], correction: null };
  const { status, tags, metadata, annotations, correction } = JSON.parse(readFileSync(file, 'utf8'));
  return { status, tags, metadata, annotations, correction };
}

function collectionsOnDisk(): unknown {
  const file = path.join(corpus, '.folio', 'corpus.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).collections : [];
}

const both = () => ({ [ID]: onDisk(ID), [OTHER]: onDisk(OTHER), collections: collectionsOnDisk() });

async function press(keys: string): Promise<void> {
  // Nothing typed into has the focus: the key goes to the corpus's history.
  await page.locator('header h1').click();
  await page.keyboard.press(keys);
}

async function firstAnnotationId(): Promise<string> {
  return (await service.call('getReport', { id: ID })).annotations[0]!.id;
}

/** Does a command, then undoes, redoes and undoes it again, checking the disk and the button at each step. */
async function roundTrip(label: string, command: () => Promise<unknown>): Promise<void> {
  const before = both();
  await command();
  const after = both();
  expect(after, `${label} changed something`).not.toEqual(before);
  const undo = page.locator('button.history').first();
  await expect.poll(() => undo.getAttribute('aria-label')).toBe(`Undo ${label}`);
  await press('Control+z');
  await expect.poll(both).toEqual(before);
  await press('Control+Shift+z');
  await expect.poll(both).toEqual(after);
  await page.reload();
  await expect.poll(() => undo.getAttribute('aria-label')).toBe(`Undo ${label}`);
  expect(both()).toEqual(after);
}

describe('undo and redo in the browser shell', () => {
  it('takes back tags and status on several reports as one step', async () => {
    await roundTrip('tags (2 reports)', () =>
      service.call('setTags', { ids: [ID, OTHER], add: ['kiểm tra'] }),
    );
    await roundTrip('status (2 reports)', () =>
      service.call('setStatus', { ids: [ID, OTHER], status: 'done' }),
    );
  });

  it('takes back a metadata correction, its reset and a bulk apply', async () => {
    await roundTrip('metadata correction', () =>
      service.call('setMetadata', { id: ID, field: 'author', value: 'Ngọc Quy' }),
    );
    await roundTrip('metadata reset', () => service.call('resetMetadata', { id: ID, field: 'author' }));
    await roundTrip('bulk metadata (2 reports)', () =>
      service.call('applyMetadata', { ids: [ID, OTHER], field: 'place', value: null }),
    );
  });

  it('takes back an annotation, its relabelling, its note and its deletion', async () => {
    await roundTrip('annotation', () =>
      service.call('addAnnotation', { id: ID, start: 0, end: 5, label: 'Place' }),
    );
    const annotationId = await firstAnnotationId();
    await roundTrip('annotation change', () =>
      service.call('updateAnnotation', { id: ID, annotationId, label: 'Organisation' }),
    );
    await roundTrip('annotation change', () =>
      service.call('updateAnnotation', { id: ID, annotationId, note: 'tên tỉnh' }),
    );
    await roundTrip('delete annotation', () => service.call('deleteAnnotation', { id: ID, annotationId }));
  });

  it('takes back a text correction and reverts, with the annotations back on their words', async () => {
    const { text } = await service.call('getReport', { id: ID });
    const length = [...text].length;
    // Words the correction deletes: the annotation is orphaned by it and must come back on them.
    await service.call('addAnnotation', { id: ID, start: length - 20, end: length - 10, label: 'Quote' });
    await roundTrip('text correction', () =>
      service.call('saveCorrection', { id: ID, text: text.replace('thánh phố', 'thành phố').slice(0, -40) }),
    );
    await roundTrip('revert', () => service.call('revertChanges', { id: ID, changes: [0] }));
  });

  it('takes back collection edits', async () => {
    await roundTrip('new collection', () =>
      service.call('createCollection', { kind: 'manual', name: 'Hoàn tác', ids: [ID] }),
    );
    await roundTrip('add to collection', () =>
      service.call('addToCollection', { name: 'Hoàn tác', ids: [OTHER] }),
    );
    await roundTrip('reorder collection', () =>
      service.call('moveInCollection', { name: 'Hoàn tác', id: OTHER, position: 1 }),
    );
    await roundTrip('remove from collection', () =>
      service.call('removeFromCollection', { name: 'Hoàn tác', ids: [ID] }),
    );
    await roundTrip('delete collection', () => service.call('deleteCollection', { name: 'Hoàn tác' }));
  });

  it('asks before wiping a field on many reports, and before reverting every change', async () => {
    const messages: string[] = [];
    let answer = false;
    page.on('dialog', (dialog) => {
      messages.push(dialog.message());
      void (answer ? dialog.accept() : dialog.dismiss());
    });
    await page.getByRole('tab', { name: 'Library' }).click();
    await page.locator('.report-table .rows .row').nth(0).locator('input[type=checkbox]').check();
    await page.locator('.report-table .rows .row').nth(1).locator('input[type=checkbox]').check();
    await page.locator('.bulk-bar').getByLabel('Apply value').selectOption('place');
    const before = both();
    await page.locator('.bulk-bar').getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => messages).toEqual(['Clear “Place” on 2 reports? Ctrl+Z undoes it.']);
    await page.waitForTimeout(200);
    expect(both()).toEqual(before);
    answer = true;
    await page.locator('.bulk-bar').getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => (onDisk(ID) as { metadata: { place?: { value: unknown } } }).metadata.place)
      .toEqual(expect.objectContaining({ value: null }));

    const { text, title } = await service.call('getReport', { id: ID });
    const { changes } = await service.call('saveCorrection', { id: ID, text: `Mở đầu.\n${text}\nThêm.` });
    await page.locator('.report-table .rows .row').filter({ hasText: title! }).click();
    await page.getByRole('tab', { name: 'Changes' }).click();
    answer = false;
    await page.getByRole('button', { name: 'Revert all' }).click();
    await expect
      .poll(() => messages.at(-1))
      .toBe(`Revert all ${changes.length} changes of this report? Ctrl+Z undoes it.`);
    expect((onDisk(ID) as { correction: unknown }).correction).not.toBeNull();
    answer = true;
    await page.getByRole('button', { name: 'Revert all' }).click();
    await expect.poll(() => (onDisk(ID) as { correction: unknown }).correction).toBeNull();
    await page.getByRole('tab', { name: 'Library' }).click();
  });

  it('shows an undone deletion in the open reader at once', async () => {
    const { title } = await service.call('getReport', { id: OTHER });
    await page.locator('.report-table .rows .row').filter({ hasText: title! }).click();
    const report = await service.call('addAnnotation', { id: OTHER, start: 0, end: 6, label: 'Place' });
    const items = page.locator('.annotation-list li');
    await expect.poll(() => items.count()).toBe(1);
    await service.call('deleteAnnotation', { id: OTHER, annotationId: report.annotations[0]!.id });
    await expect.poll(() => items.count()).toBe(0);
    await press('Control+z');
    await expect.poll(() => items.count()).toBe(1);
    await page.getByRole('tab', { name: 'Library' }).click();
  });

  it('leaves Ctrl+Z to a field being typed in', async () => {
    const before = both();
    const search = page.locator('.library .search');
    await search.fill('thanh uy');
    await search.press('Control+z');
    await page.waitForTimeout(200);
    expect(both()).toEqual(before);
  });

  it('refuses to undo over a change made since, and says so', async () => {
    await service.call('setMetadata', { id: ID, field: 'title', value: 'Tiêu đề của Lan' });
    // Someone else's value, written by another program after Lan's.
    const other = await Corpus.open(corpus);
    await other.setMetadata(ID, 'title', 'Tiêu đề của Minh', 'Minh');
    await press('Control+z');
    await expect
      .poll(() => page.locator('.error[role="alert"]').allInnerTexts())
      .toEqual([
        expect.stringMatching(/Could not undo 1 of 1 change\(s\): the title field was changed since/),
      ]);
    expect((onDisk(ID) as { metadata: { title: { value: string } } }).metadata.title.value).toBe(
      'Tiêu đề của Minh',
    );
  });
});
