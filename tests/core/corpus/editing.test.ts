import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus, FolioError } from '../../../src-main/core';
import { buildCorpus, copySampleCorpus } from '../../helpers/corpora';

const ID = '000_6609e38cc437fad5';

function sidecar(dir: string, id = ID): string {
  return path.join(dir, '.folio', 'reports', `${id}.json`);
}

describe('editorial state', () => {
  it('writes one sidecar per report with a stable key order, one list item per line', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    await corpus.setTags([ID], { add: ['xây dựng Đảng', 'Cần Thơ'] });
    const first = readFileSync(sidecar(dir), 'utf8');
    const json = JSON.parse(first);
    expect(Object.keys(json)).toEqual([
      'schema',
      'id',
      'original',
      'status',
      'statusBy',
      'tags',
      'metadata',
      'annotations',
      'correction',
      'conflicts',
    ]);
    expect(json).toMatchObject({ schema: 2, id: ID, status: 'new', tags: ['Cần Thơ', 'xây dựng Đảng'] });
    expect(first).toContain('\n  "tags": [\n    "Cần Thơ",\n    "xây dựng Đảng"\n  ],\n');
    // The same change made again writes the same bytes: nothing for git to merge.
    await corpus.setTags([ID], { remove: ['Cần Thơ'] });
    await corpus.setTags([ID], { add: ['Cần Thơ'] });
    expect(readFileSync(sidecar(dir), 'utf8')).toBe(first);
  });

  it('sets and counts statuses, rejecting unknown ones', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    await corpus.setStatus([ID, '001_9e0dc26d2fc8d3f8'], 'needs-review');
    expect(corpus.info().statuses).toEqual({ new: 3, 'in-progress': 0, 'needs-review': 2, done: 0 });
    await expect(corpus.setStatus([ID], 'finished' as never)).rejects.toThrow(/unknown status "finished"/);
  });

  it('keeps a metadata correction beside the extracted value, across re-extraction, until reset', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    const extracted = corpus.report(ID).metadata.published.extracted.value;
    await corpus.setMetadata(ID, 'published', '2018-07-06', 'Lan');
    const reopened = await Corpus.open(dir);
    const field = reopened.report(ID).metadata.published;
    expect(field.value).toBe('2018-07-06');
    expect(field.extracted.value).toBe(extracted);
    expect(field.correction).toMatchObject({ value: '2018-07-06', editor: 'Lan' });
    expect(reopened.summary(ID).published).toBe('2018-07-06');
    await reopened.resetMetadata(ID, 'published');
    expect(reopened.report(ID).metadata.published.value).toBe(extracted);
    expect(reopened.report(ID).metadata.published.correction).toBeNull();
  });

  it('rejects a metadata value of the wrong shape, naming the field', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    await expect(corpus.setMetadata(ID, 'published', '5 July 2018', 'Lan')).rejects.toThrow(
      /invalid value for published: expected an ISO 8601 date/,
    );
    await expect(corpus.setMetadata(ID, 'colour', 'red', 'Lan')).rejects.toThrow(
      /unknown metadata field "colour"/,
    );
  });
});

describe('a corrupt sidecar', () => {
  it('is reported for its report only and never overwritten', async () => {
    const dir = copySampleCorpus();
    const file = sidecar(dir);
    const broken = '{ "schema": 1, "id": "000_6609e38cc437fad5", "tags": [ oops';
    (await import('node:fs')).mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, broken);
    const corpus = await Corpus.open(dir);
    expect(corpus.ids()).toHaveLength(5);
    expect(corpus.summary(ID).problems).toEqual([
      {
        code: 'corrupt-sidecar',
        message: expect.stringMatching(/000_6609e38cc437fad5\.json: not valid JSON/),
      },
    ]);
    const error = await corpus.setTags([ID], { add: ['x'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).code).toBe('corrupt-sidecar');
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(corpus.check().ok).toBe(false);
  });

  it('names the field that breaks the schema', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    await corpus.setStatus([ID], 'done');
    const json = JSON.parse(readFileSync(sidecar(dir), 'utf8'));
    json.status = 'finished';
    writeFileSync(sidecar(dir), JSON.stringify(json));
    const reopened = await Corpus.open(dir);
    expect(reopened.summary(ID).problems[0]!.message).toMatch(/invalid at status/);
  });
});

describe('changes by someone else', () => {
  it('applies an edit over a change by someone else to another part of the report, keeping theirs', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    await corpus.setStatus([ID], 'in-progress');
    const revision = corpus.report(ID).revision;
    writeFileSync(sidecar(dir), readFileSync(sidecar(dir), 'utf8').replace('"in-progress"', '"done"'));
    await corpus.setMetadata(ID, 'author', 'Ngọc Quy', 'Lan', revision);
    const onDisk = JSON.parse(readFileSync(sidecar(dir), 'utf8'));
    expect(onDisk.status).toBe('done');
    expect(onDisk.metadata.author.value).toBe('Ngọc Quy');
  });

  it('refuses an edit of a field someone else changed since it was read, leaving theirs', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    await corpus.setMetadata(ID, 'author', 'Lan', 'Lan');
    const revision = corpus.report(ID).revision;
    const theirs = readFileSync(sidecar(dir), 'utf8').replace('"value":"Lan"', '"value":"Minh"');
    expect(theirs).toContain('"value":"Minh"');
    writeFileSync(sidecar(dir), theirs);
    await expect(corpus.setMetadata(ID, 'author', 'Ngọc Quy', 'Lan', revision)).rejects.toThrow(
      /changed by someone else/,
    );
    expect(readFileSync(sidecar(dir), 'utf8')).toBe(theirs);
  });

  it('flags an original changed on disk and moves annotations to where their words now stand', async () => {
    const dir = buildCorpus({ 'r.txt': 'Đồng chí Trần Quốc Trung phát biểu.' });
    const corpus = await Corpus.open(dir);
    await corpus.annotateQuote('r', 'Trần Quốc Trung', 1, 'Person', '', 'Lan');
    await corpus.annotateQuote('r', 'phát biểu', 1, 'Quote', '', 'Lan');
    writeFileSync(path.join(dir, 'r.txt'), 'Hôm nay, đồng chí Trần Quốc Trung kết luận.');
    const reopened = await Corpus.open(dir);
    const codes = reopened.summary('r').problems.map((p) => p.code);
    expect(codes).toEqual(['original-changed', 'orphaned-annotations', 'annotations-moved']);
    // Annotations are kept in the order of their ids.
    const annotations = reopened.report('r').annotations;
    const person = annotations.find((a) => a.label === 'Person');
    const quote = annotations.find((a) => a.label === 'Quote');
    expect([...reopened.report('r').text].slice(person!.start, person!.end).join('')).toBe('Trần Quốc Trung');
    expect(quote!.orphaned).toBe(true);
  });
});
