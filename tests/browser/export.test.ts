import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevealAction } from '../../src-main/contract/operations';
import type { FolioService } from '../../src-main/service/folioService';
import { TEST_OUTPUT } from '../helpers/browser';
import { SAMPLE_IDS, tempDir } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// Exporting from the library: original or corrected text, a browser download in the browser shell, and
// "open folder" / "copy path" where the desktop app's bridge is there.

const ID = SAMPLE_IDS[0]!;
const INSERTED = 'Ban Tuyên giáo mới';

const codePoints = (text: string) => [...text].length;
const rows = (page: Page) => page.locator('.report-table .rows .row');
const bar = (page: Page) => page.locator('.export-bar');

/** Corrects the first report so that one annotation lies on words only the correction has, one on words it moved. */
async function correctAndAnnotate(service: FolioService): Promise<void> {
  const report = await service.call('getReport', { id: ID });
  // The sample's text has a no-break space before "chủ trì".
  const text = report.text.replace(
    /Các đồng chí lãnh đạo Thành ủy\schủ trì Hội nghị\./,
    `${INSERTED} dự Hội nghị.`,
  );
  expect(text).toContain(INSERTED);
  await service.call('saveCorrection', { id: ID, text, revision: report.revision });
  for (const [quote, label] of [
    [INSERTED, 'Organisation'],
    ['Trần Quốc Trung', 'Person'],
  ] as const) {
    const start = codePoints(text.slice(0, text.indexOf(quote)));
    await service.call('addAnnotation', { id: ID, start, end: start + codePoints(quote), label });
  }
}

/** Clicks Export and returns the download the browser receives. */
async function exportAndDownload(page: Page): Promise<Download> {
  const download = page.waitForEvent('download');
  await bar(page)
    .locator('button', { hasText: /^(Export|Xuất)$/ })
    .click();
  return download;
}

function unzipDownload(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('in the browser shell, in English', () => {
  let workbench: Workbench;
  let page: Page;
  let service: FolioService;

  beforeAll(async () => {
    workbench = await openWorkbench({ language: 'en', theme: 'light' }, { downloads: true });
    ({ page, service } = workbench);
    await correctAndAnnotate(service);
  });
  afterAll(() => workbench?.close());

  it('downloads the original text, annotations moved onto it, the one on inserted words named as left out', async () => {
    await expect.poll(() => rows(page).count()).toBe(5);
    expect(await bar(page).locator('input[type=checkbox]').count()).toBe(0);
    expect(await bar(page).getByRole('radio', { name: 'Corrected' }).isChecked()).toBe(true);
    await bar(page).getByRole('radio', { name: 'Original' }).check();

    const download = await exportAndDownload(page);
    expect(download.suggestedFilename()).toMatch(/^all-jsonl-original-\d{8}-\d{6}\.zip$/);
    const files = unzipDownload((await download.path())!);
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'reports.jsonl']);
    expect(JSON.parse(files['manifest.json']!)).toMatchObject({ format: 'jsonl', text: 'original' });
    const exported = files['reports.jsonl']!.trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { id: string; text: string; annotations: Array<Record<string, unknown>> },
      );
    for (const row of exported) {
      expect(row.text, row.id).toBe((await service.call('getReport', { id: row.id })).original);
    }
    const original = exported.find((row) => row.id === ID)!;
    const start = codePoints(original.text.slice(0, original.text.indexOf('Trần Quốc Trung')));
    expect(original.annotations).toEqual([
      expect.objectContaining({ label: 'Person', start, end: start + 15, text: 'Trần Quốc Trung' }),
    ]);

    const result = bar(page).locator('.export-result');
    await expect
      .poll(() => result.innerText())
      .toMatch(/^Exported 5 reports · downloaded all-jsonl-original-/);
    expect(await result.getByRole('button', { name: 'Open folder' }).count()).toBe(0);
    await result.getByText('1 annotation left out').click();
    expect(await result.locator('.left-out li').innerText()).toBe(
      `Organisation “${INSERTED}” — its words exist only in the corrected text, not in the original (report ${ID})`,
    );
    await bar(page).screenshot({ path: path.join(TEST_OUTPUT, 'export-bar-download-en.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'export-library-1024-en.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('keeps a patch on the corrected text, and the corrected text is the default again', async () => {
    await page.locator('.export-bar select').selectOption('patch');
    expect(await bar(page).getByRole('radio', { name: 'Original' }).isDisabled()).toBe(true);
    expect(await bar(page).getByRole('radio', { name: 'Corrected' }).isChecked()).toBe(true);
    const download = await exportAndDownload(page);
    expect(download.suggestedFilename()).toMatch(/^all-patch-\d{8}-\d{6}\.zip$/);
    const files = unzipDownload((await download.path())!);
    expect(files[`${ID}.patch`]).toContain(`+${INSERTED} dự Hội nghị.`);
    await expect.poll(() => bar(page).locator('.export-result').innerText()).toMatch(/downloaded all-patch-/);
  });
});

describe('in the browser shell, in Vietnamese and dark', () => {
  let workbench: Workbench;
  let page: Page;

  beforeAll(async () => {
    workbench = await openWorkbench({ language: 'vi', theme: 'dark' }, { downloads: true });
    ({ page } = workbench);
    await correctAndAnnotate(workbench.service);
  });
  afterAll(() => workbench?.close());

  it('says the choice, the download and what was left out in Vietnamese', async () => {
    await expect.poll(() => rows(page).count()).toBe(5);
    await page.locator('.export-bar select').selectOption('csv');
    await bar(page).getByRole('radio', { name: 'Gốc' }).check();
    const download = await exportAndDownload(page);
    expect(download.suggestedFilename()).toMatch(/^all-csv-original-.*\.zip$/);
    const files = unzipDownload((await download.path())!);
    expect(files['annotations.csv']).toContain('Trần Quốc Trung');
    expect(files['annotations.csv']).not.toContain(INSERTED);
    const result = bar(page).locator('.export-result');
    await expect.poll(() => result.innerText()).toMatch(/^Đã xuất 5 bài · đã tải về all-csv-original-/);
    await result.getByText('1 chú thích không được xuất').click();
    expect(await result.locator('.left-out li').innerText()).toContain('chỉ có trong văn bản đã sửa');
    await bar(page).screenshot({ path: path.join(TEST_OUTPUT, 'export-bar-download-vi-dark.png') });
  });
});

describe('with the desktop bridge', () => {
  let workbench: Workbench;
  let page: Page;
  const saved = tempDir('folio-saved-');
  const revealed: Array<[string, RevealAction]> = [];

  beforeAll(async () => {
    workbench = await openWorkbench(
      { language: 'en' },
      {
        host: {
          chooseExportTarget: async (name) => path.join(saved, name),
          revealPath: async (target, action) => void revealed.push([target, action]),
        },
      },
    );
    ({ page } = workbench);
    // The renderer as the desktop app runs it: the preload's bridge, here carried over HTTP to the service.
    await page.addInitScript(() => {
      const token = sessionStorage.getItem('folio-token') ?? '';
      const call = async (name: string, input: unknown) => {
        const response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-folio-token': token },
          body: JSON.stringify(input ?? {}),
        });
        const body = await response.json();
        if (!body.ok) throw new Error(JSON.stringify(body.error));
        return body.result;
      };
      const api = new Proxy({}, { get: (_, name: string) => (input: unknown) => call(name, input) });
      const on = () => () => {};
      Object.assign(window, { folioBridge: { api, on } });
    });
    await page.reload();
  });
  afterAll(() => workbench?.close());

  it('offers to open the folder and copy the path of the export the save dialog placed', async () => {
    await expect.poll(() => rows(page).count()).toBe(5);
    await bar(page).getByRole('checkbox', { name: 'Zip' }).check();
    await bar(page).getByRole('button', { name: 'Export' }).click();
    const result = bar(page).locator('.export-result');
    await expect.poll(() => result.innerText()).toMatch(/^Exported 5 reports → /);
    const out = (await result.locator('.export-done').innerText()).split(' → ')[1]!;
    expect(path.dirname(out)).toBe(saved);
    expect(out).toMatch(/all-jsonl-\d{8}-\d{6}\.zip$/);
    await result.getByRole('button', { name: 'Open folder' }).click();
    await expect.poll(() => revealed).toEqual([[out, 'open-folder']]);
    await result.getByRole('button', { name: 'Copy path' }).click();
    await expect.poll(() => result.getByRole('button', { name: 'Path copied' }).count()).toBe(1);
    expect(revealed).toEqual([
      [out, 'open-folder'],
      [out, 'copy-path'],
    ]);
    await bar(page).screenshot({ path: path.join(TEST_OUTPUT, 'export-bar-desktop-en.png') });
  });
});
