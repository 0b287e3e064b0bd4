import { promises as fs } from 'node:fs';
import { clipboard, shell } from 'electron';
import { FolioError } from '../core';
import type { RevealAction } from '../contract/operations';

/**
 * Shows a finished export selected in its folder in the system's file manager, or copies its path to the
 * clipboard. Throws a `FolioError` naming the path when there is nothing there to show any more.
 */
export async function revealPath(target: string, action: RevealAction): Promise<void> {
  if (action === 'copy-path') {
    clipboard.writeText(target);
    return;
  }
  // The file manager opens nothing, without a word, on a path that is gone.
  const exists = await fs.stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    throw new FolioError(
      'invalid-input',
      `${target} is no longer there; the export was moved or deleted`,
      target,
      { reason: 'export-gone', path: target },
    );
  }
  shell.showItemInFolder(target);
}
