import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FolioError } from '../core';
import { EVENTS, OPERATIONS, type OperationName } from '../contract/operations';
import type { FolioService } from '../service/folioService';
import { DOWNLOAD_PATH, removeOffered, type DownloadOffers } from './downloads';

/** How to start the browser shell's server. */
export interface WebServerOptions {
  service: FolioService;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** The exports the service offers (its host's `offerDownload`), served once each, then removed. */
  downloads?: DownloadOffers;
}

/** A running browser shell. */
export interface WebServer {
  /** The address to open, token included. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * Serves the renderer and the API contract on 127.0.0.1 only. Every API request needs the per-start token;
 * the Host header must name this server (no DNS rebinding) and a browser Origin must be this server's own.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const sseClients = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // The path only: the query may hold the token.
      const where = (request.url ?? '/').split('?')[0];
      console.error(`[folio web] ${request.method} ${where}: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'internal error' } });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'invalid-input', message: 'the address is not validly encoded' },
      });
    }
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return sendJson(response, 421, {
        ok: false,
        error: { code: 'forbidden', message: 'unexpected Host header' },
      });
    }
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) {
      return sendJson(response, 403, {
        ok: false,
        error: { code: 'forbidden', message: 'cross-origin request refused' },
      });
    }
    if (url.pathname.startsWith('/api/')) {
      const given = String(request.headers['x-folio-token'] ?? url.searchParams.get('token') ?? '');
      if (!sameToken(given, token)) {
        return sendJson(response, 401, {
          ok: false,
          error: { code: 'unauthorized', message: 'missing or wrong token' },
        });
      }
      if (url.pathname === '/api/events' && request.method === 'GET') return openEventStream(response);
      if (url.pathname.startsWith(DOWNLOAD_PATH) && request.method === 'GET') {
        return serveDownload(url.pathname.slice(DOWNLOAD_PATH.length), response);
      }
      const name = url.pathname.slice('/api/call/'.length);
      if (!url.pathname.startsWith('/api/call/') || !Object.hasOwn(OPERATIONS, name)) {
        return sendJson(response, 404, {
          ok: false,
          error: { code: 'not-found', message: `no operation ${url.pathname}` },
        });
      }
      if (
        request.method !== 'POST' ||
        !String(request.headers['content-type']).startsWith('application/json')
      ) {
        return sendJson(response, 415, {
          ok: false,
          error: { code: 'invalid-input', message: 'POST application/json expected' },
        });
      }
      return callOperation(name as OperationName, request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, {
        ok: false,
        error: { code: 'invalid-input', message: 'method not allowed' },
      });
    }
    return serveStatic(pathname, response);
  }

  async function callOperation(
    name: OperationName,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    let input: unknown;
    try {
      input = JSON.parse(await readBody(request));
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return sendJson(response, 413, {
          ok: false,
          error: { code: 'invalid-input', message: error.message },
        });
      }
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'invalid-input', message: `body is not JSON: ${(error as Error).message}` },
      });
    }
    try {
      const result = await options.service.call(name, input);
      sendJson(response, 200, { ok: true, result: result ?? null });
    } catch (error) {
      if (!(error instanceof FolioError)) throw error;
      sendJson(response, statusOf(error), {
        ok: false,
        error: { code: error.code, message: error.message, params: error.params },
      });
    }
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    sseClients.add(response);
    response.on('close', () => sseClients.delete(response));
  }

  /** Sends an offered file as an attachment, once: taken before the first byte, removed after the last. */
  async function serveDownload(id: string, response: ServerResponse): Promise<void> {
    const offered = options.downloads?.take(id) ?? null;
    if (!offered) {
      return sendJson(response, 404, {
        ok: false,
        error: { code: 'not-found', message: 'no such download: it was fetched already, or has expired' },
      });
    }
    try {
      const { size } = await fs.stat(offered.file);
      response.writeHead(200, {
        'content-type': offered.name.endsWith('.zip') ? 'application/zip' : 'application/octet-stream',
        'content-length': size,
        'content-disposition': attachment(offered.name),
        'content-security-policy': "default-src 'none'; sandbox",
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      await pipeline(createReadStream(offered.file), response);
    } finally {
      await removeOffered(offered.file);
    }
  }

  const disposers = EVENTS.map((event) =>
    options.service.on(event, (payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of sseClients) client.write(frame);
    }),
  );

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const root = path.resolve(options.rendererDir);
    const relative = pathname === '/' ? '/index.html' : pathname;
    const file = path.resolve(root, `.${relative}`);
    // Paths are resolved and checked so `..` can never leave the renderer folder.
    const inside = file.startsWith(root + path.sep);
    const stat = inside ? await fs.stat(file).catch(() => null) : null;
    if (!stat?.isFile()) {
      response.writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  // `localhost` names this server as well as 127.0.0.1 does: a user may well type it.
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([origin, `http://localhost:${port}`]);
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      disposers.forEach((dispose) => dispose());
      await options.downloads?.dispose();
      for (const client of sseClients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A Content-Disposition naming the file for every browser: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function statusOf(error: FolioError): number {
  switch (error.code) {
    case 'unknown-report':
      return 404;
    case 'changed-on-disk':
    case 'corrupt-sidecar':
    case 'merge-conflict':
      return 409;
    case 'outside-corpus':
      return 403;
    case 'disk-full':
      return 507;
    case 'read-only':
    case 'unwritable':
    case 'name-too-long':
    case 'not-a-folder':
    case 'unreadable':
      return 500;
    default:
      return 400;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

class BodyTooLarge extends Error {}

/** The request's body; over the limit, what is left is read and thrown away, so the reply can be sent. */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) tooLarge = true;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => {
      if (tooLarge) {
        reject(
          new BodyTooLarge(`the request is over the ${MAX_BODY_BYTES / 1024 / 1024} MB a call may send`),
        );
      } else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}
