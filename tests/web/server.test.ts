import { request } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FolioService } from '../../src-main/service/folioService';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { copySampleCorpus, SAMPLE_IDS, tempDir } from '../helpers/corpora';
import { sendRaw } from '../helpers/http';
import { openService } from '../helpers/service';

/** A raw request whose reply body is read as UTF-8 text. */
async function send(...args: Parameters<typeof sendRaw>) {
  const reply = await sendRaw(...args);
  return { ...reply, body: reply.body.toString('utf8') };
}

function call(server: WebServer, name: string, input: unknown, headers: Record<string, string> = {}) {
  return send(server, `/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-folio-token': server.token, ...headers },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  });
}

let server: WebServer | null = null;
let service: FolioService | null = null;

afterEach(async () => {
  await server?.close();
  await service?.close();
  server = null;
  service = null;
});

async function start(): Promise<WebServer> {
  service = await openService(copySampleCorpus());
  const rendererDir = tempDir();
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ service, rendererDir });
  return server;
}

describe('browser shell server', () => {
  it('listens on 127.0.0.1 only and prints an address with the token', async () => {
    const web = await start();
    expect(web.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(web.url).toBe(`${web.origin}/?token=${web.token}`);
    expect(web.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a Content-Security-Policy and never outside its folder', async () => {
    const web = await start();
    const index = await send(web, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await send(web, '/assets/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await send(web, '/../../package.json')).status).toBe(404);
    expect((await send(web, '/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });

  it('answers a call with a valid token', async () => {
    const web = await start();
    const reply = await call(web, 'listReports', { limit: 2 });
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body.result.total).toBe(5);
    expect(body.result.rows.map((r: { id: string }) => r.id)).toEqual(SAMPLE_IDS.slice(0, 2));
  });

  it('refuses a request without the token or with a wrong one', async () => {
    const web = await start();
    const none = await send(web, '/api/call/corpusInfo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect((await call(web, 'corpusInfo', {}, { 'x-folio-token': 'guess' })).status).toBe(401);
    expect((await send(web, '/api/events')).status).toBe(401);
  });

  it('refuses a cross-site Origin and a foreign Host (DNS rebinding)', async () => {
    const web = await start();
    const crossSite = await call(web, 'corpusInfo', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const rebinding = await call(web, 'corpusInfo', {}, { host: `evil.example:${new URL(web.origin).port}` });
    expect(rebinding.status).toBe(421);
    expect((await call(web, 'corpusInfo', {}, { origin: web.origin })).status).toBe(200);
  });

  it('refuses malformed payloads with a clear error', async () => {
    const web = await start();
    const notJson = await call(web, 'getReport', '{"id": ');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toMatch(/body is not JSON/);
    const wrongShape = await call(web, 'setStatus', { ids: [SAMPLE_IDS[0]], status: 'finished' });
    expect(wrongShape.status).toBe(400);
    expect(JSON.parse(wrongShape.body).error).toEqual({
      code: 'invalid-input',
      message: expect.stringMatching(/^setStatus: invalid input at status: /),
    });
    const extra = await call(web, 'getReport', { id: SAMPLE_IDS[0], path: '/etc/passwd' });
    expect(JSON.parse(extra.body).error.message).toMatch(/Unrecognized key/);
    expect((await call(web, 'getReport', { id: '../../etc/passwd' })).status).toBe(404);
    expect((await call(web, 'noSuchOperation', {})).status).toBe(404);
  });

  it('answers a malformed address with 400 and an oversized body with 413, logging no token', async () => {
    const web = await start();
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      const malformed = await send(web, `/%?token=${web.token}`);
      expect(malformed.status).toBe(400);
      expect(JSON.parse(malformed.body).error.message).toBe('the address is not validly encoded');
      const huge = await call(web, 'saveCorrection', {
        id: SAMPLE_IDS[0],
        text: 'x'.repeat(33 * 1024 * 1024),
      });
      expect(huge.status).toBe(413);
      expect(JSON.parse(huge.body).error.message).toMatch(/over the 32 MB a call may send/);
      expect((await call(web, 'corpusInfo', {})).status).toBe(200);
    } finally {
      console.error = original;
    }
    expect(logged.join('\n')).not.toContain(web.token);
  });

  it('marks every response nosniff and no-store, and takes localhost as this server', async () => {
    const web = await start();
    const port = new URL(web.origin).port;
    const replies = [
      await send(web, '/'),
      await send(web, '/missing.js'),
      await call(web, 'corpusInfo', {}),
      await call(web, 'getReport', { id: 'none' }),
      await send(web, '/api/call/corpusInfo', { method: 'POST', body: '{}' }),
    ];
    for (const reply of replies) {
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['cache-control']).toBe('no-store');
    }
    const fromLocalhost = await call(
      web,
      'corpusInfo',
      {},
      { host: `localhost:${port}`, origin: `http://localhost:${port}` },
    );
    expect(fromLocalhost.status).toBe(200);
  });

  it('answers an operating-system error with its sentence, never a stack trace', async () => {
    const web = await start();
    const root = (await service!.call('corpusInfo', {}))!.root;
    rmSync(path.join(root, '.folio', 'reports'), { recursive: true, force: true });
    mkdirSync(path.join(root, '.folio'), { recursive: true });
    writeFileSync(path.join(root, '.folio', 'reports'), 'a file where the sidecars go');
    const reply = await call(web, 'setTags', { ids: [SAMPLE_IDS[0]], add: ['x'] });
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body).error).toEqual({
      code: 'not-a-folder',
      message: expect.stringMatching(
        /^cannot \w+ .*\.folio\/reports\/.*: a file stands where a folder is needed$/,
      ),
    });
  });

  it('refuses to open a folder the user never chose', async () => {
    const web = await start();
    const reply = await call(web, 'openRecentCorpus', { path: '/etc' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.message).toBe('/etc is not a recently opened corpus');
  });

  it('pushes events to the renderer over Server-Sent Events', async () => {
    const web = await start();
    const url = new URL(`/api/events?token=${web.token}`, web.origin);
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search }, (res) => {
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
          if (text.includes('event: corpusChanged')) {
            resolve(text);
            req.destroy();
          }
        });
      });
      req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await call(web, 'setStatus', { ids: [SAMPLE_IDS[1]], status: 'done' });
    expect(await received).toContain(`data: {"kind":"changed","id":"${SAMPLE_IDS[1]}"}`);
  });
});
