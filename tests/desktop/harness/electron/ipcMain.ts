// Electron's `ipcMain`: an EventEmitter for `ipcRenderer.send`, and one handler per channel for `invoke`, whose
// throw travels back as the error's `toString()` (Electron keeps nothing else of it) after being logged.

import { EventEmitter } from 'node:events';
import { ElectronEvent } from './event';
import { INVOKE } from './internal';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** What an invoke returns to the renderer: Electron's reply, either a result or the error as text. */
export type InvokeReply = { result: unknown } | { error: string };

/** The stand-in's `ipcMain`. */
export class IpcMain extends EventEmitter {
  #handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    if (this.#handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof listener !== 'function')
      throw new Error(`Expected handler to be a function, but found type '${typeof listener}'`);
    this.#handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }

  /** Runs the handler of `channel` as Electron does for `ipcRenderer.invoke`. */
  async [INVOKE](channel: string, event: unknown, args: unknown[]): Promise<InvokeReply> {
    const handler = this.#handlers.get(channel);
    if (!handler) return { error: `No handler registered for '${channel}'` };
    try {
      return { result: await handler(event, ...args) };
    } catch (error) {
      console.error(`Error occurred in handler for '${channel}':`, error);
      return { error: String(error) };
    }
  }
}

/** The event an `ipcMain.handle` handler receives: who sent the invoke, and from which frame. */
export function invokeEvent(sender: unknown, senderFrame: unknown) {
  return Object.assign(new ElectronEvent(), {
    type: 'frame' as const,
    sender,
    senderFrame,
    frameId: 0,
    processId: 0,
  });
}

/** The event an `ipcMain.on` listener receives for an `ipcRenderer.send`, with `reply` to the sender. */
export function sendEvent(
  sender: unknown,
  senderFrame: unknown,
  reply: (channel: string, ...args: unknown[]) => void,
) {
  return Object.assign(invokeEvent(sender, senderFrame), { ports: [], returnValue: undefined, reply });
}
