// Keys of what the stand-in's modules share with each other and the harness but not with the app. Symbols, so the
// surface test, which compares every string-named member with Electron's types, never meets them; from the
// global registry, so the bootstrap, bundled apart from the stand-in, names the same ones.

/** The app's hook to its windows and browser. */
export const CONNECT: unique symbol = Symbol.for('electron-stand-in.connect');
/** Starts the app: Chromium, then `ready`. */
export const START: unique symbol = Symbol.for('electron-stand-in.start');
/** Whether the app is quitting. */
export const QUITTING: unique symbol = Symbol.for('electron-stand-in.quitting');
/** A window's or webContents' internals. */
export const INTERNALS: unique symbol = Symbol.for('electron-stand-in.internals');
/** Runs an `ipcMain` handler as an invoke from a renderer would. */
export const INVOKE: unique symbol = Symbol.for('electron-stand-in.invoke');
