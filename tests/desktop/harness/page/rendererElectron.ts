// The `electron` module as a sandboxed preload sees it: `ipcRenderer` and `contextBridge`. Built without touching
// the DOM, so the surface test can compare it with Electron's types in Node.

import { decodeClone, encodeClone } from '../clone';
import { EXPOSE, type BridgeEnd } from './bridge';

type Listener = (event: IpcRendererEventStandIn, ...args: unknown[]) => void;

/** What the preload's world sends to the main process (through the DevTools binding). */
export type FromRenderer =
  | { type: 'invoke'; id: number; channel: string; args: unknown }
  | { type: 'send'; channel: string; args: unknown }
  | { type: 'preload-error'; message: string };

/** What the main process delivers to the preload's world. */
export type ToRenderer =
  | { type: 'reply'; id: number; error?: string; result?: unknown }
  | { type: 'message'; channel: string; args: unknown };

/** The event a listener of `ipcRenderer.on` receives. */
export interface IpcRendererEventStandIn {
  sender: unknown;
  ports: unknown[];
}

/** The renderer side of the stand-in: the `electron` module of the preload, and the door the main process delivers through. */
export function createRendererElectron(post: (message: FromRenderer) => void, bridge: () => BridgeEnd) {
  const listeners = new Map<string, Listener[]>();
  const pending = new Map<
    number,
    { channel: string; resolve(value: unknown): void; reject(e: Error): void }
  >();
  let nextInvoke = 0;

  const ipcRenderer = {
    /** Electron's `invoke`: structured-clones the arguments; a handler's throw arrives as its `toString()`, prefixed. */
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const id = ++nextInvoke;
      try {
        post({ type: 'invoke', id, channel, args: encodeClone(args) });
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise((resolve, reject) => pending.set(id, { channel, resolve, reject }));
    },
    send(channel: string, ...args: unknown[]): void {
      post({ type: 'send', channel, args: encodeClone(args) });
    },
    on(channel: string, listener: Listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    once(channel: string, listener: Listener) {
      const once: Listener = (event, ...args) => {
        ipcRenderer.removeListener(channel, once);
        listener(event, ...args);
      };
      return ipcRenderer.on(channel, once);
    },
    addListener(channel: string, listener: Listener) {
      return ipcRenderer.on(channel, listener);
    },
    removeListener(channel: string, listener: Listener) {
      const list = listeners.get(channel) ?? [];
      const at = list.lastIndexOf(listener);
      if (at >= 0) listeners.set(channel, [...list.slice(0, at), ...list.slice(at + 1)]);
      return ipcRenderer;
    },
    off(channel: string, listener: Listener) {
      return ipcRenderer.removeListener(channel, listener);
    },
    removeAllListeners(channel?: string) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(channel);
      return ipcRenderer;
    },
    listenerCount(channel: string): number {
      return listeners.get(channel)?.length ?? 0;
    },
  };

  const contextBridge = {
    /** Copies `api` onto the main world's `window[key]`: values copied and frozen, functions proxied. */
    exposeInMainWorld(key: string, api: unknown): void {
      bridge().call(EXPOSE, [key, api]);
    },
  };

  /** Delivers a message of the main process: an invoke's answer, or a `webContents.send`. */
  function deliver(message: ToRenderer): void {
    if (message.type === 'reply') {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (!waiting) return;
      if (message.error !== undefined)
        waiting.reject(new Error(`Error invoking remote method '${waiting.channel}': ${message.error}`));
      else waiting.resolve(decodeClone(message.result));
      return;
    }
    const args = decodeClone(message.args) as unknown[];
    const event = rendererEvent(ipcRenderer);
    for (const listener of listeners.get(message.channel) ?? []) listener(event, ...args);
  }

  return { module: { ipcRenderer, contextBridge }, deliver };
}

/** The event a listener of `ipcRenderer.on` receives. */
export function rendererEvent(sender: unknown): IpcRendererEventStandIn {
  return { sender, ports: [] };
}
