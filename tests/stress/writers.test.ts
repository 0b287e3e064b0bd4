import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src-main/core';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { copySampleCorpus, SAMPLE_IDS } from '../helpers/corpora';
import { openService } from '../helpers/service';

// Several writers on one corpus at once, as a team meets it: `folio` processes in loops, a browser-shell
// server with two clients, a second server on the same folder, and a burst of parallel calls. Every call that reported success must be on disk.

const BIN = path.resolve(import.meta.dirname, '../../bin/folio.mjs');
const RENDERER = path.resolve(import.meta.dirname, '../../out/renderer');
const [ID, OTHER] = SAMPLE_IDS as [string, string];

const servers: WebServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

/** Runs `folio`; resolves to its exit code. `killAfterMs` sends SIGKILL then, wherever it is. */
function folio(args: string[], killAfterMs?: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: 'ignore',
      env: { ...process.env, FOLIO_EDITOR: 'CLI' },
    });
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve(code);
    });
  });
}

async function serve(corpus: string): Promise<(op: string, input: unknown) => Promise<boolean>> {
  const service = await openService(corpus);
  const server = await startWebServer({ service, rendererDir: RENDERER });
  servers.push(server);
  return async (op, input) => {
    const response = await fetch(`${server.origin}/api/call/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-folio-token': server.token },
      body: JSON.stringify(input),
    });
    return ((await response.json()) as { ok: boolean }).ok;
  };
}

function sidecar(corpus: string, id: string): { tags: string[]; annotations: Array<{ note: string }> } {
  return JSON.parse(readFileSync(path.join(corpus, '.folio', 'reports', `${id}.json`), 'utf8'));
}

function collections(corpus: string): string[] {
  const settings = JSON.parse(readFileSync(path.join(corpus, '.folio', 'corpus.json'), 'utf8'));
  return settings.collections.map((c: { name: string }) => c.name);
}

function temporaryFiles(corpus: string): string[] {
  return readdirSync(path.join(corpus, '.folio'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.tmp'),
  );
}

describe('writers that meet', () => {
  it('loses nothing between three folio processes, a server with two clients and parallel bursts', async () => {
    const corpus = copySampleCorpus();
    const call = await serve(corpus);
    const secondServer = await serve(corpus);
    const tags = new Map<string, string[]>([
      [ID, []],
      [OTHER, []],
    ]);
    const notes: string[] = [];
    const made: string[] = [];
    const record = (ok: boolean | number | null, list: string[], value: string) => {
      if (ok === true || ok === 0) list.push(value);
    };
    const processLoop = async (writer: number) => {
      for (let i = 0; i < 6; i++) {
        record(
          await folio(['tag', corpus, ID, '--add', `p${writer}-${i}`]),
          tags.get(ID)!,
          `p${writer}-${i}`,
        );
        if (i % 3 === 0) {
          const name = `p${writer}-${i}`;
          record(await folio(['collection', corpus, 'create', name]), made, name);
        }
      }
    };
    const clientLoop = async (client: number, call: (op: string, input: unknown) => Promise<boolean>) => {
      for (let i = 0; i < 25; i++) {
        const id = i % 2 ? ID : OTHER;
        record(
          await call('setTags', { ids: [id], add: [`c${client}-${i}`] }),
          tags.get(id)!,
          `c${client}-${i}`,
        );
        if (i % 5 === 0) {
          const note = `c${client}-${i}`;
          record(
            await call('addAnnotation', { id: ID, start: 0, end: 4, label: 'Place', note }),
            notes,
            note,
          );
          record(await call('createCollection', { kind: 'manual', name: note }), made, note);
        }
      }
    };
    const burst = Array.from({ length: 40 }, (_, i) =>
      call('setTags', { ids: [ID], add: [`burst-${i}`] }).then((ok) =>
        record(ok, tags.get(ID)!, `burst-${i}`),
      ),
    );
    await Promise.all([
      processLoop(0),
      processLoop(1),
      processLoop(2),
      clientLoop(0, call),
      clientLoop(1, call),
      clientLoop(2, secondServer),
      ...burst,
    ]);

    const calls = [...tags.values()].flat().length + notes.length + made.length;
    expect(calls).toBe(3 * 6 + 3 * 2 + 3 * 25 + 3 * 5 * 2 + 40);
    for (const [id, expected] of tags)
      expect(sidecar(corpus, id).tags.sort()).toEqual(expect.arrayContaining(expected));
    expect(sidecar(corpus, ID).annotations.map((a) => a.note)).toEqual(expect.arrayContaining(notes));
    expect(collections(corpus)).toEqual(expect.arrayContaining(made));
    expect((await Corpus.open(corpus)).check().problems).toEqual([]);
    expect(temporaryFiles(corpus)).toEqual([]);
  }, 120_000);

  it('keeps every sidecar whole and every reported edit after writers killed at random points', async () => {
    const corpus = copySampleCorpus();
    const done: string[] = [];
    for (let round = 0; round < 8; round++) {
      // Three writers at once, each killed somewhere between starting up and finishing its write.
      const runs = [0, 1, 2].map(async (writer) => {
        const tag = `k${round}-${writer}`;
        const code = await folio(['tag', corpus, ID, '--add', tag], 150 + Math.random() * 500);
        if (code === 0) done.push(tag);
      });
      await Promise.all(runs);
    }
    // A writer after the kills is not kept waiting for long by a lock its killed holder left.
    expect(await folio(['tag', corpus, ID, '--add', 'after'])).toBe(0);
    const reopened = await Corpus.open(corpus);
    expect(reopened.check().problems).toEqual([]);
    expect(reopened.summary(ID).tags).toEqual(expect.arrayContaining([...done, 'after']));
    expect(temporaryFiles(corpus)).toEqual([]);
  }, 120_000);
});
