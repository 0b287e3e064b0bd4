import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { exportReports, type ExportSummary } from '../../../src-main/core/export';
import { importInto } from '../../../src-main/core/import';
import { buildCorpus, tempDir } from '../../helpers/corpora';
import { annotatedCorpus, ASTRAL, NOW } from './fixture';
import { DOCCANO_DETECT_ENCODING } from '../../helpers/doccano';

const NEWS =
  'Tin nhanh 😀 Đồng chí Lâm Thị Phương Thanh 🇻🇳 phát biểu tại 𝕏 Hà Nội; "Thành ủy" 👨‍👩‍👧‍👦 ghi nhận.\n';

/**
 * A doccano JSONL file read as doccano's importer reads it (`data_import/pipeline/parsers.py`): the encoding
 * guessed with chardet as `detect_encoding` does, then each line `rstrip`ped and given to `json.loads`. Spans
 * are sliced in UTF-16 units, as doccano's annotation view shows them.
 */
const DOCCANO_JSONL = String.raw`
${DOCCANO_DETECT_ENCODING}
def utf16(text, start, end):
    return text.encode('utf-16-le')[2 * start:2 * end].decode('utf-16-le')

path = sys.argv[1]
encoding = detect_encoding(path)
with open(path, encoding=encoding) as f:
    rows = [json.loads(line.rstrip()) for line in f]
print(json.dumps({
    'encoding': encoding,
    'texts': {r['report_id']: r['text'] for r in rows},
    'spans': {r['report_id']: sorted([utf16(r['text'], s, e), l] for s, e, l in r['label']) for r in rows},
}))
`;

interface DoccanoReading {
  encoding: string;
  texts: Record<string, string>;
  spans: Record<string, Array<[string, string]>>;
}

async function exportDoccano(corpus: Corpus): Promise<{ file: string; summary: ExportSummary }> {
  const out = path.join(tempDir('folio-doccano-'), 'doccano');
  const summary = await exportReports(corpus, {
    selection: { kind: 'all' },
    format: 'doccano',
    out,
    now: NOW,
  });
  return { file: path.join(out, 'doccano.jsonl'), summary };
}

/** What the export must say: every report's text, and the text and label of each annotation it keeps. */
function expectedOf(corpus: Corpus, summary: ExportSummary): Omit<DoccanoReading, 'encoding'> {
  const leftOut = new Set(summary.leftOut.map((left) => left.annotationId));
  const ids = corpus.ids();
  return {
    texts: Object.fromEntries(ids.map((id) => [id, corpus.report(id).text])),
    spans: Object.fromEntries(
      ids.map((id) => [
        id,
        corpus
          .report(id)
          .annotations.filter((a) => !leftOut.has(a.id))
          .map((a): [string, string] => [a.quote, a.label])
          .sort(),
      ]),
    ),
  };
}

describe('doccano export', () => {
  let small: Corpus;

  beforeAll(async () => {
    small = await Corpus.open(buildCorpus({ 'news.txt': NEWS }));
    for (const [quote, label] of [
      ['Lâm Thị Phương Thanh', 'Person'],
      ['🇻🇳', 'Place'],
      ['Hà Nội', 'Place'],
      ['Thành ủy', 'Organisation'],
      ['👨‍👩‍👧‍👦', 'Quote'],
    ]) {
      await small.annotateQuote('news', quote!, 1, label!, '', 'Lan');
    }
  });

  // A small file gets one chardet guess (ASCII); a large one is fed to the incremental detector, which stays
  // undecided on ASCII, and doccano then reads it as UTF-8. Either reads pure ASCII right.
  for (const [name, open, encoding] of [
    ['a small export', async () => small, 'ascii'],
    ['the annotated fixture', async () => (await annotatedCorpus()).corpus, 'utf-8'],
  ] as const) {
    it(`${name}: pure ASCII, read back exactly, every span in UTF-16 units on its words`, async () => {
      const corpus = await open();
      const { file, summary } = await exportDoccano(corpus);
      const bytes = readFileSync(file);
      expect(bytes.filter((byte) => byte > 0x7f).length).toBe(0);
      const reading = JSON.parse(
        execFileSync('/usr/bin/python3', ['-c', DOCCANO_JSONL, file], { encoding: 'utf8' }),
      ) as DoccanoReading;
      expect(reading.encoding).toBe(encoding);
      expect({ texts: reading.texts, spans: reading.spans }).toEqual(expectedOf(corpus, summary));
    });
  }

  it('writes an astral character as its surrogate pair and offsets after it one unit further', async () => {
    const { file } = await exportDoccano(small);
    const line = readFileSync(file, 'utf8');
    expect(line).toContain('Tin nhanh \\ud83d\\ude00 \\u0110\\u1ed3ng');
    // "Lâm" is code point 21 but UTF-16 unit 22, after 😀.
    expect((JSON.parse(line) as { label: unknown[] }).label).toContainEqual([22, 42, 'Person']);
  });

  it('keeps the astral report of the fixture on its words', async () => {
    const { corpus } = await annotatedCorpus();
    const { file } = await exportDoccano(corpus);
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { report_id: string; text: string; label: Array<[number, number, string]> },
      );
    const astral = rows.find((row) => row.report_id === ASTRAL)!;
    expect(astral.label.map(([s, e, label]) => [astral.text.slice(s, e), label])).toEqual([
      ['Lâm Thị Phương Thanh', 'Person'],
      ['🇻🇳', 'Place'],
      ['Hà Nội', 'Place'],
      ['Thành ủy', 'Organisation'],
    ]);
  });
});

describe('doccano import', () => {
  /** A folder holding the files, for `importInto`. */
  function files(contents: Record<string, string>): string {
    const dir = tempDir('folio-doccano-in-');
    for (const [name, content] of Object.entries(contents)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    return dir;
  }

  it('places spans a doccano user made after emoji on their words', async () => {
    const corpus = await Corpus.open(buildCorpus({ 'news.txt': NEWS }));
    const { file } = await exportDoccano(corpus);
    // As doccano exports a project: UTF-8 (force_ascii=False), offsets as its view counts them, meta kept.
    const edited = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        String.raw`
import json, sys
row = json.loads(open(sys.argv[1], encoding='ascii').read())
def units(text, quote):
    at = text.index(quote)
    start = len(text[:at].encode('utf-16-le')) // 2
    return [start, start + len(quote.encode('utf-16-le')) // 2]
labels = [units(row['text'], q) + [l] for q, l in [('Hà Nội', 'Place'), ('👨‍👩‍👧‍👦', 'Quote'), ('Lâm Thị', 'Person')]]
print(json.dumps({'id': 3, 'text': row['text'], 'label': labels, 'Comments': [], 'report_id': row['report_id']}, ensure_ascii=False))`,
        file,
      ],
      { encoding: 'utf8' },
    );
    await importInto(corpus, {
      format: 'doccano',
      source: files({ 'admin.jsonl': edited }),
      editor: 'Lan',
    });
    const placed = corpus
      .report('news')
      .annotations.map((a) => [a.quote, a.label, a.start])
      .sort();
    // Code points: 😀, 🇻 🇳 and 𝕏 count one each.
    expect(placed).toEqual([
      ['Hà Nội', 'Place', 61],
      ['Lâm Thị', 'Person', 21],
      ['👨‍👩‍👧‍👦', 'Quote', 80],
    ]);
  });

  const TEXT = 'Anh 😀 Lâm';
  const good = JSON.stringify({ report_id: 'r', text: TEXT, label: [[7, 10, 'Person']] });
  for (const [span, why] of [
    [[0, 11, 'Person'], 'lies outside the text (0-10 UTF-16 units)'],
    [[-1, 3, 'Person'], 'lies outside the text (0-10 UTF-16 units)'],
    [{ start_offset: 7, end_offset: 12, label: 'Person' }, 'lies outside the text (0-10 UTF-16 units)'],
    [[5, 10, 'Person'], 'splits the character "😀" at 5'],
    [[0, 5, 'Person'], 'splits the character "😀" at 5'],
    [[3, 3, 'Person'], 'does not start before it ends'],
    [[7, 4, 'Person'], 'does not start before it ends'],
    [['7', 10, 'Person'], 'is not [start, end, "Label"]'],
    [[7.5, 10, 'Person'], 'is not [start, end, "Label"]'],
    [[7, 10], 'is not [start, end, "Label"]'],
    [[7, 10, 3], 'is not [start, end, "Label"]'],
    [[7, 10, 'Person', 'extra'], 'is not [start, end, "Label"]'],
  ] as const) {
    it(`refuses the file, naming its line, when a span ${why}: ${JSON.stringify(span)}`, async () => {
      const corpus = await Corpus.open(buildCorpus({ 'r.txt': TEXT }));
      const bad = JSON.stringify({ report_id: 'r', text: TEXT, label: [[7, 10, 'Person'], span] });
      const source = files({ 'doccano.jsonl': `${good}\n${bad}\n` });
      await expect(importInto(corpus, { format: 'doccano', source, editor: 'Lan' })).rejects.toThrow(
        `doccano.jsonl:2: span 2 ${JSON.stringify(span)} ${why}; nothing was imported`,
      );
      expect(corpus.report('r').annotations).toEqual([]);
    });
  }
});
