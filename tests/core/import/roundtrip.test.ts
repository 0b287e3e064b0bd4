import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus, METADATA_FIELDS } from '../../../src-main/core';
import { exportReports, type ExportFormatName } from '../../../src-main/core/export';
import { importInto, type ImportFormatName } from '../../../src-main/core/import';
import { tempDir } from '../../helpers/corpora';
import { annotatedCorpus, NOW } from '../export/fixture';

let source: { dir: string; corpus: Corpus };

beforeAll(async () => {
  source = await annotatedCorpus();
});

/** A copy of the annotated corpus with everything the format carries removed through the corpus API. */
async function freshCopy(strip: 'annotations' | 'metadata'): Promise<Corpus> {
  const dir = tempDir('folio-fresh-');
  cpSync(source.dir, dir, { recursive: true });
  const corpus = await Corpus.open(dir);
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

async function exportTo(corpus: Corpus, format: ExportFormatName, zip = false): Promise<string> {
  const out = path.join(tempDir('folio-rt-'), zip ? `${format}.zip` : format);
  await exportReports(corpus, { selection: { kind: 'all' }, format, out, zip, now: NOW });
  return out;
}

function filesOf(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    entries.map((e) => {
      const full = path.join(e.parentPath, e.name);
      return [path.relative(dir, full), readFileSync(full, 'utf8')];
    }),
  );
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
      const first = await exportTo(source.corpus, exportFormat);
      const fresh = await freshCopy(strip);
      expect(filesOf(await exportTo(fresh, exportFormat))).not.toEqual(filesOf(first));
      const summary = await importInto(fresh, {
        format: importFormat,
        source: first,
        editor: 'Nhập',
        now: NOW,
      });
      expect(summary.unmatched).toEqual([]);
      expect(summary.reanchored).toEqual([]);
      expect(filesOf(await exportTo(fresh, exportFormat))).toEqual(filesOf(first));
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
    const zip = await exportTo(source.corpus, 'webannotation', true);
    const fresh = await freshCopy('annotations');
    const summary = await importInto(fresh, { format: 'webannotation', source: zip, editor: 'Nhập' });
    expect(summary.annotationsAdded).toBe(11);
    expect(readFileSync(await exportTo(fresh, 'webannotation', true))).toEqual(readFileSync(zip));
  });
});
