import { rmSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { operationChannel } from '../../src-main/contract/channels';
import type { ExportResult } from '../../src-main/contract/operations';
import { FolioService } from '../../src-main/service/folioService';
import { JsonPreferenceStore } from '../../src-main/service/preferences';
import { copySampleCorpus, tempDir } from '../helpers/corpora';

const showItemInFolder = vi.fn();
const writeText = vi.fn();
vi.mock('electron', () => ({ shell: { showItemInFolder }, clipboard: { writeText } }));

const { registerIpc } = await import('../../src-main/electron/ipc');
const { revealPath } = await import('../../src-main/electron/reveal');

type Handler = (event: { senderFrame: { url: string } }, input: unknown) => Promise<unknown>;
const trusted = { senderFrame: { url: 'file:///app/index.html' } };

beforeEach(() => {
  showItemInFolder.mockReset();
  writeText.mockReset();
});

/** The desktop shell as `electron/main.ts` wires it, its save dialog answering `chosen`, over IPC. */
async function desktop(chosen: string) {
  const service = new FolioService({
    preferences: new JsonPreferenceStore(path.join(tempDir(), 'preferences.json')),
    chooseExportTarget: async () => chosen,
    revealPath,
  });
  await service.open(copySampleCorpus());
  const handlers = new Map<string, Handler>();
  registerIpc(
    {
      handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
      removeHandler: () => {},
    } as never,
    service,
    () => true,
    () => null,
  );
  const invoke = (name: string, input: unknown) => handlers.get(operationChannel(name))!(trusted, input);
  return { service, invoke };
}

describe('showing a finished export on the desktop', () => {
  it('opens the folder with the export selected, and copies its path, for the path the save dialog chose', async () => {
    const chosen = path.join(tempDir('folio-saved-'), 'Mẫu-csv.zip');
    const { service, invoke } = await desktop(chosen);
    const result = (await invoke('exportReports', {
      selection: { kind: 'all' },
      format: 'csv',
      text: 'original',
      zip: true,
    })) as ExportResult;
    expect(result.out).toBe(chosen);
    expect(result.download).toBeNull();

    expect(await invoke('revealPath', { path: result.out, action: 'open-folder' })).toBeNull();
    expect(showItemInFolder).toHaveBeenCalledExactlyOnceWith(chosen);
    await invoke('revealPath', { path: result.out, action: 'copy-path' });
    expect(writeText).toHaveBeenCalledExactlyOnceWith(chosen);
    await service.close();
  });

  it('refuses a path this window did not export to, and one whose export is gone, showing nothing', async () => {
    const chosen = path.join(tempDir('folio-saved-'), 'export');
    const { service, invoke } = await desktop(chosen);
    const result = (await invoke('exportReports', {
      selection: { kind: 'all' },
      format: 'txt',
    })) as ExportResult;

    const elsewhere = await invoke('revealPath', { path: '/etc', action: 'open-folder' }).catch(
      (e: Error) => e,
    );
    expect(JSON.parse((elsewhere as Error).message)).toMatchObject({
      code: 'invalid-input',
      params: { reason: 'not-an-export' },
    });
    const bad = await invoke('revealPath', { path: result.out, action: 'launch' }).catch((e: Error) => e);
    expect(JSON.parse((bad as Error).message).code).toBe('invalid-input');

    rmSync(result.out, { recursive: true });
    const gone = await invoke('revealPath', { path: result.out, action: 'open-folder' }).catch(
      (e: Error) => e,
    );
    expect(JSON.parse((gone as Error).message)).toMatchObject({
      code: 'invalid-input',
      params: { reason: 'export-gone', path: chosen },
    });
    expect(showItemInFolder).not.toHaveBeenCalled();
    expect(writeText).not.toHaveBeenCalled();
    await service.close();
  });

  it('says a cancelled save dialog as such, writing nothing', async () => {
    const service = new FolioService({
      preferences: new JsonPreferenceStore(path.join(tempDir(), 'preferences.json')),
      chooseExportTarget: async () => null,
      revealPath,
    });
    await service.open(copySampleCorpus());
    await expect(
      service.call('exportReports', { selection: { kind: 'all' }, format: 'jsonl' }),
    ).rejects.toMatchObject({ code: 'invalid-input', params: { reason: 'export-cancelled' } });
    await service.close();
  });
});
