import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../src-main/contract/channels';
import type { FolioService } from '../../src-main/service/folioService';
import { TEST_OUTPUT } from '../helpers/browser';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

let workbench: Workbench;
let service: FolioService;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench();
  ({ service, page } = workbench);
});

afterAll(() => workbench?.close());

/** Calls an operation from inside the page, as the renderer's HTTP transport does. */
function callInPage(
  name: string,
  input: unknown,
): Promise<{ status: number; body: { ok: boolean; result?: unknown; error?: unknown } }> {
  return page.evaluate(
    async ([op, body]) => {
      const response = await fetch(`/api/call/${op}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-folio-token': sessionStorage.getItem('folio-token') ?? '',
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    [name, input] as const,
  );
}

describe('the browser shell in Chromium', () => {
  it('loads the UI, lists the five sample reports and takes the token out of the address bar', async () => {
    await expect.poll(() => page.locator('.report-table .rows .row').count()).toBe(5);
    expect(page.url()).not.toContain('token=');
    expect(await page.locator('.report-table .title-text').allInnerTexts()).toContain(
      'Xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh',
    );
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'shell-library.png') });
  });

  it('opens a report in the reader with debris dimmed', async () => {
    await page.locator('.report-table .row', { hasText: 'Cần Thơ không còn ấp' }).click();
    await expect.poll(() => page.locator('.report-text').innerText()).toContain('Thanh Sang/TTXVN');
    expect(await page.locator('.report-text .debris').first().innerText()).toContain('Có thể bạn quan tâm');
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'shell-reader.png') });
  });

  it('searches insensitively from the search box', async () => {
    await page.getByRole('tab', { name: 'Thư viện' }).click();
    await page.fill('.library .search', 'lang son');
    await expect.poll(() => page.locator('.report-table .rows .row').count()).toBe(1);
    await page.fill('.library .search', '');
    await expect.poll(() => page.locator('.report-table .rows .row').count()).toBe(5);
  });

  it('performs one call of every operation through the HTTP transport', async () => {
    const id = SAMPLE_IDS[0]!;
    const report = (await callInPage('getReport', { id })).body.result as {
      text: string;
      revision: string | null;
    };
    const calls: Record<string, unknown> = {
      corpusInfo: {},
      openRecentCorpus: { path: (await service.call('corpusInfo', {}))!.root },
      listReports: { limit: 2, sort: 'published' },
      facets: {},
      listIds: { query: 'lang son' },
      getReport: { id },
      getChanges: { id },
      search: { query: 'thanh uy' },
      setTags: { ids: [id], add: ['Cần Thơ'] },
      setStatus: { ids: [id], status: 'in-progress' },
      setMetadata: { id, field: 'author', value: 'Ngọc Quy' },
      resetMetadata: { id, field: 'author' },
      applyMetadata: { ids: [id, SAMPLE_IDS[1]!], field: 'place', value: 'Cần Thơ' },
      addAnnotation: { id, start: 0, end: 8, label: 'Organisation' },
      saveCorrection: { id, text: report.text.replace('thánh phố', 'thành phố') },
      revertChanges: { id, changes: [0] },
      undo: {},
      redo: {},
      editHistory: {},
      createCollection: { kind: 'manual', name: 'Mẫu', ids: [id] },
      addToCollection: { name: 'Mẫu', ids: [SAMPLE_IDS[1]!] },
      moveInCollection: { name: 'Mẫu', id: SAMPLE_IDS[1]!, position: 1 },
      renameCollection: { name: 'Mẫu', newName: 'Mẫu' },
      moveCollection: { name: 'Mẫu', position: 1 },
      removeFromCollection: { name: 'Mẫu', ids: [id] },
      listCollections: {},
      exportReports: { selection: { kind: 'collection', name: 'Mẫu' }, format: 'csv', zip: true },
      deleteCollection: { name: 'Mẫu' },
      editLabels: { kind: 'update', name: 'Date', color: '#0c8599' },
      getPreferences: {},
      setPreferences: { editorName: 'Trình duyệt' },
    };
    const results: Record<string, number> = {};
    for (const [name, input] of Object.entries(calls)) results[name] = (await callInPage(name, input)).status;
    const annotated = (await callInPage('getReport', { id })).body.result as {
      annotations: Array<{ id: string }>;
    };
    const annotationId = annotated.annotations[0]!.id;
    results.updateAnnotation = (
      await callInPage('updateAnnotation', { id, annotationId, note: 'Thành ủy' })
    ).status;
    results.deleteAnnotation = (await callInPage('deleteAnnotation', { id, annotationId })).status;
    const choose = await callInPage('chooseCorpus', {});
    expect(choose.body.error).toEqual({
      code: 'invalid-input',
      message: expect.stringContaining('--corpus'),
    });
    results.chooseCorpus = 200;
    // Only the desktop app shows a path in the file manager; the browser shell says so.
    const reveal = await callInPage('revealPath', { path: '/tmp', action: 'open-folder' });
    expect(reveal.body.error).toMatchObject({
      code: 'invalid-input',
      params: { reason: 'not-in-this-shell' },
    });
    results.revealPath = 200;
    // A report with no conflict has none to resolve: the call is answered, and says so.
    const resolve = await callInPage('resolveConflict', {
      id,
      conflictId: '0123456789abcdef',
      choice: 'ours',
    });
    expect(resolve.body.error).toMatchObject({
      code: 'changed-on-disk',
      params: { reason: 'conflict-resolved' },
    });
    results.resolveConflict = 200;
    const settingsConflict = await callInPage('resolveSettingsConflict', {
      conflictId: '0123456789abcdef',
      choice: 'theirs',
    });
    expect(settingsConflict.body.error).toMatchObject({
      code: 'changed-on-disk',
      params: { reason: 'conflict-resolved' },
    });
    results.resolveSettingsConflict = 200;
    // No file has conflict markers: nothing is merged, and the call says so with an empty list.
    const markers = await callInPage('resolveMergeConflicts', {});
    expect(markers.body).toEqual({ ok: true, result: [] });
    results.resolveMergeConflicts = markers.status;
    expect(Object.keys(results).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.entries(results).filter(([, status]) => status !== 200)).toEqual([]);
  });
});
