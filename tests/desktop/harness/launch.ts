import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { harnessBundle } from './build';
import type {
  Bounds,
  DesktopRecord,
  DialogRequest,
  MenuItemInfo,
  Request,
  ToApp,
  ToTest,
  WindowAction,
  WindowInfo,
} from './protocol';

/** The project's root, where package.json names the built main entry. */
export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The built main entry of the desktop app. */
export const MAIN_ENTRY = path.join(ROOT, 'out/main/index.js');

/** How the user answers a dialog: Electron's return value (`{ canceled, filePaths }`, …), or undefined to cancel. */
export type DialogAnswerer = (dialog: DialogRequest) => unknown;

export interface LaunchOptions {
  /** The folder that stands for `$XDG_CONFIG_HOME`: the app's `userData` is `<configHome>/<app name>`. */
  configHome: string;
  /** The main script (the built Folio app by default). */
  main?: string;
  /** Runs the app as packaged, with `process.resourcesPath` here. */
  resourcesPath?: string;
  /** Answers the app's dialogs as the user would; by default every dialog is cancelled. */
  answer?: DialogAnswerer;
}

/** One window of the app: its page in Chromium, and its native state. */
export interface DesktopWindow {
  id: number;
  page: Page;
  info(): Promise<WindowInfo>;
  act(action: WindowAction, bounds?: Partial<Bounds>): Promise<void>;
}

/** The desktop app running under the harness. */
export interface DesktopApp {
  userData: string;
  /** The first window, once its page exists. */
  firstWindow(): Promise<DesktopWindow>;
  /** Calls `channel` as the window's own page would through the preload, to the app's `ipcMain` handler. */
  invoke(channel: string, ...args: unknown[]): Promise<{ result: unknown } | { error: string }>;
  /** The application menu as it stands. */
  menu(): Promise<MenuItemInfo[] | null>;
  /** Clicks the menu item at `path` (labels from the menu bar down) in the focused window. */
  clickMenu(...path: string[]): Promise<void>;
  /** What the app showed or did outside its windows, and what its windows reported, in order. */
  records: DesktopRecord[];
  /** The dialogs the app opened, in order. */
  dialogs: DialogRequest[];
  /** What the app process printed (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code when the app process ends. */
  exited: Promise<number | null>;
  /** Quits as the app's own `app.quit()` would, and waits for the process to end. */
  quit(): Promise<number | null>;
}

/** Starts the app's main entry under the harness and waits until Electron's `ready` has been emitted. */
export async function launchDesktop(options: LaunchOptions): Promise<DesktopApp> {
  const bundle = await harnessBundle();
  const child = fork(path.join(bundle, 'bootstrap.js'), [options.main ?? MAIN_ENTRY], {
    cwd: ROOT,
    execArgv: ['--unhandled-rejections=warn'],
    env: appEnvironment(options),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const records: DesktopRecord[] = [];
  const dialogs: DialogRequest[] = [];
  const replies = new Map<number, (message: ToTest & { kind: 'reply' }) => void>();
  const windows: WindowInfo[] = [];
  const windowWaiters: Array<() => void> = [];
  let ready: (message: ToTest & { kind: 'ready' }) => void;
  const readied = new Promise<ToTest & { kind: 'ready' }>((resolve) => (ready = resolve));

  child.on('message', (message: ToTest) => {
    if (message.kind === 'ready') ready(message);
    else if (message.kind === 'record') records.push(message.record);
    else if (message.kind === 'window-created') {
      windows.push(message.window);
      windowWaiters.splice(0).forEach((wake) => wake());
    } else if (message.kind === 'dialog') {
      dialogs.push(message.dialog);
      void Promise.resolve(options.answer?.(message.dialog)).then((answer) =>
        send(child, { kind: 'dialog-answer', id: message.id, answer }),
      );
    } else {
      replies.get(message.id)?.(message);
      replies.delete(message.id);
    }
  });

  let nextRequest = 0;
  const request = (body: Request): Promise<unknown> => {
    const id = ++nextRequest;
    return new Promise((resolve, reject) => {
      replies.set(id, (reply) => (reply.ok ? resolve(reply.value) : reject(new Error(reply.error))));
      send(child, { kind: 'request', id, request: body });
      void exited.then(() => reject(new Error(`the app exited before answering ${body.kind}\n${output}`)));
    });
  };

  const started = await Promise.race([
    readied,
    exited.then((code) => {
      throw new Error(`the app exited (${code}) before it was ready:\n${output}`);
    }),
  ]);
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.connectOverCDP(started.cdpEndpoint);

  const pageOf = async (info: WindowInfo): Promise<Page> => {
    const context = browser.contexts()[0]!;
    for (;;) {
      for (const page of context.pages()) {
        const cdp = await context.newCDPSession(page);
        const { targetInfo } = await cdp.send('Target.getTargetInfo');
        await cdp.detach();
        if (targetInfo.targetId === info.targetId) return page;
      }
      await context.waitForEvent('page');
    }
  };

  const app: DesktopApp = {
    userData: started.userData,
    async firstWindow() {
      while (windows.length === 0) {
        await Promise.race([
          new Promise<void>((wake) => windowWaiters.push(wake)),
          exited.then((code) => {
            throw new Error(`the app exited (${code}) without opening a window:\n${output}`);
          }),
        ]);
      }
      const info = windows[0]!;
      const page = await pageOf(info);
      return {
        id: info.id,
        page,
        info: async () =>
          ((await request({ kind: 'windows' })) as WindowInfo[]).find((w) => w.id === info.id)!,
        act: async (action, bounds) =>
          void (await request({ kind: 'window', window: info.id, action, bounds })),
      };
    },
    async invoke(channel, ...args) {
      const window = windows[0];
      if (!window) throw new Error('the app has no window to call from');
      return (await request({ kind: 'invoke', window: window.id, channel, args })) as
        { result: unknown } | { error: string };
    },
    menu: () => request({ kind: 'menu' }) as Promise<MenuItemInfo[] | null>,
    clickMenu: async (...labels) => void (await request({ kind: 'click-menu', path: labels })),
    records,
    dialogs,
    output: () => output,
    exited,
    async quit() {
      if (child.exitCode === null) await request({ kind: 'quit' }).catch(() => {});
      const code = await Promise.race([exited, timeout(15_000)]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        throw new Error(`the app did not end within 15 s of quitting:\n${output}`);
      }
      await browser.close().catch(() => {});
      return code;
    },
  };
  return app;
}

// Electron's main process starts with the user's environment; the test runner's own settings stay out.
function appEnvironment(options: LaunchOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { XDG_CONFIG_HOME: options.configHome };
  for (const name of ['PATH', 'HOME', 'USER', 'LANG', 'TZ', 'TMPDIR', 'CHROMIUM_PATH'])
    if (process.env[name] !== undefined) env[name] = process.env[name];
  if (options.resourcesPath) env.FOLIO_HARNESS_RESOURCES = options.resourcesPath;
  return env;
}

function send(child: ChildProcess, message: ToApp): void {
  if (child.connected) child.send(message);
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}
