import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { importInto } from '../../../src-main/core/import';
import { buildCorpus, copySampleCorpus, SAMPLE_IDS, tempDir } from '../../helpers/corpora';

const [ID0, ID1] = SAMPLE_IDS as [string, string, string, string, string];
const TEXT = 'Đồng chí 😀 Lâm Thị Phương Thanh và đồng chí Lâm Thị Phương Thanh';

function files(contents: Record<string, string>): string {
  const dir = tempDir('folio-import-');
  for (const [name, content] of Object.entries(contents)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** Every sidecar's bytes, to prove a failed import changed nothing. */
/** The editorial files of a corpus (the cache, saved in the background, is not one). */
function sidecars(dir: string): Record<string, string> {
  const folio = path.join(dir, '.folio');
  return Object.fromEntries(
    readdirSync(folio, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json') && path.basename(e.parentPath) !== 'cache')
      .map((e) => [path.join(e.parentPath, e.name), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
  );
}

describe('brat import', () => {
  it('re-anchors by quote when offsets disagree, lists unmatched spans and ignored lines, keeps notes', async () => {
    const corpus = await Corpus.open(buildCorpus({ 'r.txt': TEXT }));
    const source = files({
      'r.ann': [
        'T1\tPerson 11 31\tLâm Thị Phương Thanh',
        '#1\tAnnotatorNotes T1\tBí thư Tỉnh ủy',
        'T2\tPerson 40 60\tLâm Thị Phương Thanh',
        'T3\tPlace 0 4\tHà Nội',
        'R1\tSame Arg1:T1 Arg2:T2',
        '',
      ].join('\n'),
      'gone.ann': 'T1\tPerson 0 3\tabc\n',
    });
    const summary = await importInto(corpus, { format: 'brat', source, editor: 'Lan' });
    expect(summary.annotationsAdded).toBe(2);
    expect(summary.reanchored).toEqual([
      {
        where: 'r.ann:3',
        reportId: 'r',
        label: 'Person',
        text: 'Lâm Thị Phương Thanh',
        from: [40, 60],
        to: [44, 64],
      },
    ]);
    expect(summary.unmatched).toEqual([
      {
        where: 'gone.ann:1',
        reportId: 'gone',
        what: 'Person "abc" at 0-3',
        reason: 'no report "gone" in this corpus',
      },
      {
        where: 'r.ann:4',
        reportId: 'r',
        what: 'Place "Hà Nội" at 0-4',
        reason: "its text is not in the report's text",
      },
    ]);
    expect(summary.ignored).toEqual([
      'r.ann:5: brat R line (relations, events, attributes and normalisations are not imported)',
    ]);
    expect(corpus.report('r').annotations.map((a) => [a.start, a.end, a.note, a.author])).toEqual([
      [11, 31, 'Bí thư Tỉnh ủy', 'Lan'],
      [44, 64, '', 'Lan'],
    ]);
  });

  it('an unknown label stops the import before anything is written', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    await corpus.annotateQuote(ID0, 'Cần Thơ', 1, 'Place', '', 'Lan');
    const before = sidecars(dir);
    const source = files({
      [`${ID0}.ann`]: 'T1\tPerson 0 4\tThành\n',
      [`${ID1}.ann`]: 'T1\tAnimal 0 3\tCần\nT2\tAnimal 4 7\tThơ\n',
    });
    await expect(importInto(corpus, { format: 'brat', source, editor: 'Lan' })).rejects.toThrow(
      `unknown label(s) "Animal" (2 span(s), first at ${ID1}.ann:1); this corpus's labels are Person, Organisation, Place, Document reference, Figure, Date, Quote. Nothing was imported`,
    );
    expect(sidecars(dir)).toEqual(before);
  });

  it('a malformed line is an error naming file and line', async () => {
    const corpus = await Corpus.open(buildCorpus({ 'r.txt': TEXT }));
    const source = files({ 'r.ann': 'T1\tPerson eleven 31\tLâm\n' });
    await expect(importInto(corpus, { format: 'brat', source, editor: 'Lan' })).rejects.toThrow(
      'r.ann:1: not a brat standoff line: "T1\\tPerson eleven 31\\tLâm"',
    );
  });

  it('takes a note written before its T line, as brat does', async () => {
    const corpus = await Corpus.open(buildCorpus({ 'r.txt': TEXT }));
    const source = files({
      'r.ann': '#1\tAnnotatorNotes T1\tBí thư Tỉnh ủy\nT1\tPerson 11 31\tLâm Thị Phương Thanh\n',
      'r.txt': TEXT,
    });
    const summary = await importInto(corpus, { format: 'brat', source, editor: 'Lan' });
    expect(summary.changes).toMatchObject([{ kind: 'added', where: 'r.ann:2', note: 'Bí thư Tỉnh ủy' }]);
    expect(corpus.report('r').annotations).toMatchObject([
      { start: 11, end: 31, quote: 'Lâm Thị Phương Thanh', note: 'Bí thư Tỉnh ủy' },
    ]);
  });

  it('refuses a span whose text contradicts the .txt beside it, naming file and line, as brat does', async () => {
    const dir = buildCorpus({ 'r.txt': TEXT });
    const corpus = await Corpus.open(dir);
    await corpus.annotateQuote('r', 'Lâm', 1, 'Person', '', 'Lan');
    const before = sidecars(dir);
    const source = files({
      'r.ann': 'T1\tPerson 11 31\tLâm Thị Phương Thanh\nT2\tPlace 0 4\tHà Nội\n',
      'r.txt': TEXT,
    });
    await expect(importInto(corpus, { format: 'brat', source, editor: 'Lan' })).rejects.toThrow(
      'r.ann:2: T2: the line gives the text "Hà Nội", but r.txt has "Đồng" at 0-4 (brat refuses this line too)',
    );
    expect(sidecars(dir)).toEqual(before);
  });

  it('takes fragments over line breaks as one span; refuses a discontinuous span with its line, .txt or not', async () => {
    const text = 'Ủy ban nhân dân\nthành phố Cần Thơ họp';
    const corpus = await Corpus.open(buildCorpus({ 'r.txt': text }));
    const acrossLines = 'T1\tOrganisation 0 15;16 33\tỦy ban nhân dân thành phố Cần Thơ\n';
    const summary = await importInto(corpus, {
      format: 'brat',
      source: files({ 'r.ann': acrossLines, 'r.txt': text }),
      editor: 'Lan',
    });
    expect(summary.changes).toMatchObject([{ kind: 'added', start: 0, end: 33 }]);
    expect(corpus.report('r').annotations[0]!.quote).toBe('Ủy ban nhân dân\nthành phố Cần Thơ');
    const again = await importInto(corpus, {
      format: 'brat',
      source: files({ 'r.ann': acrossLines }),
      editor: 'Lan',
    });
    expect(again).toMatchObject({ changes: [], annotationsUnchanged: 1 });

    const discontinuous = `T1\tPlace 26 33\tCần Thơ\nT6\tOrganisation 0 6;12 15\tỦy ban dân\n`;
    const refusal =
      'r.ann:2: T6: a discontinuous span (0 6;12 15) that leaves out " nhân "; a Folio annotation is one continuous span';
    for (const source of [
      files({ 'r.ann': discontinuous, 'r.txt': text }),
      files({ 'r.ann': discontinuous }),
    ]) {
      await expect(importInto(corpus, { format: 'brat', source, editor: 'Lan' })).rejects.toThrow(refusal);
    }
    expect(corpus.report('r').annotations).toHaveLength(1);
  });
});

describe('doccano import', () => {
  it('matches a line without report_id by its text; UTF-16 units, as doccano counts', async () => {
    const corpus = await Corpus.open(buildCorpus({ 'r.txt': TEXT }));
    // 😀 is two UTF-16 units: doccano puts "Lâm" at 12, which is code point 11.
    const source = files({
      'admin.jsonl': `${JSON.stringify({ id: 7, text: TEXT, label: [[12, 32, 'person']] })}\n`,
    });
    const summary = await importInto(corpus, { format: 'doccano', source, editor: 'Lan' });
    expect(summary).toMatchObject({ annotationsAdded: 1, unmatched: [], reanchored: [] });
    expect(corpus.report('r').annotations[0]).toMatchObject({
      label: 'Person',
      quote: 'Lâm Thị Phương Thanh',
      start: 11,
      end: 31,
    });
  });
});

describe('webannotation import', () => {
  it('uses the quote context to pick the occurrence when offsets are gone', async () => {
    const corpus = await Corpus.open(buildCorpus({ 'r.txt': TEXT }));
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
      type: 'Annotation',
      creator: { type: 'Person', name: 'Hypothesis user' },
      body: { type: 'TextualBody', purpose: 'tagging', value: 'Person' },
      target: {
        source: 'r.txt',
        selector: {
          type: 'TextQuoteSelector',
          exact: 'Lâm Thị Phương Thanh',
          prefix: 'và đồng chí ',
          suffix: '',
        },
      },
    };
    const source = files({ 'anno.json': JSON.stringify(annotation) });
    const summary = await importInto(corpus, { format: 'webannotation', source, editor: 'Lan' });
    expect(summary.reanchored[0]?.to).toEqual([44, 64]);
    expect(corpus.report('r').annotations[0]).toMatchObject({
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      author: 'Hypothesis user',
      start: 44,
    });
  });
});

describe('csv-metadata import', () => {
  it('reads a spreadsheet CSV (BOM, quotes, CRLF) into corrections; unknown ids and columns are listed', async () => {
    const corpus = await Corpus.open(copySampleCorpus());
    const csv =
      '\uFEFFid,title,people,references,viewCount,note\r\n' +
      `${ID0},"Tổng kết, ""22""","Trần Quốc Trung, Bí thư Thành ủy; Mai Thanh Dân",22-NQ/TW; 36-CT/TW,12,x\r\n` +
      'nope,Tiêu đề,,,,\r\n';
    const source = files({ 'sheet.csv': csv });
    const summary = await importInto(corpus, { format: 'csv-metadata', source, editor: 'Lan' });
    expect(summary.metadataChanged).toBe(4);
    expect(summary.unmatched.map((u) => u.reason)).toEqual(Array(4).fill('no report "nope" in this corpus'));
    expect(summary.ignored).toEqual(['sheet.csv: column "note" is not a metadata field; not imported']);
    const metadata = corpus.report(ID0).metadata;
    expect(metadata.title).toMatchObject({ value: 'Tổng kết, "22"', correction: { editor: 'Lan' } });
    expect(metadata.people.value).toEqual([
      { name: 'Trần Quốc Trung', role: 'Bí thư Thành ủy' },
      { name: 'Mai Thanh Dân', role: null },
    ]);
    expect(metadata.viewCount.value).toBe(12);
    const again = await importInto(corpus, { format: 'csv-metadata', source, editor: 'Lan' });
    expect(again).toMatchObject({ metadataChanged: 0, metadataUnchanged: 4, reports: [] });
  });

  it('a value of the wrong shape stops the import, naming row and column; nothing changes', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    await corpus.setStatus([ID0], 'done');
    const before = sidecars(dir);
    const source = files({ 'sheet.csv': `id,title,published\n${ID0},Tiêu đề mới,hôm qua\n` });
    await expect(importInto(corpus, { format: 'csv-metadata', source, editor: 'Lan' })).rejects.toThrow(
      'invalid metadata values: sheet.csv: row 2, column "published": expected an ISO 8601 date such as 2018-07-05 or 2018-07-05T21:31. Nothing was imported',
    );
    expect(sidecars(dir)).toEqual(before);
    const noId = files({ 'sheet.csv': 'report,title\nx,y\n' });
    await expect(importInto(corpus, { format: 'csv-metadata', source: noId, editor: 'Lan' })).rejects.toThrow(
      'sheet.csv: no "id" column in the first row',
    );
  });
});
