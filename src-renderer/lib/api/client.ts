import { OPERATION_NAMES } from '../../../src-main/contract/channels';
import type { EventName, ExportDownload, FolioApi, FolioEvents } from '../../../src-main/contract/operations';
import type { ErrorParams } from '../../../src-main/contract/vocabulary';

/** An API failure with the core's error code (`unknown-report`, `changed-on-disk`, `invalid-input`, …). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The renderer's only door to the core: the contract's operations and events, over whichever transport. */
export interface FolioClient {
  api: FolioApi;
  on<E extends EventName>(event: E, listener: (payload: FolioEvents[E]) => void): () => void;
  /** Which shell the window runs in: the desktop app (the preload's bridge) or a browser (the web shell). */
  shell: 'desktop' | 'browser';
  /** Fetches an export the browser shell offers and hands it to the browser to save, as a downloaded file. */
  download(offer: ExportDownload): Promise<void>;
}

interface Bridge {
  api: Record<string, (input: unknown) => Promise<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Picks the transport: the desktop preload's bridge when present, HTTP to the browser shell otherwise. */
export function createClient(): FolioClient {
  const bridge = (globalThis as { folioBridge?: Bridge }).folioBridge;
  return bridge ? bridgeClient(bridge) : httpClient(takeToken());
}

function bridgeClient(bridge: Bridge): FolioClient {
  const api = Object.fromEntries(
    OPERATION_NAMES.map((name) => [
      name,
      (input: unknown) =>
        bridge.api[name]!(input ?? {}).catch((error: Error) => Promise.reject(parseBridgeError(error))),
    ]),
  ) as unknown as FolioApi;
  return {
    api,
    on: (event, listener) => bridge.on(event, listener as (payload: unknown) => void),
    shell: 'desktop',
    download: () =>
      Promise.reject(new ApiError('invalid-input', 'the desktop app saves exports where the user chooses')),
  };
}

function parseBridgeError(error: Error): ApiError {
  // Electron prefixes the thrown message with "Error invoking remote method …: Error: "; the JSON follows.
  const json = error.message.slice(error.message.indexOf('{'));
  try {
    const parsed = JSON.parse(json) as { code: string; message: string; params?: ErrorParams };
    return new ApiError(parsed.code, parsed.message, parsed.params);
  } catch {
    return new ApiError('internal', error.message);
  }
}

/** The browser shell's token: taken from the address once, then kept for this tab only. */
function takeToken(): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('folio-token', fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url);
  }
  return fromUrl ?? sessionStorage.getItem('folio-token') ?? '';
}

function httpClient(token: string): FolioClient {
  const api = Object.fromEntries(
    OPERATION_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        const response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-folio-token': token },
          body: JSON.stringify(input ?? {}),
        });
        const body = (await response.json().catch(() => null)) as
          | { ok: true; result: unknown }
          | { ok: false; error: { code: string; message: string; params?: ErrorParams } }
          | null;
        if (!body) throw new ApiError('internal', `${name}: HTTP ${response.status}`);
        if (!body.ok) throw new ApiError(body.error.code, body.error.message, body.error.params);
        return body.result;
      },
    ]),
  ) as unknown as FolioApi;
  let source: EventSource | null = null;
  return {
    api,
    shell: 'browser',
    async download({ url, name }) {
      // Fetched with the token in a header, not the address, so it stays out of the browser's download list.
      const response = await fetch(url, { headers: { 'x-folio-token': token } });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { code: string; message: string };
        } | null;
        throw new ApiError(
          body?.error?.code ?? 'internal',
          body?.error?.message ?? `download: HTTP ${response.status}`,
        );
      }
      const href = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = href;
      link.download = name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: the browser reads the file after the click returns.
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    },
    on(event, listener) {
      source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
      source.addEventListener(event, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
}

/** The one client of this window. */
export const client: FolioClient = createClient();
