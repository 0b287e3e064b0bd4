// The two scripts every document of a window starts with: the main world's half of the context bridge, and, in
// the isolated world, the sandboxed preload's runtime followed by the preload file itself, wrapped as Electron
// wraps a sandboxed preload (a function of `require`, `module`, `exports`, `process`, `Buffer`, `global`).

import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const bundle = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

/** The init scripts of a window whose `webPreferences.preload` is `preloadPath` (or none). */
export function windowScripts(preloadPath: string | undefined): { mainWorld: string; preloadWorld: string } {
  let body: string;
  try {
    body = preloadPath === undefined ? '' : readFileSync(preloadPath, 'utf8');
    // A syntax error would stop the whole init script; Electron reports it as the preload's error instead.
    new vm.Script(wrap(body), { filename: preloadPath });
  } catch (error) {
    body = `throw new Error(${JSON.stringify((error as Error).message)});`;
  }
  return {
    mainWorld: bundle('main-world.js'),
    preloadWorld: `${bundle('preload-world.js')}\n;__electronRunPreload(${wrap(body)}, ${JSON.stringify(preloadPath ?? '')});`,
  };
}

function wrap(body: string): string {
  return `(function (require, module, exports, process, Buffer, global) {\n${body}\n})`;
}
