import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, EVENT_NAMES, OPERATION_NAMES, operationChannel } from '../contract/channels';

// Exposes exactly the contract's operations and events, nothing else: no generic send or invoke, no Node.

const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(operationChannel(name), input ?? {}),
  ]),
);

/** Subscribes to one of the contract's events; returns the unsubscriber. */
function on(event: string, listener: (payload: unknown) => void): () => void {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event "${event}"`);
  const handler = (_: IpcRendererEvent, message: { event: string; payload: unknown }) => {
    if (message.event === event) listener(message.payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
}

contextBridge.exposeInMainWorld('folioBridge', { api, on });
