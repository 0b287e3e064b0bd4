import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus, watchCorpus, type CorpusChange } from '../../../src-main/core';
import { buildCorpus } from '../../helpers/corpora';

function nextChange(corpus: Corpus, wanted: (c: CorpusChange) => boolean): Promise<CorpusChange> {
  return new Promise((resolve) => {
    const dispose = corpus.onDidChange((change) => {
      if (!wanted(change)) return;
      dispose();
      resolve(change);
    });
  });
}

describe('watchCorpus', () => {
  it('notices reports added, changed and deleted on disk while the corpus is open', async () => {
    const dir = buildCorpus({ 'a.txt': 'Tỉnh ủy Lạng Sơn' });
    const corpus = await Corpus.open(dir);
    const stop = watchCorpus(corpus);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const added = nextChange(corpus, (c) => c.id === 'b');
      writeFileSync(path.join(dir, 'b.txt'), 'Huyện ủy Thanh Trì');
      expect(await added).toEqual({ kind: 'added', id: 'b' });
      expect(corpus.search('thanh tri').map((r) => r.id)).toEqual(['b']);

      const changed = nextChange(corpus, (c) => c.id === 'a');
      writeFileSync(path.join(dir, 'a.txt'), 'Tỉnh ủy Cao Bằng');
      expect(await changed).toEqual({ kind: 'changed', id: 'a' });
      expect(corpus.search('cao bang').map((r) => r.id)).toEqual(['a']);

      const removed = nextChange(corpus, (c) => c.id === 'b');
      rmSync(path.join(dir, 'b.txt'));
      expect(await removed).toEqual({ kind: 'removed', id: 'b' });
      expect(corpus.ids()).toEqual(['a']);
    } finally {
      await stop();
    }
  });

  it('follows folders of reports added and deleted while the corpus is open', async () => {
    const dir = buildCorpus({ 'a.txt': 'Tỉnh ủy Lạng Sơn' });
    const corpus = await Corpus.open(dir);
    const stop = watchCorpus(corpus);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const added = nextChange(corpus, (c) => c.id === '2019/tin/b');
      mkdirSync(path.join(dir, '2019', 'tin'), { recursive: true });
      writeFileSync(path.join(dir, '2019', 'tin', 'b.txt'), 'Huyện ủy Thanh Trì');
      expect(await added).toEqual({ kind: 'added', id: '2019/tin/b' });
      // A file added to the new folder later is seen too: the folder is watched now.
      const later = nextChange(corpus, (c) => c.id === '2019/tin/c');
      writeFileSync(path.join(dir, '2019', 'tin', 'c.txt'), 'Đảng ủy xã Tân Lập');
      expect(await later).toEqual({ kind: 'added', id: '2019/tin/c' });
      const removed = nextChange(corpus, (c) => c.kind === 'removed' && c.id === '2019/tin/c');
      rmSync(path.join(dir, '2019'), { recursive: true });
      await removed;
      expect(corpus.ids()).toEqual(['a']);
    } finally {
      await stop();
    }
  });

  it('drops a report whose file turns into something unreadable, and lists why', async () => {
    const dir = buildCorpus({ 'a.txt': 'Tỉnh ủy Lạng Sơn', 'b.txt': 'Huyện ủy Thanh Trì' });
    const corpus = await Corpus.open(dir);
    const stop = watchCorpus(corpus);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const removed = nextChange(corpus, (c) => c.id === 'b');
      writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
      expect(await removed).toEqual({ kind: 'removed', id: 'b' });
      expect(corpus.ids()).toEqual(['a']);
      expect(corpus.skipped().map((s) => [s.file, s.code])).toEqual([['b.txt', 'binary']]);
      expect(corpus.search('thanh tri')).toEqual([]);
    } finally {
      await stop();
    }
  });

  it('does not reload the echo of its own sidecar writes', async () => {
    const dir = buildCorpus({ 'a.txt': 'Tỉnh ủy Lạng Sơn', 'b.txt': 'Huyện ủy Thanh Trì' });
    const corpus = await Corpus.open(dir);
    const stop = watchCorpus(corpus);
    const changes: CorpusChange[] = [];
    corpus.onDidChange((change) => changes.push(change));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await corpus.setStatus(['a'], 'done');
      // A change by someone else after it, so the watcher is known to have caught up with the echo.
      const other = nextChange(corpus, (c) => c.id === 'b');
      writeFileSync(path.join(dir, 'b.txt'), 'Huyện ủy Gia Lâm');
      await other;
      expect(changes).toEqual([
        { kind: 'changed', id: 'a' },
        { kind: 'changed', id: 'b' },
      ]);
    } finally {
      await stop();
    }
  });

  it('reloads a sidecar changed by another editor', async () => {
    const dir = buildCorpus({ 'a.txt': 'Tỉnh ủy Lạng Sơn' });
    const corpus = await Corpus.open(dir);
    await corpus.setStatus(['a'], 'in-progress');
    const stop = watchCorpus(corpus);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const changed = nextChange(corpus, (c) => c.id === 'a' && corpus.summary('a').status === 'done');
      const file = path.join(dir, '.folio', 'reports', 'a.json');
      const { readFileSync } = await import('node:fs');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"in-progress"', '"done"'));
      await changed;
      expect(corpus.summary('a').status).toBe('done');
    } finally {
      await stop();
    }
  });
});
