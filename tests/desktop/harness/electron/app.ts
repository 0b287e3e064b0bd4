// Electron's `app`: its name, version and paths from the app's package.json and the platform's folders, the
// ready event once Chromium is up, the single-instance lock, and the quit sequence (before-quit, windows closed,
// will-quit, quit, exit), as Electron's documentation describes them for Linux.

import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ElectronEvent } from './event';
import { CONNECT, QUITTING, START } from './internal';

interface AppPackage {
  name: string;
  productName?: string;
  version: string;
}

/** Hooks the other stand-in modules give the app: its windows, and the browser behind them. */
export interface AppInternals {
  windows(): Array<{ close(): void; isDestroyed(): boolean }>;
  launchBrowser(userData: string): Promise<void>;
  closeBrowser(): Promise<void>;
}

const LOCK = 'stand-in-singleton.lock';
const SOCKET = 'stand-in-singleton.sock';

/** The stand-in's `app`. */
export class App extends EventEmitter {
  /** Whether the app runs from a package: set by the harness's packaged mode (`FOLIO_HARNESS_RESOURCES`). */
  readonly isPackaged: boolean;
  #appPath: string;
  #package: AppPackage;
  #paths = new Map<string, string>();
  #ready = false;
  #readyPromise: Promise<void>;
  #resolveReady!: () => void;
  #quitting = false;
  #internals: AppInternals | null = null;
  #lock: { server: net.Server; lockFile: string } | null = null;
  #notifying: Promise<void> = Promise.resolve();

  constructor(mainScript: string, packaged: boolean) {
    super();
    this.isPackaged = packaged;
    this.#appPath = findAppPath(mainScript);
    this.#package = JSON.parse(readFileSync(path.join(this.#appPath, 'package.json'), 'utf8')) as AppPackage;
    this.#readyPromise = new Promise((resolve) => (this.#resolveReady = resolve));
  }

  get name(): string {
    return this.#package.productName ?? this.#package.name;
  }

  getName(): string {
    return this.name;
  }

  getVersion(): string {
    return this.#package.version;
  }

  /** The folder of the app's package.json (inside `app.asar` when packaged). */
  getAppPath(): string {
    return this.#appPath;
  }

  /** Electron's paths on Linux: `appData` is `$XDG_CONFIG_HOME` (or `~/.config`), `userData` the app's folder in it. */
  getPath(name: string): string {
    const set = this.#paths.get(name);
    if (set) return set;
    const home = os.homedir();
    const appData = process.env.XDG_CONFIG_HOME || path.join(home, '.config');
    const userData = this.#paths.get('userData') ?? path.join(appData, this.name);
    const paths: Record<string, string> = {
      home,
      appData,
      userData,
      sessionData: userData,
      temp: os.tmpdir(),
      exe: process.execPath,
      desktop: path.join(home, 'Desktop'),
      documents: path.join(home, 'Documents'),
      downloads: path.join(home, 'Downloads'),
      logs: path.join(userData, 'logs'),
      crashDumps: path.join(userData, 'Crashpad'),
    };
    const found = paths[name];
    if (!found) throw new Error(`Failed to get '${name}' path`);
    return found;
  }

  setPath(name: string, value: string): void {
    if (this.#ready && name === 'userData') throw new Error('userData cannot be changed after ready');
    this.#paths.set(name, value);
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#readyPromise;
  }

  /**
   * Electron's process singleton: true for the first instance on a `userData` folder. A later instance gets false,
   * and the first hears `second-instance` with its arguments and working folder.
   */
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    if (this.#lock) return true;
    const folder = this.getPath('userData');
    mkdirSync(folder, { recursive: true });
    const lockFile = path.join(folder, LOCK);
    const socket = path.join(folder, SOCKET);
    const owner = readOwner(lockFile);
    if (owner !== null && owner !== process.pid && isAlive(owner)) {
      this.#notifying = notifyFirstInstance(socket, {
        argv: process.argv,
        cwd: process.cwd(),
        additionalData,
      });
      return false;
    }
    writeFileSync(lockFile, String(process.pid), { flag: 'w' });
    rmSync(socket, { force: true });
    const server = net.createServer((connection) => {
      let text = '';
      connection.on('data', (chunk) => (text += chunk));
      connection.on('end', () => {
        const {
          argv,
          cwd,
          additionalData: data,
        } = JSON.parse(text) as {
          argv: string[];
          cwd: string;
          additionalData?: unknown;
        };
        this.emit('second-instance', new ElectronEvent(), argv, cwd, data);
      });
    });
    server.listen(socket);
    server.unref();
    this.#lock = { server, lockFile };
    process.once('exit', () => this.releaseSingleInstanceLock());
    return true;
  }

  hasSingleInstanceLock(): boolean {
    return this.#lock !== null;
  }

  releaseSingleInstanceLock(): void {
    if (!this.#lock) return;
    this.#lock.server.close();
    if (readOwner(this.#lock.lockFile) === process.pid) unlinkSync(this.#lock.lockFile);
    this.#lock = null;
  }

  /**
   * Electron's quit: `before-quit`, then every window is asked to close (a window that refuses stops the quit),
   * then `will-quit` and `quit`, then the process exits. `window-all-closed` is not emitted on this path.
   */
  quit(): void {
    if (this.#quitting) return;
    this.#quitting = true;
    const before = new ElectronEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return void (this.#quitting = false);
    for (const window of this.#internals?.windows() ?? []) window.close();
    if (this.#internals?.windows().some((window) => !window.isDestroyed()))
      return void (this.#quitting = false);
    const will = new ElectronEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return void (this.#quitting = false);
    this.emit('quit', new ElectronEvent(), 0);
    this.exit(0);
  }

  /** Ends the process at once: windows are closed without their `close` events, no quit events. */
  exit(exitCode = 0): void {
    this.#quitting = true;
    void this.#notifying.then(() => this.#internals?.closeBrowser()).finally(() => process.exit(exitCode));
  }

  /** @internal Connects the windows and the browser; called once by the stand-in's index. */
  [CONNECT](internals: AppInternals): void {
    this.#internals = internals;
  }

  /** @internal Starts Chromium, then emits `ready`; called by the bootstrap after the main script has loaded. */
  async [START](): Promise<void> {
    // `app.quit()` before ready (a second instance) ends the process before Chromium is ever started.
    if (this.#quitting) return;
    await this.#internals!.launchBrowser(this.getPath('userData'));
    this.#ready = true;
    this.emit('will-finish-launching');
    this.emit('ready', new ElectronEvent(), {});
    this.#resolveReady();
  }

  /** @internal Whether `quit()` is under way (closing windows then does not emit `window-all-closed`). */
  get [QUITTING](): boolean {
    return this.#quitting;
  }
}

// Electron's app path: the folder of the package.json nearest above the main script.
function findAppPath(mainScript: string): string {
  for (let dir = path.dirname(path.resolve(mainScript)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${mainScript}`);
  }
}

function readOwner(lockFile: string): number | null {
  try {
    return Number(readFileSync(lockFile, 'utf8')) || null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function notifyFirstInstance(socket: string, message: unknown): Promise<void> {
  return new Promise((resolve) => {
    const connection = net.connect(socket, () => connection.end(JSON.stringify(message)));
    connection.on('close', () => resolve());
    connection.on('error', () => resolve());
  });
}
