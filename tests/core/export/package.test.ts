import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { Corpus, type ReportDetail } from '../../../src-main/core';
import type { CorpusReader } from '../../../src-main/core/corpus/reader';
import { Collections } from '../../../src-main/core/collections';
import { exportReports } from '../../../src-main/core/export';
import { tempDir } from '../../helpers/corpora';
import { annotatedCorpus, ASTRAL, ID0, ID1, NOW, python } from './fixture';

let corpus: Corpus;
let dir: string;

beforeAll(async () => {
  ({ dir, corpus } = await annotatedCorpus());
});

describe('zip with manifest', () => {
  it('passes unzip -t; Python finds every file with the SHA-256 and size its manifest.json gives', async () => {
    const out = path.join(tempDir('folio-zip-'), 'brat.zip');
    const progress: Array<[number, number]> = [];
    await new Collections(corpus).create({ kind: 'manual', name: 'Chọn lọc', ids: [ASTRAL, ID0] });
    const summary = await exportReports(corpus, {
      selection: { kind: 'collection', name: 'chọn lọc' },
      format: 'brat',
      out,
      zip: true,
      now: NOW,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(execFileSync('unzip', ['-t', out], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const result = python(
      `
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
manifest = json.loads(z.read('manifest.json'))
ok = all(hashlib.sha256(z.read(f['path'])).hexdigest() == f['sha256'] and len(z.read(f['path'])) == f['bytes'] for f in manifest['files'])
print(json.dumps({'manifest': manifest, 'ok': ok, 'names': z.namelist()}))`,
      out,
    ) as { manifest: Record<string, unknown>; ok: boolean; names: string[] };
    expect(result.ok).toBe(true);
    expect(result.names[0]).toBe('manifest.json');
    expect(result.names.slice(1).sort()).toEqual(
      (result.manifest.files as Array<{ path: string }>).map((f) => f.path).sort(),
    );
    expect(result.manifest).toMatchObject({
      format: 'brat',
      folioVersion: version,
      exportedAt: NOW.toISOString(),
      text: 'corrected',
      selection: { kind: 'collection', name: 'Chọn lọc', collectionKind: 'manual' },
      reports: [ASTRAL, ID0],
    });
    expect(summary.files.map((f) => f.path)).toEqual([
      `${ID0}.ann`,
      `${ID0}.txt`,
      'annotation.conf',
      `${ASTRAL}.ann`,
      `${ASTRAL}.txt`,
      'visual.conf',
    ]);
  });

  it('the same export twice gives the same zip bytes', async () => {
    const [a, b] = [tempDir('folio-zip-a-'), tempDir('folio-zip-b-')].map((d) => path.join(d, 'x.zip'));
    for (const out of [a!, b!]) {
      await exportReports(corpus, { selection: { kind: 'all' }, format: 'jsonl', out, zip: true, now: NOW });
    }
    expect(readFileSync(a!).equals(readFileSync(b!))).toBe(true);
  });
});

describe('where exports may go', () => {
  const exportTo = (out: string, extra: { force?: boolean; zip?: boolean } = {}) =>
    exportReports(corpus, { selection: { kind: 'all' }, format: 'txt', out, now: NOW, ...extra });

  it('never inside the corpus, except under .folio/exports/', async () => {
    await expect(exportTo(path.join(dir, 'out'))).rejects.toThrow(
      /--out .* is inside the corpus .*; export outside it or under .*\.folio\/exports/,
    );
    await expect(exportTo(dir)).rejects.toThrow(/is inside the corpus/);
    await expect(exportTo(path.join(dir, '.folio', 'reports', 'x'))).rejects.toThrow(/is inside the corpus/);
    await expect(exportTo(path.dirname(dir))).rejects.toThrow(/contains the corpus/);
    const allowed = path.join(dir, '.folio', 'exports', 'txt');
    await exportTo(allowed);
    expect(readdirSync(allowed)).toContain(`${ID0}.txt`);
    expect((await Corpus.open(dir)).ids()).toEqual(corpus.ids());
  });

  it('refuses to overwrite a non-empty folder or a zip without --force, then replaces it whole', async () => {
    const out = path.join(tempDir('folio-out-'), 'texts');
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.txt'), 'mine');
    await expect(exportTo(out)).rejects.toThrow(/already exists and is not empty; pass --force/);
    expect(readdirSync(out)).toEqual(['keep.txt']);
    await exportTo(out, { force: true });
    expect(readdirSync(out)).not.toContain('keep.txt');
    expect(readdirSync(out)).toContain('manifest.json');
    await expect(exportTo(out, { zip: true })).rejects.toThrow(/is a folder; --zip writes a file/);
    const zip = path.join(path.dirname(out), 'a.zip');
    await exportTo(zip, { zip: true });
    await expect(exportTo(zip, { zip: true })).rejects.toThrow(/a\.zip already exists; pass --force/);
    await expect(exportTo(zip)).rejects.toThrow(/is a file; an export without --zip writes a folder/);
  });

  it('says when the place cannot be written', async () => {
    const parent = tempDir('folio-ro-');
    writeFileSync(path.join(parent, 'file'), '');
    await expect(exportTo(path.join(parent, 'file', 'out'))).rejects.toThrow(/cannot write there/);
  });
});

describe('checks before writing', () => {
  it('a span whose text is not what its offsets cover stops the export with a precise error, and nothing is written', async () => {
    const { corpus: annotated } = await annotatedCorpus();
    // A sidecar edited by hand is repaired as it is read (tests/core/corpus/reconcile.test.ts): a reader that
    // hands out a wrong quote stands in for any fault between the state and the export.
    const reader: CorpusReader = Object.assign(Object.create(annotated) as Corpus, {
      report: (id: string, options?: { remember?: boolean }): ReportDetail => {
        const detail = annotated.report(id, options);
        if (id !== ID1) return detail;
        const [first, ...rest] = detail.annotations;
        return { ...detail, annotations: [{ ...first!, quote: 'Lạng Sơn' }, ...rest] };
      },
    });
    const out = path.join(tempDir('folio-bad-'), 'out');
    const { start, end } = annotated.report(ID1).annotations[0]!;
    await expect(
      exportReports(reader, { selection: { kind: 'all' }, format: 'brat', out, now: NOW }),
    ).rejects.toThrow(
      new RegExp(
        `${ID1}\\.ann: Quote span ${start}-${end} should cover "Lạng Sơn" but covers ".*"; nothing was exported`,
      ),
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  it('an empty selection, an unknown collection or format is an error', async () => {
    const out = path.join(tempDir('folio-none-'), 'out');
    await expect(
      exportReports(corpus, { selection: { kind: 'query', query: 'zzzz', filters: {} }, format: 'txt', out }),
    ).rejects.toThrow(/query "zzzz" holds no reports; nothing was exported/);
    await expect(
      exportReports(corpus, { selection: { kind: 'collection', name: 'nope' }, format: 'txt', out }),
    ).rejects.toThrow(/no collection "nope"/);
    await expect(
      exportReports(corpus, { selection: { kind: 'all' }, format: 'pdf' as 'txt', out }),
    ).rejects.toThrow(/unknown export format "pdf"/);
  });

  it('a collection naming reports whose files are gone exports the rest and lists them', async () => {
    const { dir: gone, corpus: goneCorpus } = await annotatedCorpus();
    await new Collections(goneCorpus).create({ kind: 'manual', name: 'c', ids: [ID0, ID1] });
    rmSync(path.join(gone, `${ID1}.txt`));
    await goneCorpus.reload(ID1);
    const out = path.join(tempDir('folio-gone-'), 'out');
    const summary = await exportReports(goneCorpus, {
      selection: { kind: 'collection', name: 'c' },
      format: 'txt',
      out,
    });
    expect(summary.missing).toEqual([ID1]);
    expect(summary.reports).toBe(1);
  });
});
