import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { FolioError } from '../core';
import { EVENT_CHANNEL, OPERATION_NAMES, operationChannel } from '../contract/channels';
import { EVENTS } from '../contract/operations';
import type { FolioService } from '../service/folioService';

/** What a rejected call carries to the renderer: Electron keeps only the message, so the code travels in it. */
export function errorForRenderer(error: unknown): Error {
  if (error instanceof FolioError)
    return new Error(JSON.stringify({ code: error.code, message: error.message, params: error.params }));
  return new Error(JSON.stringify({ code: 'internal', message: 'internal error' }));
}

/**
 * Registers one `ipcMain.handle` per contract operation, each accepting calls only from `isTrusted` frames,
 * and forwards the service's events to `target`. Returns the disposer.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  service: FolioService,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  target: () => WebContents | null,
): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(operationChannel(name), async (event, input: unknown) => {
      if (!isTrusted(event))
        throw errorForRenderer(new FolioError('invalid-input', 'call from an untrusted frame refused'));
      try {
        return await service.call(name, input);
      } catch (error) {
        if (!(error instanceof FolioError)) console.error(`[folio ipc] ${name}:`, error);
        throw errorForRenderer(error);
      }
    });
  }
  const disposers = EVENTS.map((event) =>
    service.on(event, (payload) => target()?.send(EVENT_CHANNEL, { event, payload })),
  );
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(operationChannel(name));
    disposers.forEach((dispose) => dispose());
  };
}
