// The page's console as Electron's `console-message` sees it: console calls in either world, Chromium's own
// messages (a CSP refusal, a failed load) and uncaught exceptions, from the DevTools protocol's three sources.

import { ElectronEvent } from './event';
import type { WebFrameMain } from './webFrameMain';

/** Electron's levels of a console message. */
export type ConsoleLevel = 'info' | 'warning' | 'error' | 'debug';

/** One message, whichever source it came from. */
export interface ConsoleLine {
  level: ConsoleLevel;
  message: string;
  sourceId: string;
  lineNumber: number;
}

/** The fields of Runtime.consoleAPICalled the stand-in reads. */
export interface ConsoleApiCalled {
  type: string;
  args: Array<{ type: string; value?: unknown; description?: string }>;
  stackTrace?: { callFrames: Array<{ url: string; lineNumber: number }> };
}

/** The fields of Runtime.exceptionThrown's details the stand-in reads. */
export interface ExceptionDetails {
  text: string;
  exception?: { description?: string };
  url?: string;
  lineNumber: number;
}

const LEVELS: Record<string, ConsoleLevel> = {
  log: 'info',
  info: 'info',
  verbose: 'debug',
  debug: 'debug',
  warning: 'warning',
  error: 'error',
  assert: 'error',
  trace: 'info',
  dir: 'info',
  table: 'info',
};

/** A `console.*` call of the page or the preload. */
export function fromConsoleApi(event: ConsoleApiCalled): ConsoleLine {
  const message = event.args
    .map((arg) => (arg.value !== undefined ? String(arg.value) : (arg.description ?? arg.type)))
    .join(' ');
  const frame = event.stackTrace?.callFrames[0];
  return {
    level: LEVELS[event.type] ?? 'info',
    message,
    sourceId: frame?.url ?? '',
    lineNumber: (frame?.lineNumber ?? 0) + 1,
  };
}

/** An uncaught exception, as the console words it: "Uncaught Error: message". */
export function fromException(details: ExceptionDetails): ConsoleLine {
  const description = details.exception?.description?.split('\n')[0];
  return {
    level: 'error',
    message: description ? `${details.text} ${description}` : details.text,
    sourceId: details.url ?? '',
    lineNumber: details.lineNumber + 1,
  };
}

/** One of Chromium's own messages (Log.entryAdded): a refusal by the CSP, a resource that failed to load. */
export function fromLogEntry(entry: {
  level: string;
  text: string;
  url?: string;
  lineNumber?: number;
}): ConsoleLine {
  return {
    level: entry.level === 'verbose' ? 'debug' : (entry.level as ConsoleLevel),
    message: entry.text,
    sourceId: entry.url ?? '',
    lineNumber: (entry.lineNumber ?? 0) + 1,
  };
}

/** The first argument of Electron's `console-message`: the message's details as an event. */
export function consoleMessageEvent(line: ConsoleLine, frame: WebFrameMain) {
  return Object.assign(new ElectronEvent(), { ...line, frame });
}
