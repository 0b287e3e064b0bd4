import { describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES, operationChannel, EVENT_CHANNEL } from '../../src-main/contract/channels';
import { OPERATIONS } from '../../src-main/contract/operations';
import { copySampleCorpus, SAMPLE_IDS } from '../helpers/corpora';
import { openService } from '../helpers/service';

vi.mock('electron', () => ({}));
const { registerIpc } = await import('../../src-main/electron/ipc');

type Handler = (event: { senderFrame: { url: string } }, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

const trusted = { senderFrame: { url: 'file:///app/index.html' } };

describe('IPC registration', () => {
  it('registers exactly one handler per contract operation, and removes them', async () => {
    const ipc = fakeIpcMain();
    const service = await openService(copySampleCorpus());
    const dispose = registerIpc(
      ipc as never,
      service,
      () => true,
      () => null,
    );
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(OPERATIONS).map(operationChannel).sort());
    expect(OPERATION_NAMES.length).toBe(Object.keys(OPERATIONS).length);
    dispose();
    expect(ipc.handlers.size).toBe(0);
    await service.close();
  });

  it('answers trusted frames, refuses others, and carries error codes', async () => {
    const ipc = fakeIpcMain();
    const service = await openService(copySampleCorpus());
    registerIpc(
      ipc as never,
      service,
      (event) => event.senderFrame?.url.startsWith('file://') === true,
      () => null,
    );
    const getReport = ipc.handlers.get(operationChannel('getReport'))!;
    const report = (await getReport(trusted, { id: SAMPLE_IDS[0] })) as { id: string };
    expect(report.id).toBe(SAMPLE_IDS[0]);
    await expect(
      getReport({ senderFrame: { url: 'https://evil.example/' } }, { id: SAMPLE_IDS[0] }),
    ).rejects.toThrow(/untrusted frame/);
    const error = await getReport(trusted, { id: 'nope' }).catch((e: Error) => e);
    expect(JSON.parse((error as Error).message)).toEqual({
      code: 'unknown-report',
      message: expect.stringContaining('no report "nope"'),
    });
    const malformed = await getReport(trusted, { id: 42 }).catch((e: Error) => e);
    expect(JSON.parse((malformed as Error).message).code).toBe('invalid-input');
    await service.close();
  });

  it('forwards service events to the window', async () => {
    const ipc = fakeIpcMain();
    const service = await openService(copySampleCorpus());
    const send = vi.fn();
    registerIpc(
      ipc as never,
      service,
      () => true,
      () => ({ send }) as never,
    );
    await ipc.handlers.get(operationChannel('setStatus'))!(trusted, { ids: [SAMPLE_IDS[0]], status: 'done' });
    expect(send).toHaveBeenCalledWith(EVENT_CHANNEL, {
      event: 'corpusChanged',
      payload: { kind: 'changed', id: SAMPLE_IDS[0] },
    });
    await service.close();
  });
});
