// Electron's `shell` and `clipboard`: nothing leaves the test machine. What the app asks the desktop to do is
// recorded for the test; the clipboard is the app process's own.

import { record } from './control';

/** The stand-in's `shell`. */
export const shell = {
  async openExternal(url: string): Promise<void> {
    record({ type: 'open-external', url });
  },

  showItemInFolder(fullPath: string): void {
    record({ type: 'show-item-in-folder', path: fullPath });
  },

  /** Resolves with an error message, or '' on success, as Electron's does. */
  async openPath(fullPath: string): Promise<string> {
    record({ type: 'open-path', path: fullPath });
    return '';
  },
};

let clipboardText = '';

/** The stand-in's `clipboard`, text only. */
export const clipboard = {
  writeText(text: string): void {
    clipboardText = text;
    record({ type: 'clipboard', text });
  },

  readText(): string {
    return clipboardText;
  },
};
