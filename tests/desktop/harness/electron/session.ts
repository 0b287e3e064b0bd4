// Electron's `session`: the default session that every window shares, with the one `webRequest` hook the app
// uses, `onHeadersReceived`, which sees each response of a window's page (file:// ones too, as in Electron 9
// and later) and may replace its headers or cancel it. The windows call it through `INTERNALS`.

import { EventEmitter } from 'node:events';
import { INTERNALS } from './internal';

/** The details Electron gives an `onHeadersReceived` listener (the members the stand-in knows). */
export interface HeadersReceivedDetails {
  id: number;
  url: string;
  method: string;
  resourceType: string;
  referrer: string;
  timestamp: number;
  statusLine: string;
  statusCode: number;
  responseHeaders: Record<string, string[]>;
  webContentsId: number;
  webContents: unknown;
  frame: unknown;
}

/** What the listener answers. */
export interface HeadersReceivedResponse {
  cancel?: boolean;
  responseHeaders?: Record<string, string | string[]>;
  statusLine?: string;
}

type Listener = (
  details: HeadersReceivedDetails,
  callback: (response: HeadersReceivedResponse) => void,
) => void;
interface Filter {
  urls: string[];
}

/** The stand-in's `WebRequest`. */
export class WebRequest {
  #headersReceived: { filter: Filter | null; listener: Listener } | null = null;

  /** Sets (or, with null, removes) the one listener; a new one replaces the last, as in Electron. */
  onHeadersReceived(filterOrListener: Filter | Listener | null, listener?: Listener | null): void {
    const [filter, hook] =
      typeof filterOrListener === 'function' || filterOrListener === null
        ? [null, filterOrListener]
        : [filterOrListener, listener ?? null];
    this.#headersReceived = hook ? { filter, listener: hook } : null;
  }

  /** Asks the listener about one response; null when no listener wants it. */
  [INTERNALS](details: HeadersReceivedDetails): Promise<HeadersReceivedResponse> | null {
    const hook = this.#headersReceived;
    if (!hook || (hook.filter && !hook.filter.urls.some((pattern) => matches(pattern, details.url))))
      return null;
    return new Promise((resolve) => hook.listener(details, resolve));
  }
}

/** The stand-in's `Session`. */
export class Session extends EventEmitter {
  readonly webRequest = new WebRequest();
}

const defaultSession = new Session();

/** The stand-in's `session` module. */
export const session = {
  get defaultSession(): Session {
    return defaultSession;
  },
};

// Electron's URL patterns: `<all_urls>`, or a URL with `*` for any run of characters.
function matches(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${source}$`).test(url);
}
