import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSettings } from '../../src-main/core/merge';
import type { CorpusSettings } from '../../src-main/core/store/schema';
import {
  corpusSettingsText,
  parseReportState,
  reportStateText,
  SidecarStore,
} from '../../src-main/core/store/sidecars';
import { TEST_OUTPUT } from '../helpers/browser';
import { SAMPLE_IDS } from '../helpers/corpora';
import { openWorkbench, type Workbench } from '../helpers/workbench';

// Issue 14: what a merge of two versions of corpus.json could not decide is shown above the library's table,
// both versions side by side, and decided by the editor's click: one undoable step each.

let workbench: Workbench;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ language: 'en', editorName: 'Lan' });
  ({ page } = workbench);
  await page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(() => workbench?.close());

const shot = (name: string) =>
  page.screenshot({ path: path.join(TEST_OUTPUT, `settings-conflicts-${name}.png`) });

const onDisk = () =>
  JSON.parse(readFileSync(path.join(workbench.corpus, '.folio', 'corpus.json'), 'utf8')) as CorpusSettings;

/**
 * Writes, as a git merge with Folio's driver would, the corpus.json of Ana's settings (ours) merged with
 * Bảo's: both recoloured "Person", and both made a collection "Tỉnh", Ana a saved search, Bảo a hand-picked one.
 */
async function writeMerged(): Promise<void> {
  const store = new SidecarStore(workbench.corpus);
  const base = await store.readSettings();
  const ours: CorpusSettings = structuredClone(base);
  const theirs: CorpusSettings = structuredClone(base);
  const recolour = (settings: CorpusSettings, color: string) =>
    settings.labels.map((l) => (l.name === 'Person' ? { ...l, color } : l));
  ours.labels = recolour(ours, '#c92a2a');
  theirs.labels = recolour(theirs, '#364fc7');
  ours.collections = [{ kind: 'search', name: 'Tỉnh', query: 'Cần Thơ', filters: {} }];
  theirs.collections = [{ kind: 'manual', name: 'Tỉnh', ids: [SAMPLE_IDS[0]!, SAMPLE_IDS[1]!] }];
  await store.writeSettings(mergeSettings(base, ours, theirs).settings);
}

describe('settings conflicts in the library', () => {
  it('lists each with both versions, and keeps mine or takes theirs, undoably', async () => {
    await writeMerged();
    const banner = page.getByRole('region', { name: '2 settings were changed differently by two editors' });
    await banner.waitFor();
    const person = banner.getByRole('listitem', { name: 'Label “Person”' });
    await expect.poll(() => person.innerText()).toMatch(/Mine:\s*Person · colour #c92a2a · key 1/);
    expect(await person.innerText()).toMatch(/Theirs:\s*Person · colour #364fc7 · key 1/);
    const collection = banner.getByRole('listitem', { name: 'Collection “Tỉnh”' });
    expect(await collection.innerText()).toMatch(
      /Mine:\s*saved search “Cần Thơ”, 0 filter\(s\)[\s\S]*Theirs:\s*hand-picked, 2 report\(s\)/,
    );
    await shot('banner');

    await person.getByRole('button', { name: 'Take theirs' }).click();
    await page.getByRole('region', { name: '1 setting was changed differently by two editors' }).waitFor();
    expect(onDisk().labels.find((l) => l.name === 'Person')?.color).toBe('#364fc7');
    expect(onDisk().conflicts?.map((c) => c.name)).toEqual(['Tỉnh']);

    await page.keyboard.press('Control+z');
    await banner.waitFor();
    expect(onDisk().labels.find((l) => l.name === 'Person')?.color).toBe('#c92a2a');

    await banner
      .getByRole('listitem', { name: 'Collection “Tỉnh”' })
      .getByRole('button', { name: 'Keep mine' })
      .click();
    await page
      .getByRole('region', { name: '1 setting was changed differently by two editors' })
      .getByRole('listitem', { name: 'Label “Person”' })
      .getByRole('button', { name: 'Keep mine' })
      .click();
    await page.locator('.settings-conflicts').waitFor({ state: 'detached' });
    const settings = onDisk();
    expect(settings.conflicts).toBeUndefined();
    expect(settings.collections).toEqual([{ kind: 'search', name: 'Tỉnh', query: 'Cần Thơ', filters: {} }]);
    expect(settings.labels.find((l) => l.name === 'Person')?.color).toBe('#c92a2a');
    await shot('resolved');
  });
});

/**
 * Leaves `file` as a git merge without Folio's driver leaves it: `git merge-file` of the three versions, with
 * the base in the markers (diff3), conflict markers and all.
 */
function mergedByLine(file: string, base: string, ours: string, theirs: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-merge-'));
  const [b, t] = [path.join(dir, 'base'), path.join(dir, 'theirs')];
  writeFileSync(file, ours);
  writeFileSync(b, base);
  writeFileSync(t, theirs);
  const run = spawnSync('git', [
    'merge-file',
    '--diff3',
    '-L',
    'ours',
    '-L',
    'base',
    '-L',
    'theirs',
    file,
    b,
    t,
  ]);
  expect(run.status, String(run.stderr)).toBeGreaterThan(0);
  expect(readFileSync(file, 'utf8')).toMatch(/^<{7} ours$/m);
}

describe('files git left with conflict markers', () => {
  it('are listed above the library and merged by one click, as folio resolve merges them', async () => {
    const { service } = workbench;
    const id = SAMPLE_IDS[1]!;
    const store = new SidecarStore(workbench.corpus);
    await service.call('setTags', { ids: [id], add: ['tạm'] });
    const sidecar = store.statePath(id);
    const base = readFileSync(sidecar, 'utf8');
    const state = parseReportState(base, sidecar);
    const ours = reportStateText({ ...state, tags: ['kiểm tra'] });
    const theirs = reportStateText({ ...state, tags: ['tạm', 'tin tỉnh'] });
    const settingsFile = path.join(workbench.corpus, '.folio', 'corpus.json');
    const settings = await store.readSettings();
    const collection = (name: string) => ({ kind: 'manual' as const, name, ids: [id] });
    const baseSettings = corpusSettingsText({ ...settings, collections: [], conflicts: [] });
    mergedByLine(
      settingsFile,
      baseSettings,
      corpusSettingsText({ ...settings, collections: [collection('Hội nghị')], conflicts: [] }),
      corpusSettingsText({ ...settings, collections: [collection('Tổng kết')], conflicts: [] }),
    );
    mergedByLine(sidecar, base, ours, theirs);

    const banner = page.getByRole('region', { name: /^2 files have git conflict markers/ });
    await banner.waitFor();
    expect(await banner.getByRole('listitem').allInnerTexts()).toEqual(['.folio/corpus.json', id]);
    await shot('markers');

    await banner.getByRole('button', { name: 'Merge both versions' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Merged 2 files; then “git add” them and commit the merge.' })
      .waitFor();
    await banner.waitFor({ state: 'detached' });
    // One side removed "tạm" and the other kept it unchanged: removed; each side's addition kept.
    expect(parseReportState(readFileSync(sidecar, 'utf8'), sidecar).tags).toEqual(['kiểm tra', 'tin tỉnh']);
    expect((await service.call('getReport', { id })).tags).toEqual(['kiểm tra', 'tin tỉnh']);
    expect(
      onDisk()
        .collections.map((c) => c.name)
        .sort(),
    ).toEqual(['Hội nghị', 'Tổng kết']);
    const info = await service.call('corpusInfo', {});
    expect([info?.settingsProblem, info?.corruptSidecars]).toEqual([null, []]);
    // Settings are editable again.
    await service.call('createCollection', { kind: 'manual', name: 'Sau khi gộp', ids: [] });
    await shot('markers-merged');
  });
});
