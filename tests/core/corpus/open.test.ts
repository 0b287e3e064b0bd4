import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { findReportFiles } from '../../../src-main/core/corpus/scan';
import { EXTRACTOR_VERSION } from '../../../src-main/core/extract/version';
import { BUILT_WORKER, buildCorpus, copySampleCorpus, SAMPLE_IDS } from '../../helpers/corpora';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Opens a corpus and waits for the cache save that opening starts. */
async function openAndSave(dir: string): Promise<Corpus> {
  const corpus = await Corpus.open(dir);
  await corpus.flush();
  return corpus;
}

describe('Corpus.open', () => {
  it('lists the five sample reports by id with their extracted titles', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    expect(corpus.ids()).toEqual(SAMPLE_IDS);
    expect(corpus.skipped()).toEqual([]);
    expect(corpus.summary('001_9e0dc26d2fc8d3f8').title).toBe(
      'Cần Thơ không còn ấp, khu vực chưa có tổ chức Đảng, đảng viên',
    );
    expect(corpus.info()).toMatchObject({ reports: 5, corrected: 0, annotations: 0 });
  });

  it('opens good files and lists each bad one with its reason', async () => {
    const nfd = 'Thành ủy Lạng Sơn'.normalize('NFD');
    const dir = buildCorpus({
      'good.txt': 'Tiêu đề\nNội dung',
      'crlf.txt': 'Dòng một\r\nDòng hai\r\n',
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Có BOM')]),
      'nfd.txt': nfd,
      'nested/deeper/report.txt': 'Báo cáo lồng nhau',
      'photo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'legacy.txt': Buffer.from([0x54, 0x68, 0x61, 0xcc, 0x6e, 0x68, 0x20, 0x75, 0xf4]),
      'huge.txt': Buffer.alloc(20 * 1024 * 1024, 0x61),
      'notes.json': '{"not": "a report"}',
      '.hidden/secret.txt': 'hidden',
    });
    const corpus = await Corpus.open(dir);
    expect(corpus.ids()).toEqual(['bom', 'crlf', 'good', 'nested/deeper/report', 'nfd']);
    expect(corpus.report('crlf').text).toBe('Dòng một\nDòng hai\n');
    expect(corpus.report('bom').text).toBe('Có BOM');
    expect(corpus.report('bom').encoding).toBe('utf-8-bom');
    expect(corpus.report('nfd').text).toBe('Thành ủy Lạng Sơn'.normalize('NFC'));
    const skipped = corpus.skipped();
    expect(skipped.map((s) => [s.file, s.code])).toEqual([
      ['huge.txt', 'too-large'],
      ['legacy.txt', 'undecodable'],
      ['photo.txt', 'binary'],
    ]);
    expect(skipped[0]!.reason).toMatch(/huge\.txt: 20\.0 MB is over the 10\.0 MB limit/);
    expect(skipped[1]!.reason).toMatch(/legacy\.txt: not valid UTF-8 at byte 3/);
  });

  it('records each original SHA-256 and never writes the originals', async () => {
    const dir = copySampleCorpus();
    const files = SAMPLE_IDS.map((id) => path.join(dir, `${id}.txt`));
    const before = files.map((f) => ({ bytes: readFileSync(f), mtime: statSync(f).mtimeMs }));
    const corpus = await Corpus.open(dir);
    const id = SAMPLE_IDS[0]!;
    expect(corpus.report(id).sha256).toBe(
      (await import('node:crypto')).createHash('sha256').update(before[0]!.bytes).digest('hex'),
    );
    await corpus.setTags(SAMPLE_IDS, { add: ['Cần Thơ'] });
    await corpus.setStatus([id], 'done');
    await corpus.saveCorrection(id, corpus.report(id).text.replace('thánh phố', 'thành phố'), 'Lan');
    await corpus.annotateQuote(id, 'Trần Quốc Trung', 1, 'Person', '', 'Lan');
    files.forEach((file, i) => {
      expect(readFileSync(file).equals(before[i]!.bytes)).toBe(true);
      expect(statSync(file).mtimeMs).toBe(before[i]!.mtime);
    });
  });

  it('reuses the cache on a warm open and re-reads only what changed', async () => {
    const dir = copySampleCorpus();
    await openAndSave(dir);
    const cacheFile = path.join(dir, '.folio', 'cache', 'index.bin');
    const firstWrite = statSync(cacheFile).mtimeMs;
    expect(readFileSync(path.join(dir, '.folio', '.gitignore'), 'utf8')).toBe('cache/\ntmp/\n');
    const warm = await openAndSave(dir);
    expect(statSync(cacheFile).mtimeMs).toBe(firstWrite);
    expect(warm.search('thanh uy can tho').length).toBeGreaterThan(0);
    writeFileSync(
      path.join(dir, 'new.txt'),
      'Tỉnh ủy Quảng Ninh tổng kết\n\nNội dung mới về Nghị quyết số 22-NQ/TW.',
    );
    const changed = await openAndSave(dir);
    expect(statSync(cacheFile).mtimeMs).not.toBe(firstWrite);
    expect(changed.search('quang ninh').map((r) => r.id)).toEqual(['new']);
  });

  it('saves the cache on flush only when something changed, without growing it', async () => {
    const dir = copySampleCorpus();
    const corpus = await openAndSave(dir);
    const cacheFile = path.join(dir, '.folio', 'cache', 'index.bin');
    const first = readFileSync(cacheFile);
    const firstWrite = statSync(cacheFile).mtimeMs;
    await corpus.flush();
    await corpus.flush();
    expect(statSync(cacheFile).mtimeMs).toBe(firstWrite);
    // Status is not part of what is cached, so changing it must not rewrite the cache.
    await corpus.setStatus([SAMPLE_IDS[0]!], 'done');
    await corpus.flush();
    expect(statSync(cacheFile).mtimeMs).toBe(firstWrite);
    expect(readFileSync(cacheFile).equals(first)).toBe(true);
    await corpus.setMetadata(SAMPLE_IDS[0]!, 'author', 'Ngọc Quy (TGCT)', 'Lan');
    await corpus.flush();
    expect(statSync(cacheFile).mtimeMs).not.toBe(firstWrite);
    expect((await Corpus.open(dir)).search('tgct ngoc quy').map((r) => r.id)).toEqual([SAMPLE_IDS[0]]);
  });

  it('reads a large batch in worker threads with the same results as in one thread', async () => {
    const files: Record<string, string | Uint8Array> = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [
        `r${String(i).padStart(3, '0')}.txt`,
        `Tỉnh ủy mã ${i} tổng kết Nghị quyết số ${i}-NQ/TW\n\nNgày ${1 + (i % 28)}/5/2019, Huyện ủy Thanh Trì họp.`,
      ]),
    );
    files['photo.txt'] = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]);
    files['legacy.txt'] = Buffer.from([0x54, 0x68, 0x61, 0xcc, 0x6e, 0x68]);
    const dir = buildCorpus(files);
    const here = await Corpus.open(buildCorpus(files));
    const progress: number[] = [];
    const threaded = await Corpus.open(dir, {
      analysis: { workerScript: BUILT_WORKER, threads: 2 },
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual(Array.from({ length: 123 }, (_, i) => i));
    expect(threaded.list()).toEqual(here.list());
    expect(threaded.skipped()).toEqual(here.skipped());
    for (const query of ['"ma 17"', 'thanh tri', '17-nq/tw', 'tong']) {
      expect(threaded.search(query, {}, 200)).toEqual(here.search(query, {}, 200));
    }
    expect(threaded.report('r017').metadata).toEqual(here.report('r017').metadata);
    // A warm open reads its extractions back from the cache the workers filled.
    const warm = await Corpus.open(dir);
    expect(warm.report('r042').metadata).toEqual(here.report('r042').metadata);
  });

  it('falls back to one thread when the worker cannot run', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 80 }, (_, i) => [`r${i}.txt`, `Đảng ủy xã số ${i}`]),
    );
    const broken = path.join(
      buildCorpus({ 'worker.mjs': 'throw new Error("no worker here");' }),
      'worker.mjs',
    );
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const corpus = await Corpus.open(buildCorpus(files), {
        analysis: { workerScript: pathToFileURL(broken), threads: 2 },
      });
      expect(corpus.ids()).toHaveLength(80);
      expect(corpus.search('"xa so 7"').map((r) => r.id)).toEqual(['r7']);
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).toMatch(/worker threads failed.*no worker here/);
  });

  it('keeps every saved extraction when a later save adds and replaces some', async () => {
    const dir = copySampleCorpus();
    await openAndSave(dir);
    const changed = path.join(dir, `${SAMPLE_IDS[2]}.txt`);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Thanh Trì', 'Gia Lâm'));
    writeFileSync(path.join(dir, 'new.txt'), 'Tỉnh ủy Quảng Ninh tổng kết\n\nTác giả: Lan Anh');
    await openAndSave(dir);
    const cached = await Corpus.open(dir);
    const fresh = await Corpus.open(
      buildCorpus(
        Object.fromEntries(
          [...SAMPLE_IDS, 'new'].map((id) => [`${id}.txt`, readFileSync(path.join(dir, `${id}.txt`))]),
        ),
      ),
    );
    for (const id of [...SAMPLE_IDS, 'new']) {
      expect(cached.report(id).metadata).toEqual(fresh.report(id).metadata);
      expect(cached.report(id).debris).toEqual(fresh.report(id).debris);
    }
    expect(cached.summary(SAMPLE_IDS[2]!).place).toMatch(/Gia Lâm/);
  });

  it('extracts again what an older extractor left in the cache', async () => {
    const dir = copySampleCorpus();
    await openAndSave(dir);
    const reportsFile = path.join(dir, '.folio', 'cache', 'reports.json');
    const saved = JSON.parse(readFileSync(reportsFile, 'utf8')) as {
      version: string;
      reports: Record<string, { values: { title: string } }>;
    };
    expect(saved.version).toBe(`4.${EXTRACTOR_VERSION}`);
    // What a warm open would trust: same files, so only the version says these values are stale.
    saved.reports[SAMPLE_IDS[0]!]!.values.title = 'Tiêu đề cũ';
    writeFileSync(reportsFile, JSON.stringify(saved));
    expect((await Corpus.open(dir)).summary(SAMPLE_IDS[0]!).title).toBe('Tiêu đề cũ');
    writeFileSync(reportsFile, JSON.stringify({ ...saved, version: `4.${EXTRACTOR_VERSION - 1}` }));
    const reopened = await Corpus.open(dir);
    expect(reopened.summary(SAMPLE_IDS[0]!).title).toMatch(/^Thành uỷ Cần Thơ tổng kết/u);
  });

  it('rebuilds a cache that was damaged', async () => {
    const dir = copySampleCorpus();
    await openAndSave(dir);
    const cache = path.join(dir, '.folio', 'cache');
    writeFileSync(path.join(cache, 'index.bin'), 'not an index');
    writeFileSync(path.join(cache, 'extractions.ndjson'), '{"id":"garbage"}\n');
    const corpus = await Corpus.open(dir);
    expect(
      corpus
        .search('"thanh uy can tho"')
        .map((r) => r.id)
        .sort(),
    ).toEqual([SAMPLE_IDS[0], SAMPLE_IDS[1], SAMPLE_IDS[4]]);
    expect(corpus.report(SAMPLE_IDS[0]!).metadata.author.value).toBe('Ngọc Quy');
    writeFileSync(path.join(cache, 'reports.json'), '{ broken');
    expect((await Corpus.open(dir)).summary(SAMPLE_IDS[2]!).place).toBe('Thanh Trì, Hà Nội');
  });

  it('still opens a corpus whose cache cannot be written, and says why', async () => {
    const dir = buildCorpus({
      'a.txt': 'Tỉnh ủy Lạng Sơn',
      '.folio/cache': 'a file where the cache folder goes',
    });
    const corpus = await openAndSave(dir);
    expect(corpus.ids()).toEqual(['a']);
    expect(corpus.info().cacheWarning).toMatch(/could not save the cache in .*\.folio/);
    expect(corpus.search('lang son').map((r) => r.id)).toEqual(['a']);
  });

  it('counts files as it finds them, nested folders included, before any is read', async () => {
    const dir = buildCorpus({ 'a.txt': 'A', 'b/c.txt': 'C', 'b/d/e.txt': 'E', 'skip.json': '{}' });
    const counts: number[] = [];
    const found = await findReportFiles(dir, (count) => counts.push(count));
    expect(found.files.map((f) => f.id)).toEqual(['a', 'b/c', 'b/d/e']);
    expect(counts).toEqual([1, 2, 3]);
  });

  it('opens Markdown reports beside text ones, a Markdown file keeping its extension in its id', async () => {
    const post = '---\ntitle: "Thăng Bình kết nạp 59 đảng viên"\n---\n\n(QNO) - Sáng 3/7, Huyện ủy họp.';
    const dir = buildCorpus({ 'a.txt': 'Tiêu đề\n\nNội dung.', 'a.md': post, 'posts/b.markdown': post });
    const corpus = await Corpus.open(dir);
    expect(corpus.ids()).toEqual(['a', 'a.md', 'posts/b.markdown']);
    const detail = corpus.report('a.md');
    expect(detail.metadata.title.value).toBe('Thăng Bình kết nạp 59 đảng viên');
    expect(detail.file).toBe('a.md');
    // A Markdown file added while the corpus is open is found from its id alone.
    writeFileSync(path.join(dir, 'c.md'), post);
    await corpus.reload('c.md');
    expect(corpus.ids()).toContain('c.md');
    await corpus.flush();
  });

  it('rejects a path that is not a folder', async () => {
    await expect(Corpus.open('/definitely/not/here')).rejects.toThrow(/not a folder/);
  });
});
