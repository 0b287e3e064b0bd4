// Electron's `BrowserWindow`: a Chromium page of the stand-in's browser, whose viewport is the window's content
// (the stand-in draws no frame or menu bar), with Electron's window state (bounds, normal bounds while
// maximized, visibility, focus, minimized) and events, and Electron's close sequence.

import { EventEmitter } from 'node:events';
import type { Bounds, WindowInfo } from '../protocol';
import { ElectronEvent } from './event';
import { INTERNALS } from './internal';
import type { IpcMain } from './ipcMain';
import { WebContents } from './webContents';

/** The screen's work area, which a maximized window fills. */
export const SCREEN: Bounds = { x: 0, y: 0, width: 1920, height: 1080 };

interface Options {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  show?: boolean;
  title?: string;
  webPreferences?: {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
    nodeIntegrationInSubFrames?: boolean;
  };
}

/** What the windows need of the rest of the stand-in. */
export interface WindowHost {
  ipcMain: IpcMain;
  /** Called when a window is gone: the app decides whether to quit. */
  closed(window: BrowserWindow): void;
  created(info: WindowInfo): void;
}

let host: WindowHost | null = null;
let nextId = 0;
const windows: BrowserWindow[] = [];
let focusedId: number | null = null;

/** The stand-in's `BrowserWindow`. */
export class BrowserWindow extends EventEmitter {
  #id = ++nextId;
  #webContents: WebContents;
  #bounds: Bounds;
  #normalBounds: Bounds;
  #minimum: { width: number; height: number };
  #visible: boolean;
  #maximized = false;
  #minimized = false;
  #destroyed = false;
  #title: string;
  #preload: string | null;

  static getAllWindows(): BrowserWindow[] {
    return [...windows];
  }

  static getFocusedWindow(): BrowserWindow | null {
    return windows.find((window) => window.id === focusedId) ?? null;
  }

  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return windows.find((window) => window.webContents === contents) ?? null;
  }

  static fromId(id: number): BrowserWindow | null {
    return windows.find((window) => window.id === id) ?? null;
  }

  constructor(options: Options = {}) {
    super();
    if (!host) throw new Error('BrowserWindow: the stand-in is not connected to the app');
    const preferences = options.webPreferences ?? {};
    // What the stand-in implements: Electron's secure defaults, which Folio keeps.
    if (
      preferences.contextIsolation === false ||
      preferences.sandbox === false ||
      preferences.nodeIntegration
    )
      throw new Error('the stand-in opens sandboxed, context-isolated windows without Node only');
    this.#minimum = { width: options.minWidth ?? 0, height: options.minHeight ?? 0 };
    const width = Math.max(options.width ?? 800, this.#minimum.width);
    const height = Math.max(options.height ?? 600, this.#minimum.height);
    this.#bounds = {
      x: options.x ?? Math.round((SCREEN.width - width) / 2),
      y: options.y ?? Math.round((SCREEN.height - height) / 2),
      width,
      height,
    };
    this.#normalBounds = this.#bounds;
    this.#visible = options.show !== false;
    this.#title = options.title ?? '';
    this.#preload = preferences.preload ?? null;
    this.#webContents = new WebContents({
      id: this.#id,
      preload: preferences.preload,
      viewport: { width, height },
      ipcMain: host.ipcMain,
      onFirstLoad: () => this.emit('ready-to-show', new ElectronEvent()),
    });
    windows.push(this);
    if (this.#visible) focusedId = this.#id;
    const announce = host.created;
    void this.#webContents[INTERNALS].targetId().then(() => this.#info().then(announce));
  }

  get id(): number {
    return this.#id;
  }

  get webContents(): WebContents {
    return this.#webContents;
  }

  loadURL(url: string): Promise<void> {
    return this.#webContents.loadURL(url);
  }

  loadFile(filePath: string, options?: { query?: Record<string, string>; search?: string; hash?: string }) {
    return this.#webContents.loadFile(filePath, options);
  }

  show(): void {
    this.#visible = true;
    this.#minimized = false;
    this.emit('show', new ElectronEvent());
    this.focus();
  }

  hide(): void {
    this.#visible = false;
    this.emit('hide', new ElectronEvent());
  }

  isVisible(): boolean {
    return this.#visible && !this.#minimized;
  }

  focus(): void {
    if (focusedId === this.#id) return;
    const before = BrowserWindow.getFocusedWindow();
    focusedId = this.#id;
    before?.emit('blur', new ElectronEvent());
    this.emit('focus', new ElectronEvent());
    void this.#webContents.focus();
  }

  isFocused(): boolean {
    return focusedId === this.#id;
  }

  maximize(): void {
    if (this.#maximized) return;
    this.#normalBounds = this.#bounds;
    this.#maximized = true;
    this.#resize(SCREEN);
    this.emit('maximize', new ElectronEvent());
  }

  unmaximize(): void {
    if (!this.#maximized) return;
    this.#maximized = false;
    this.#resize(this.#normalBounds);
    this.emit('unmaximize', new ElectronEvent());
  }

  isMaximized(): boolean {
    return this.#maximized;
  }

  minimize(): void {
    this.#minimized = true;
    if (focusedId === this.#id) focusedId = null;
    this.emit('minimize', new ElectronEvent());
  }

  restore(): void {
    if (!this.#minimized) return;
    this.#minimized = false;
    this.emit('restore', new ElectronEvent());
  }

  isMinimized(): boolean {
    return this.#minimized;
  }

  getBounds(): Bounds {
    return { ...this.#bounds };
  }

  /** Moves and resizes the window (the window manager's doing, when the user drags it). */
  setBounds(bounds: Partial<Bounds>): void {
    const next = { ...this.#bounds, ...bounds };
    next.width = Math.max(next.width, this.#minimum.width);
    next.height = Math.max(next.height, this.#minimum.height);
    if (this.#maximized) this.unmaximize();
    this.#normalBounds = next;
    this.#resize(next);
  }

  /** The bounds the window has when neither maximized nor minimized. */
  getNormalBounds(): Bounds {
    return { ...(this.#maximized ? this.#normalBounds : this.#bounds) };
  }

  getSize(): [number, number] {
    return [this.#bounds.width, this.#bounds.height];
  }

  setSize(width: number, height: number): void {
    this.setBounds({ width, height });
  }

  getContentSize(): [number, number] {
    return this.getSize();
  }

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): void {
    this.#title = title;
  }

  /** Asks the window to close: `close` may be prevented; otherwise the window goes (`closed`). */
  close(): void {
    if (this.#destroyed) return;
    const event = new ElectronEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  /** Closes the window at once, without `close`. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    windows.splice(windows.indexOf(this), 1);
    if (focusedId === this.#id) focusedId = null;
    void this.#webContents[INTERNALS].destroy();
    this.emit('closed', new ElectronEvent());
    host?.closed(this);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** The window as the test sees it. */
  async [INTERNALS](): Promise<WindowInfo> {
    return this.#info();
  }

  async #info(): Promise<WindowInfo> {
    return {
      id: this.#id,
      targetId: await this.#webContents[INTERNALS].targetId(),
      bounds: this.getBounds(),
      visible: this.isVisible(),
      maximized: this.#maximized,
      minimized: this.#minimized,
      focused: this.isFocused(),
      url: this.#webContents.getURL(),
      preload: this.#preload,
    };
  }

  #resize(bounds: Bounds): void {
    this.#bounds = { ...bounds };
    void this.#webContents[INTERNALS].resize({ width: bounds.width, height: bounds.height });
    this.emit('resize', new ElectronEvent());
    this.emit('resized', new ElectronEvent());
  }
}

/** Connects the windows to the rest of the stand-in; called once by its index. */
export function connectWindows(windowHost: WindowHost): void {
  host = windowHost;
}
