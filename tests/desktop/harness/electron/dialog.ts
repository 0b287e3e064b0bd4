// Electron's `dialog`: each native dialog is put to the test, which answers as the user would (see `control.ts`);
// the parent window, when given, is only accepted. `showErrorBox` also prints, as Electron does on Linux.

import { askUser, record } from './control';

type Options = Record<string, unknown>;

// Electron's dialogs take an optional parent window first.
function optionsOf(windowOrOptions: unknown, options?: Options): Options {
  return options ?? (windowOrOptions as Options | undefined) ?? {};
}

/** The stand-in's `dialog`. */
export const dialog = {
  showOpenDialog(windowOrOptions: unknown, options?: Options) {
    const asked = optionsOf(windowOrOptions, options);
    return askUser({ type: 'open', options: asked }, { canceled: true, filePaths: [] as string[] });
  },

  showSaveDialog(windowOrOptions: unknown, options?: Options) {
    const asked = optionsOf(windowOrOptions, options);
    return askUser({ type: 'save', options: asked }, { canceled: true, filePath: '' });
  },

  showMessageBox(windowOrOptions: unknown, options?: Options) {
    const asked = optionsOf(windowOrOptions, options);
    return askUser({ type: 'message-box', options: asked }, { response: 0, checkboxChecked: false });
  },

  showErrorBox(title: string, content: string): void {
    console.error(`${title}\n${content}`);
    record({ type: 'error-box', title, content });
  },
};
