import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { operationChannel } from '../../../src-main/contract/channels';
import type { Preferences } from '../../../src-main/contract/operations';
import { FolioError, type FolioErrorCode } from '../../../src-main/core/errors';
import type { FolioService, ServiceHost } from '../../../src-main/service/folioService';
import { tempDir } from '../../helpers/corpora';
import type { Workbench } from '../../helpers/workbench';
import { launchDesktop, ROOT, type DesktopApp } from './launch';
import type { DialogRequest } from './protocol';

/** The window size the browser shell's tests see (`scripts/chromium.ts`), for the desktop window too. */
const WINDOW = { width: 1400, height: 900, maximized: false };

/**
 * The desktop app on its first launch (so on a fresh copy of the sample corpus, in a fresh user data folder),
 * with `preferences` already saved as a previous session would have left them, and the window its page. The
 * service is the app's own, reached through its IPC handlers as the window's page reaches it; a `host`'s
 * folder and export choices answer the app's dialogs. Browser downloads and a `revealPath` of the test's are
 * the browser shell's and are refused here.
 */
export async function openDesktopWorkbench(
  preferences: Partial<Preferences>,
  shell: { downloads?: boolean; host?: Omit<ServiceHost, 'preferences'> },
): Promise<Workbench & { app: DesktopApp }> {
  const { downloads, host = {} } = shell;
  const refused = [
    downloads && 'browser downloads',
    host.revealPath && 'a revealPath of the test’s',
    host.offerDownload && 'offerDownload',
  ];
  if (refused.some(Boolean))
    throw new Error(`FOLIO_SHELL=desktop: the desktop app has no ${refused.filter(Boolean).join(', ')}`);
  const configHome = tempDir('folio-desktop-');
  const userData = path.join(configHome, 'folio');
  // What electron-store keeps in `<userData>/preferences.json`, as the app's last session would have left it.
  mkdirSync(userData, { recursive: true });
  writeFileSync(path.join(userData, 'preferences.json'), JSON.stringify({ preferences, window: WINDOW }));
  const corpus = path.join(userData, 'sample-corpus');
  const app = await launchDesktop({ configHome, answer: (dialog) => answerWith(host, corpus, dialog) });
  const { page } = await app.firstWindow();
  page.setDefaultTimeout(8000);
  page.on('pageerror', (error) => {
    throw error;
  });
  const url = pathToFileURL(path.join(ROOT, 'out/renderer/index.html')).href;
  return {
    corpus,
    service: serviceOver(app),
    server: { url, origin: 'file://', token: '', close: async () => {} },
    page,
    app,
    close: async () => void (await app.quit()),
  };
}

/** A FolioService whose `call` goes through the app's IPC handler; any other member is refused by name. */
function serviceOver(app: DesktopApp): FolioService {
  const call = async (name: string, input: unknown) => {
    const reply = await app.invoke(operationChannel(name), input ?? {});
    if ('result' in reply) return reply.result;
    // The handler's Error carries the core's error as JSON (`errorForRenderer`), after Electron's "Error: ".
    const { code, message, params } = JSON.parse(reply.error.slice(reply.error.indexOf('{'))) as {
      code: FolioErrorCode;
      message: string;
      params?: FolioError['params'];
    };
    throw new FolioError(code, message, undefined, params);
  };
  return new Proxy({} as FolioService, {
    get(_, member) {
      if (member === 'call') return call;
      if (member === 'then') return undefined;
      throw new Error(`FOLIO_SHELL=desktop: the service's ${String(member)} is inside the app; use call()`);
    },
  });
}

/**
 * The user's answer to a dialog: the host's choice where it has one; else a folder picker is cancelled, and a save
 * dialog accepted with its suggested name in the corpus's `.folio/exports/`, where the browser shell puts exports.
 */
async function answerWith(
  host: Omit<ServiceHost, 'preferences'>,
  corpus: string,
  dialog: DialogRequest,
): Promise<unknown> {
  if (dialog.type === 'open') {
    const folder = (await host.chooseFolder?.()) ?? null;
    return folder === null ? undefined : { canceled: false, filePaths: [folder] };
  }
  if (dialog.type !== 'save') return undefined;
  const name = String(dialog.options.defaultPath ?? '');
  const filters = (dialog.options.filters ?? []) as Array<{ extensions: string[] }>;
  const zip = filters.some((filter) => filter.extensions.includes('zip'));
  const exports = path.join(corpus, '.folio', 'exports');
  mkdirSync(exports, { recursive: true });
  const target = host.chooseExportTarget
    ? await host.chooseExportTarget(name, zip)
    : path.join(exports, name);
  return target === null ? undefined : { canceled: false, filePath: target };
}
