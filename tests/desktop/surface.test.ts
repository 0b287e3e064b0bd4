import { EventEmitter } from 'node:events';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { App } from './harness/electron/app';
import { BrowserWindow } from './harness/electron/browserWindow';
import { clipboard, shell } from './harness/electron/shell';
import { dialog } from './harness/electron/dialog';
import { ElectronEvent } from './harness/electron/event';
import { invokeEvent, IpcMain, sendEvent } from './harness/electron/ipcMain';
import { Menu, MenuItem } from './harness/electron/menu';
import { Session, session, WebRequest } from './harness/electron/session';
import { consoleMessageEvent } from './harness/electron/consoleMessages';
import { WebContents } from './harness/electron/webContents';
import { WebFrameMain } from './harness/electron/webFrameMain';
import { MAIN_ENTRY, ROOT } from './harness/launch';
import { createRendererElectron, rendererEvent } from './harness/page/rendererElectron';

// The stand-in must not drift from Electron: every member it implements must exist, as the same kind (a method,
// or a value), in the type declarations that ship with the `electron` package, which are there even where its
// binary could not be downloaded.

const DECLARATIONS = path.join(ROOT, 'node_modules/electron/electron.d.ts');
const STAND_IN_INDEX = path.join(ROOT, 'tests/desktop/harness/electron/index.ts');

type Kind = 'method' | 'value';

/** Electron's declared members of each type expression, by name, with their kind. */
function electronMembers(expressions: string[]): {
  members: Array<Map<string, Kind>>;
  exportsOf(file: string): Map<string, Kind>;
  defaultExportOf(file: string): string[];
} {
  const probe = path.join(ROOT, 'tests/desktop/__electron-surface__.ts');
  const source = expressions.map((expression, i) => `export type T${i} = ${expression};`).join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => (path.resolve(file) === probe ? source : readFile(file));
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  const program = ts.createProgram([probe, DECLARATIONS, STAND_IN_INDEX], options, host);
  const checker = program.getTypeChecker();
  const kinds = (symbols: ts.Symbol[], at: ts.Node) =>
    new Map(
      symbols.map((symbol) => {
        const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, at));
        const method = symbol.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Function);
        // `click: Function` (MenuItem's) is a method too, though TypeScript's `Function` has no call signature.
        const callable = type.getCallSignatures().length > 0 || type.getSymbol()?.name === 'Function';
        return [symbol.name, method || callable ? 'method' : 'value'] as const;
      }),
    );
  const probeFile = program.getSourceFile(probe)!;
  const aliases = probeFile.statements.filter(ts.isTypeAliasDeclaration);
  expect(aliases).toHaveLength(expressions.length);
  return {
    members: aliases.map((alias) => {
      const type = checker.getTypeAtLocation(alias.type);
      const missing = program
        .getSemanticDiagnostics(probeFile)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(missing).toEqual([]);
      return kinds(checker.getPropertiesOfType(type), alias);
    }),
    exportsOf(file) {
      const sourceFile = program.getSourceFile(file)!;
      const moduleSymbol = checker.getSymbolAtLocation(sourceFile)!;
      return kinds(checker.getExportsOfModule(moduleSymbol), sourceFile);
    },
    defaultExportOf(file) {
      const sourceFile = program.getSourceFile(file)!;
      const moduleSymbol = checker.getSymbolAtLocation(sourceFile)!;
      const fallback = checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.name === 'default')!;
      const type = checker.getTypeOfSymbolAtLocation(fallback, sourceFile);
      return checker.getPropertiesOfType(type).map((symbol) => symbol.name);
    },
  };
}

/** The stand-in's members of `value`: own and inherited, up to Node's EventEmitter (which Electron's types extend). */
function standInMembers(value: object): Map<string, Kind> {
  const emitterOwn = new Set(Object.getOwnPropertyNames(new EventEmitter()));
  const members = new Map<string, Kind>();
  for (let object: object | null = value; object; object = Object.getPrototypeOf(object)) {
    if ([Object.prototype, Function.prototype, EventEmitter.prototype, EventEmitter].includes(object)) break;
    const isClass = typeof object === 'function';
    for (const name of Object.getOwnPropertyNames(object)) {
      if (name === 'constructor' || members.has(name)) continue;
      if (isClass && ['length', 'name', 'prototype'].includes(name)) continue;
      if (object === value && emitterOwn.has(name) && value instanceof EventEmitter) continue;
      const descriptor = Object.getOwnPropertyDescriptor(object, name)!;
      const isMethod = !descriptor.get && typeof descriptor.value === 'function';
      members.set(name, isMethod ? 'method' : 'value');
    }
  }
  return members;
}

/** Each stand-in member that Electron lacks, or declares as another kind. */
function drift(name: string, standIn: Map<string, Kind>, electron: Map<string, Kind>): string[] {
  return [...standIn].flatMap(([member, kind]) => {
    const declared = electron.get(member);
    if (!declared) return [`${name}.${member} is not in Electron's types`];
    return declared === kind
      ? []
      : [`${name}.${member} is a ${kind} here but a ${declared} in Electron's types`];
  });
}

const renderer = createRendererElectron(
  () => {},
  () => ({ call: () => undefined, serve: () => {} }),
);
const frame = new WebFrameMain(new Map(), 'frame');

// Each piece of the stand-in, and the Electron type it stands for.
const PIECES: Array<[string, object, string]> = [
  ['app', new App(MAIN_ENTRY, false), 'Electron.App'],
  ['BrowserWindow', BrowserWindow, 'typeof Electron.BrowserWindow'],
  ['browserWindow', BrowserWindow.prototype, 'Electron.BrowserWindow'],
  ['webContents', WebContents.prototype, 'Electron.WebContents'],
  ['webFrameMain', frame, 'Electron.WebFrameMain'],
  ['ipcMain', new IpcMain(), 'Electron.IpcMain'],
  ['ipcMainInvokeEvent', invokeEvent({}, frame), 'Electron.IpcMainInvokeEvent'],
  ['ipcMainEvent', sendEvent({}, frame, () => {}), 'Electron.IpcMainEvent'],
  ['session', session, 'typeof Electron.Session'],
  ['defaultSession', new Session(), 'Electron.Session'],
  ['webRequest', new WebRequest(), 'Electron.WebRequest'],
  ['dialog', dialog, 'Electron.Dialog'],
  ['Menu', Menu, 'typeof Electron.Menu'],
  ['menu', new Menu(), 'Electron.Menu'],
  ['menuItem', new MenuItem({ label: 'Open', click: () => {} }), 'Electron.MenuItem'],
  ['shell', shell, 'Electron.Shell'],
  ['clipboard', clipboard, 'Electron.Clipboard'],
  ['event', new ElectronEvent(), 'Electron.Event'],
  [
    'consoleMessage',
    consoleMessageEvent({ level: 'error', message: 'm', lineNumber: 1, sourceId: 's' }, frame),
    'Electron.Event<Electron.WebContentsConsoleMessageEventParams>',
  ],
  ['ipcRenderer', renderer.module.ipcRenderer, 'Electron.IpcRenderer'],
  ['contextBridge', renderer.module.contextBridge, 'Electron.ContextBridge'],
  ['ipcRendererEvent', rendererEvent({}), 'Electron.IpcRendererEvent'],
];

describe("the stand-in's surface", () => {
  const electron = electronMembers([
    ...PIECES.map(([, , type]) => type),
    'typeof Electron.CrossProcessExports',
    'typeof Electron.Renderer',
  ]);
  const mainModule = electron.members[PIECES.length]!;
  const rendererModule = electron.members[PIECES.length + 1]!;

  it('implements only members that Electron declares, each as the same kind', () => {
    const problems = PIECES.flatMap(([name, value], i) =>
      drift(name, standInMembers(value), electron.members[i]!),
    );
    expect(problems).toEqual([]);
    // The comparison sees what it should: a real surface on each side.
    expect(standInMembers(PIECES[0]![1]).size).toBeGreaterThan(10);
    expect(electron.members[0]!.get('requestSingleInstanceLock')).toBe('method');
  });

  it("exports, as the main process's and the preload's `electron` module, only what Electron's exports", () => {
    const exported = electron.exportsOf(STAND_IN_INDEX);
    const named = [...exported.keys()].filter((name) => name !== 'default');
    expect(named.filter((name) => !mainModule.has(name))).toEqual([]);
    expect(named).toEqual(
      expect.arrayContaining(['app', 'BrowserWindow', 'ipcMain', 'dialog', 'Menu', 'session']),
    );
    // electron-store imports Electron's CommonJS module whole: the default export is the same set.
    expect(electron.defaultExportOf(STAND_IN_INDEX).sort()).toEqual(named.sort());
    expect(Object.keys(renderer.module).filter((name) => !rendererModule.has(name))).toEqual([]);
  });

  it('would catch a member Electron does not have, and one of the wrong kind', () => {
    const fake = { getPath: () => '', isPackaged: false, getVersion: 'not a method', shutdown: () => {} };
    expect(drift('app', standInMembers(fake), electron.members[0]!)).toEqual([
      "app.getVersion is a value here but a method in Electron's types",
      "app.shutdown is not in Electron's types",
    ]);
  });
});
