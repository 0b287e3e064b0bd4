// What the test process and the app process say to each other (over Node's IPC channel of the forked app, with
// the advanced serialisation, which is the structured clone), and the names the stand-in uses inside each
// window's page. Shapes only: both sides import this file.

/** The isolated world the preload runs in (Electron's world 999). */
export const PRELOAD_WORLD = 'electron-preload';
/** The DevTools binding through which the preload's world reaches the main process; only that world has it. */
export const IPC_BINDING = '__electronIpc';
/** The function the main process calls in the preload's world to deliver replies and messages. */
export const IPC_DELIVER = '__electronDeliver';

/** A window as the test sees it. */
export interface WindowInfo {
  id: number;
  /** The DevTools target of the window's page, to find it from another connection. */
  targetId: string;
  bounds: Bounds;
  visible: boolean;
  maximized: boolean;
  minimized: boolean;
  focused: boolean;
  url: string;
  /** The preload script its webPreferences name. */
  preload: string | null;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A native menu item as the test sees it (the application menu, serialised). */
export interface MenuItemInfo {
  label: string;
  type: string;
  role: string | null;
  accelerator: string | null;
  enabled: boolean;
  submenu: MenuItemInfo[] | null;
}

/** What the app shows or does outside its windows, and what its windows report: the test's view of the desktop. */
export type DesktopRecord =
  | { type: 'open-external'; url: string }
  | { type: 'show-item-in-folder'; path: string }
  | { type: 'open-path'; path: string }
  | { type: 'clipboard'; text: string }
  | { type: 'error-box'; title: string; content: string }
  | {
      type: 'console-message';
      window: number;
      level: 'info' | 'warning' | 'error' | 'debug';
      message: string;
      sourceId: string;
      lineNumber: number;
      /** Whether the app had a `console-message` listener on the window's webContents to hear it. */
      heard: boolean;
    }
  | { type: 'preload-error'; window: number; path: string; message: string; heard: boolean }
  | { type: 'render-process-gone'; window: number; reason: string; heard: boolean }
  | { type: 'did-fail-load'; window: number; url: string; description: string };

/** A native dialog the app opened, which the test answers as the user would. */
export type DialogRequest =
  | { type: 'open'; options: Record<string, unknown> }
  | { type: 'save'; options: Record<string, unknown> }
  | { type: 'message-box'; options: Record<string, unknown> };

/** Requests from the test to the app process. */
export type Request =
  | { kind: 'invoke'; window: number; channel: string; args: unknown[] }
  | { kind: 'windows' }
  | { kind: 'menu' }
  | { kind: 'click-menu'; path: string[] }
  | { kind: 'window'; window: number; action: WindowAction; bounds?: Partial<Bounds> }
  | { kind: 'quit' };

export type WindowAction = 'close' | 'maximize' | 'unmaximize' | 'minimize' | 'restore' | 'set-bounds';

/** Messages from the test process to the app process. */
export type ToApp =
  { kind: 'request'; id: number; request: Request } | { kind: 'dialog-answer'; id: number; answer: unknown };

/** Messages from the app process to the test process. */
export type ToTest =
  | { kind: 'ready'; cdpEndpoint: string; userData: string }
  | { kind: 'window-created'; window: WindowInfo }
  | { kind: 'record'; record: DesktopRecord }
  | { kind: 'dialog'; id: number; dialog: DialogRequest }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string };
