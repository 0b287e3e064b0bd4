import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus, METADATA_FIELDS } from '../../../src-main/core';
import type { ExportFormatName } from '../../../src-main/core/export';
import { importInto, type ImportFormatName } from '../../../src-main/core/import';
import { filesOf } from '../../helpers/files';
import { annotatedCorpus, exportAll, ID0, NOW, openCopy } from '../export/fixture';

let source: { dir: string; corpus: Corpus };

beforeAll(async () => {
  source = await annotatedCorpus();
});

/** A copy of the annotated corpus with everything the format carries removed through the corpus API. */
async function freshCopy(strip: 'annotations' | 'metadata'): Promise<Corpus> {
  const corpus = await openCopy(source.dir);
  for (const id of corpus.ids()) {
    const report = corpus.report(id);
    if (strip === 'annotations') {
      for (const annotation of report.annotations) await corpus.deleteAnnotation(id, annotation.id);
    } else {
      for (const field of METADATA_FIELDS)
        if (report.metadata[field].correction) await corpus.resetMetadata(id, field);
    }
  }
  return corpus;
}

describe('export → import into a fresh copy → export gives identical files', () => {
  const cases: Array<[ExportFormatName, ImportFormatName, 'annotations' | 'metadata']> = [
    ['brat', 'brat', 'annotations'],
    ['doccano', 'doccano', 'annotations'],
    ['webannotation', 'webannotation', 'annotations'],
    ['csv', 'csv-metadata', 'metadata'],
  ];
  for (const [exportFormat, importFormat, strip] of cases) {
    it(`${exportFormat} (import --format ${importFormat})`, async () => {
      const first = await exportAll(source.corpus, exportFormat);
      const fresh = await freshCopy(strip);
      expect(filesOf(await exportAll(fresh, exportFormat))).not.toEqual(filesOf(first));
      const summary = await importInto(fresh, {
        format: importFormat,
        source: first,
        editor: 'Nhập',
        now: NOW,
      });
      expect(summary.unmatched).toEqual([]);
      expect(summary.reanchored).toEqual([]);
      expect(filesOf(await exportAll(fresh, exportFormat))).toEqual(filesOf(first));
      const again = await importInto(fresh, {
        format: importFormat,
        source: first,
        editor: 'Nhập',
        now: NOW,
      });
      expect(again.reports).toEqual([]);
    });
  }

  it('from a zip export too', async () => {
    const zip = await exportAll(source.corpus, 'webannotation', true);
    const fresh = await freshCopy('annotations');
    const summary = await importInto(fresh, { format: 'webannotation', source: zip, editor: 'Nhập' });
    expect(summary.annotationsAdded).toBe(11);
    expect(readFileSync(await exportAll(fresh, 'webannotation', true))).toEqual(readFileSync(zip));
  });
});

describe('export → edit as a user of the tool → import → export: those edits and nothing else', () => {
  it('doccano: a deleted span is gone, a relabelled one is that annotation with its new label', async () => {
    const corpus = await openCopy(source.dir);
    const out = await exportAll(corpus, 'doccano');
    const first = filesOf(out);
    const lines = first['doccano.jsonl']!.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const row = lines.find((l) => l.report_id === ID0);
    row.label = row.label
      .filter(([, , label]: unknown[]) => label !== 'Document reference')
      .map(([s, e, label]: [number, number, string]) => [s, e, s === 0 ? 'Place' : label]);
    writeFileSync(path.join(out, 'doccano.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const relabelled = corpus.report(ID0).annotations.find((a) => a.start === 0)!;
    await importInto(corpus, { format: 'doccano', source: out, editor: 'Nhập', now: NOW });
    expect(corpus.report(ID0).annotations.filter((a) => a.start === 0 && a.end === relabelled.end)).toEqual([
      { ...relabelled, label: 'Place', modified: NOW.toISOString() },
    ]);
    const second = filesOf(await exportAll(corpus, 'doccano'));
    expect(
      second['doccano.jsonl']!.trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(lines);
    expect(second[`manifest.json`]).not.toEqual(first['manifest.json']);
  });

  it('brat: a deleted span is gone, a relabelled one keeps its id, a note edited there is taken', async () => {
    const corpus = await openCopy(source.dir);
    const out = await exportAll(corpus, 'brat');
    const first = filesOf(out);
    const edited = first[`${ID0}.ann`]!.replace('T3\tDocument_reference 43 65\tNghị quyết số 22-NQ/TW\n', '')
      .replace('T1\tOrganisation 0 16', 'T1\tPlace 0 16')
      .replace('thành phố ở miền Tây', 'thành phố trực thuộc trung ương');
    writeFileSync(path.join(out, `${ID0}.ann`), edited);
    const relabelled = corpus.report(ID0).annotations.find((a) => a.quote === 'Thành uỷ Cần Thơ')!;
    await importInto(corpus, { format: 'brat', source: out, editor: 'Nhập', now: NOW });
    expect(corpus.report(ID0).annotations.find((a) => a.quote === 'Thành uỷ Cần Thơ')).toMatchObject({
      id: relabelled.id,
      label: 'Place',
    });
    const second = filesOf(await exportAll(corpus, 'brat'));
    const t = (ann: string) =>
      ann.replace(/^(T|#)\d+\t/gm, '$1\t').replace(/AnnotatorNotes T\d+/g, 'AnnotatorNotes');
    expect(t(second[`${ID0}.ann`]!)).toBe(t(edited));
    for (const file of Object.keys(first).filter((f) => f !== `${ID0}.ann` && f !== 'manifest.json'))
      expect(second[file], file).toBe(first[file]);
  });
});
