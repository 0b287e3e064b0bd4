// The app process's line to the test that started it (Node's IPC channel of a forked process): the test plays
// the user and the desktop, answering dialogs and watching what the app shows outside its windows. Run
// without a test (no channel), dialogs are cancelled and records are printed.

import type { DesktopRecord, DialogRequest, Request, ToApp, ToTest } from '../protocol';

const answers = new Map<number, (answer: unknown) => void>();
let nextDialog = 0;

/** Sends a message to the test, if there is one. */
export function tellTest(message: ToTest): void {
  if (process.send && process.connected) process.send(message);
}

/** Tells the test what the app did outside its windows (or prints it, with no test listening). */
export function record(entry: DesktopRecord): void {
  if (process.send) tellTest({ kind: 'record', record: entry });
  else console.error(`[electron stand-in] ${JSON.stringify(entry)}`);
}

/** Asks the test, as the user, to answer a dialog; without a test, the user cancels. */
export function askUser<T>(dialog: DialogRequest, cancelled: T): Promise<T> {
  if (!process.send) return Promise.resolve(cancelled);
  const id = ++nextDialog;
  return new Promise<T>((resolve) => {
    answers.set(id, (answer) => resolve((answer ?? cancelled) as T));
    tellTest({ kind: 'dialog', id, dialog });
  });
}

/** Serves the test's requests with `handler`, and hears its answers to dialogs. */
export function serveTest(handler: (request: Request) => Promise<unknown>): void {
  process.on('message', (message: ToApp) => {
    if (message.kind === 'dialog-answer') {
      answers.get(message.id)?.(message.answer);
      answers.delete(message.id);
      return;
    }
    handler(message.request).then(
      (value) => tellTest({ kind: 'reply', id: message.id, ok: true, value }),
      (error: unknown) => tellTest({ kind: 'reply', id: message.id, ok: false, error: String(error) }),
    );
  });
  // The channel must not keep the process alive: the app decides when it ends, as Electron's does.
  process.channel?.unref();
}
