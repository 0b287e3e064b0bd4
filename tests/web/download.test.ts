import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src-main/contract/operations';
import { FolioService } from '../../src-main/service/folioService';
import { JsonPreferenceStore } from '../../src-main/service/preferences';
import { DownloadOffers } from '../../src-main/web/downloads';
import { attachment, startWebServer, type WebServer } from '../../src-main/web/server';
import { copySampleCorpus, SAMPLE_IDS, tempDir } from '../helpers/corpora';
import { sendRaw } from '../helpers/http';

const send = sendRaw;

/** What the server answers a call with. */
interface CallReply {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string; params?: Record<string, unknown> };
}

async function call(
  server: WebServer,
  name: string,
  input: unknown,
): Promise<{ status: number; json: CallReply }> {
  const reply = await send(server, `/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-folio-token': server.token },
    body: JSON.stringify(input),
  });
  return { status: reply.status, json: JSON.parse(reply.body.toString('utf8')) as CallReply };
}

let server: WebServer | null = null;
let service: FolioService | null = null;

afterEach(async () => {
  await server?.close();
  await service?.close();
  server = null;
  service = null;
});

/** The browser shell as `web/main.ts` wires it: the service offers its exports, the server serves them. */
async function start(
  downloads = new DownloadOffers(),
): Promise<{ web: WebServer; downloads: DownloadOffers }> {
  service = new FolioService({
    preferences: new JsonPreferenceStore(path.join(tempDir(), 'preferences.json')),
    offerDownload: (file, name) => downloads.offer(file, name),
  });
  await service.open(copySampleCorpus());
  const rendererDir = tempDir();
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>');
  server = await startWebServer({ service, rendererDir, downloads });
  return { web: server, downloads };
}

async function exportAll(web: WebServer, input: Record<string, unknown> = {}): Promise<ExportResult> {
  const { status, json } = await call(web, 'exportReports', {
    selection: { kind: 'all' },
    format: 'jsonl',
    ...input,
  });
  expect(status, JSON.stringify(json)).toBe(200);
  return json.result as ExportResult;
}

describe('exports as browser downloads', () => {
  it('serves the exported zip once, byte for byte, with the token, as an attachment', async () => {
    const { web } = await start();
    const result = await exportAll(web, { text: 'original' });
    expect(result.zip).toBe(true);
    expect(result.download!.url).toMatch(/^\/api\/download\/[\w-]{32}$/);
    expect(result.download!.name).toMatch(/^all-jsonl-original-\d{8}-\d{6}\.zip$/);
    const exported = readFileSync(result.out);

    const reply = await send(web, result.download!.url, { headers: { 'x-folio-token': web.token } });
    expect(reply.status).toBe(200);
    expect(reply.body.equals(exported)).toBe(true);
    expect(reply.headers['content-type']).toBe('application/zip');
    expect(reply.headers['content-length']).toBe(String(exported.length));
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="${result.download!.name}"; filename*=UTF-8''${result.download!.name}`,
    );
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cache-control']).toBe('no-store');
    // Served once: the file is gone from the server's disk and the address answers no more.
    await expect.poll(() => existsSync(result.out)).toBe(false);
    const again = await send(web, result.download!.url, { headers: { 'x-folio-token': web.token } });
    expect(again.status).toBe(404);
  });

  it('holds the export the user chose: the original text, with a manifest', async () => {
    const { web } = await start();
    const patch = await call(web, 'exportReports', {
      selection: { kind: 'all' },
      format: 'patch',
      text: 'original',
    });
    expect(patch.status).toBe(400);
    expect(patch.json.error).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(
        /^exportReports: invalid input at text: a patch always goes from the original/,
      ),
    });
    const result = await exportAll(web, { text: 'original' });
    const reply = await send(web, result.download!.url, { headers: { 'x-folio-token': web.token } });
    const files = unzipSync(new Uint8Array(reply.body));
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'reports.jsonl']);
    expect(JSON.parse(strFromU8(files['manifest.json']!))).toMatchObject({
      format: 'jsonl',
      text: 'original',
    });
    const first = JSON.parse(strFromU8(files['reports.jsonl']!).split('\n')[0]!) as {
      id: string;
      text: string;
    };
    expect(first.id).toBe(SAMPLE_IDS[0]);
    expect(first.text).toBe((await service!.call('getReport', { id: SAMPLE_IDS[0] })).original);
  });

  it('needs the token and this server as Host, and a refused request does not use the download up', async () => {
    const { web } = await start();
    const result = await exportAll(web, { format: 'brat' });
    const url = result.download!.url;
    expect((await send(web, url)).status).toBe(401);
    expect((await send(web, url, { headers: { 'x-folio-token': 'wrong' } })).status).toBe(401);
    const rebound = await send(web, url, { headers: { 'x-folio-token': web.token, host: 'evil.example' } });
    expect(rebound.status).toBe(421);
    const foreign = await send(web, url, {
      headers: { 'x-folio-token': web.token, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(existsSync(result.out)).toBe(true);
    const fetched = await send(web, url, { headers: { 'x-folio-token': web.token } });
    expect(fetched.status).toBe(200);
    expect(unzipSync(new Uint8Array(fetched.body))[`${SAMPLE_IDS[0]}.ann`]).toBeDefined();
    const guessed = await send(web, `/api/download/${'A'.repeat(32)}`, {
      headers: { 'x-folio-token': web.token },
    });
    expect(guessed.status).toBe(404);
  });

  it('removes a download never fetched after its lifetime, and all of them when the server stops', async () => {
    const { web } = await start(new DownloadOffers(200));
    const expiring = await exportAll(web);
    await expect.poll(() => existsSync(expiring.out), { timeout: 3000 }).toBe(false);
    const gone = await send(web, expiring.download!.url, { headers: { 'x-folio-token': web.token } });
    expect(gone.status).toBe(404);
    await web.close();
    await service!.close();

    const { web: other } = await start();
    const pending = await exportAll(other);
    expect(existsSync(pending.out)).toBe(true);
    await other.close();
    server = null;
    expect(existsSync(pending.out)).toBe(false);
  });

  it('names a Vietnamese file for every browser', () => {
    expect(attachment('Miền Bắc-csv-20250301-080000.zip')).toBe(
      `attachment; filename="Mien Bac-csv-20250301-080000.zip"; filename*=UTF-8''Mi%E1%BB%81n%20B%E1%BA%AFc-csv-20250301-080000.zip`,
    );
    expect(attachment('Đà "Nẵng"\'s (1).zip')).toBe(
      `attachment; filename="Da _Nang_'s (1).zip"; filename*=UTF-8''%C4%90%C3%A0%20%22N%E1%BA%B5ng%22%27s%20%281%29.zip`,
    );
  });

  it('refuses to show a path, which only the desktop app can, with a reason the interface can say', async () => {
    const { web } = await start();
    const result = await exportAll(web);
    const { status, json } = await call(web, 'revealPath', { path: result.out, action: 'open-folder' });
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'invalid-input', params: { reason: 'not-in-this-shell' } });
  });
});
