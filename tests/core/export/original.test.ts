import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../src-main/core';
import { exportReports, type ExportFormatName } from '../../../src-main/core/export';
import { tempDir } from '../../helpers/corpora';
import { annotatedCorpus, ASTRAL, ID0, NOW } from './fixture';

let corpus: Corpus;

beforeAll(async () => {
  ({ corpus } = await annotatedCorpus());
});

function exportAll(format: ExportFormatName, text: 'original' | 'corrected') {
  const out = path.join(tempDir('folio-original-'), format);
  return exportReports(corpus, { selection: { kind: 'all' }, format, text, out, now: NOW }).then(
    (summary) => ({ out, summary }),
  );
}

/** The code-point offsets of the first `needle` in `text`. */
function codePointsOf(text: string, needle: string): [number, number] {
  const at = text.indexOf(needle);
  expect(at, `"${needle}"`).toBeGreaterThanOrEqual(0);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...needle].length];
}

const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

interface JsonlRow {
  id: string;
  text: string;
  textVersion: string;
  annotations: Array<{ id: string; start: number; end: number; text: string; label: string }>;
}

function rows(out: string): JsonlRow[] {
  return readFileSync(path.join(out, 'reports.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JsonlRow);
}

describe('exporting the original text', () => {
  it('maps every annotation onto the original, where the correction moved it', async () => {
    const original = corpus.report(ID0).original;
    const corrected = corpus.report(ID0).text;
    // The correction inserts "😀 " before the name, so its offsets differ between the two texts.
    expect(codePointsOf(original, 'Trần Quốc Trung')).not.toEqual(codePointsOf(corrected, 'Trần Quốc Trung'));

    const onOriginal = rows((await exportAll('jsonl', 'original')).out).find((row) => row.id === ID0)!;
    const onCorrected = rows((await exportAll('jsonl', 'corrected')).out).find((row) => row.id === ID0)!;
    expect(onOriginal.textVersion).toBe('original');
    expect(onOriginal.text).toBe(original);
    const person = (row: JsonlRow) => row.annotations.find((a) => a.label === 'Person')!;
    expect([person(onOriginal).start, person(onOriginal).end]).toEqual(
      codePointsOf(original, 'Trần Quốc Trung'),
    );
    expect([person(onCorrected).start, person(onCorrected).end]).toEqual(
      codePointsOf(corrected, 'Trần Quốc Trung'),
    );
    for (const a of onOriginal.annotations) expect(slice(original, a.start, a.end), a.label).toBe(a.text);
  });

  it('leaves out an annotation whose words exist only in the correction, and names it with its cause', async () => {
    const { out, summary } = await exportAll('jsonl', 'original');
    expect(summary.text).toBe('original');
    const inserted = summary.leftOut.filter((left) => left.cause === 'inserted');
    expect(inserted).toEqual([
      expect.objectContaining({
        reportId: ID0,
        label: 'Organisation',
        text: 'Ban Tuyên giáo mới',
        cause: 'inserted',
      }),
    ]);
    expect(summary.leftOut).toContainEqual(
      expect.objectContaining({ reportId: ID0, text: 'TGCT', cause: 'orphaned' }),
    );
    const exported = rows(out).flatMap((row) => row.annotations.map((a) => a.id));
    expect(exported).not.toContain(inserted[0]!.annotationId);
    // On the corrected text the same annotation is exported.
    const corrected = await exportAll('jsonl', 'corrected');
    expect(corrected.summary.leftOut.map((left) => left.cause)).toEqual(['orphaned']);
    expect(rows(corrected.out).flatMap((row) => row.annotations.map((a) => a.id))).toContain(
      inserted[0]!.annotationId,
    );
  });

  it('writes the original beside the spans in brat, doccano and Web Annotation, every span covering its words', async () => {
    const original = (id: string) => corpus.report(id).original;
    const brat = await exportAll('brat', 'original');
    expect(readFileSync(path.join(brat.out, `${ID0}.txt`), 'utf8')).toBe(original(ID0));
    const ann = readFileSync(path.join(brat.out, `${ID0}.ann`), 'utf8');
    for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
      const [, type, text] = line.split('\t') as [string, string, string];
      const fragments = type.split(' ').slice(1).join(' ').split(';');
      const covered = fragments.map((f) =>
        slice(original(ID0), ...(f.split(' ').map(Number) as [number, number])),
      );
      expect(covered.join(' '), line).toBe(text);
    }
    expect(ann).not.toContain('Ban Tuyên giáo mới');

    const doccano = await exportAll('doccano', 'original');
    const lines = readFileSync(path.join(doccano.out, 'doccano.jsonl'), 'utf8').trim().split('\n');
    for (const line of lines.map(
      (l) => JSON.parse(l) as { report_id: string; text: string; label: unknown[] },
    )) {
      expect(line.text).toBe(original(line.report_id));
    }
    expect(doccano.summary.leftOut.map((left) => [left.text, left.cause])).toContainEqual([
      'Ban Tuyên giáo mới',
      'inserted',
    ]);

    const web = await exportAll('webannotation', 'original');
    const collection = JSON.parse(readFileSync(path.join(web.out, 'annotations.jsonld'), 'utf8')) as {
      first: {
        items: Array<{
          target: {
            source: { 'schema:contentUrl': string };
            selector: Array<{ exact?: string; start?: number; end?: number }>;
          };
        }>;
      };
    };
    const astral = collection.first.items.filter((item) =>
      item.target.source['schema:contentUrl'].includes(ASTRAL),
    );
    expect(astral.length).toBe(4);
    for (const item of collection.first.items) {
      const source = readFileSync(
        path.join(web.out, ...item.target.source['schema:contentUrl'].split('/')),
        'utf8',
      );
      const [quote, position] = item.target.selector;
      expect(slice(source, position!.start!, position!.end!)).toBe(quote!.exact);
    }
  });

  it('names an annotation BIO tags cannot nest as an overlap', async () => {
    const { summary } = await exportAll('conll', 'original');
    expect(summary.leftOut.filter((left) => left.cause === 'overlap').map((left) => left.text)).toContain(
      'Cần Thơ',
    );
  });
});
