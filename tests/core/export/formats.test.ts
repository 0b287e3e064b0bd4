import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../src-main/core';
import { exportReports, type ExportFormatName } from '../../../src-main/core/export';
import { decodeReport } from '../../../src-main/core/text/decode';
import { tempDir } from '../../helpers/corpora';
import { annotatedCorpus, ASTRAL, ID0, ID1, NOW, python } from './fixture';

let corpus: Corpus;
let dir: string;
const out = (name: string) => path.join(tempDir('folio-export-'), name);

async function exportAll(
  format: ExportFormatName,
  extra: { text?: 'original' | 'corrected'; debris?: boolean } = {},
) {
  const target = out(format);
  const summary = await exportReports(corpus, {
    selection: { kind: 'all' },
    format,
    out: target,
    now: NOW,
    ...extra,
  });
  return { target, summary };
}

/** The exported texts by report id, for Python to slice. */
function textsJson(version: 'original' | 'corrected'): string {
  const file = path.join(tempDir('folio-texts-'), 'texts.json');
  const texts = Object.fromEntries(
    corpus
      .ids()
      .map((id) => [id, version === 'corrected' ? corpus.report(id).text : corpus.report(id).original]),
  );
  writeFileSync(file, JSON.stringify(texts));
  return file;
}

beforeAll(async () => {
  ({ dir, corpus } = await annotatedCorpus());
});

describe('offsets count code points, checked by Python slicing', () => {
  it('jsonl: every annotation text is text[start:end] in Python; NFD arrives as NFC', async () => {
    const { target } = await exportAll('jsonl');
    const result = python(
      `
import json, sys, unicodedata
rows = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]
bad = [(r['id'], a) for r in rows for a in r['annotations'] if r['text'][a['start']:a['end']] != a['text']]
astral = next(r for r in rows if r['id'] == 'astral')
print(json.dumps({'ids': [r['id'] for r in rows], 'bad': bad, 'nfc': all(unicodedata.is_normalized('NFC', r['text']) for r in rows),
  'crlf': any('\\r' in r['text'] for r in rows), 'astral': [[a['start'], a['end'], a['text']] for a in astral['annotations']],
  'keys': sorted(rows[0].keys())}))`,
      path.join(target, 'reports.jsonl'),
    ) as { ids: string[]; bad: unknown[]; nfc: boolean; crlf: boolean; astral: unknown[]; keys: string[] };
    expect(result.bad).toEqual([]);
    expect(result.nfc).toBe(true);
    expect(result.crlf).toBe(false);
    expect(result.ids).toEqual(corpus.ids());
    // 😀 and 𝕏 are one code point each (two UTF-16 units); 🇻🇳 is two code points.
    expect(result.astral).toEqual([
      [29, 49, 'Lâm Thị Phương Thanh'],
      [50, 52, '🇻🇳'],
      [69, 75, 'Hà Nội'],
      [78, 86, 'Thành ủy'],
    ]);
    expect(result.keys).toEqual(
      [
        'annotations',
        'extracted',
        'file',
        'id',
        'metadata',
        'sha256',
        'status',
        'tags',
        'text',
        'textVersion',
      ].sort(),
    );
  });

  it('doccano: text and [start, end, label] triples in UTF-16 units that slice to the annotated words', async () => {
    const { target, summary } = await exportAll('doccano');
    const result = python(
      `
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]
def utf16(text, s, e): return text.encode('utf-16-le')[2 * s:2 * e].decode('utf-16-le')
print(json.dumps({r['report_id']: [[utf16(r['text'], s, e), l] for s, e, l in r['label']] for r in rows}))`,
      path.join(target, 'doccano.jsonl'),
    ) as Record<string, Array<[string, string]>>;
    expect(result[ASTRAL]).toEqual([
      ['Lâm Thị Phương Thanh', 'Person'],
      ['🇻🇳', 'Place'],
      ['Hà Nội', 'Place'],
      ['Thành ủy', 'Organisation'],
    ]);
    expect(result[ID0]).toContainEqual(['Ban Tuyên giáo mới', 'Organisation']);
    expect(summary.warnings.some((w) => /note\(s\) left out/.test(w))).toBe(true);
  });

  it('webannotation: a W3C AnnotationCollection whose selectors agree with the texts beside it', async () => {
    const { target } = await exportAll('webannotation');
    const result = python(
      `
import json, sys, os
root = sys.argv[1]
doc = json.load(open(os.path.join(root, 'annotations.jsonld'), encoding='utf-8'))
problems = []
for item in doc['first']['items']:
    text = open(os.path.join(root, item['target']['source']['schema:contentUrl']), encoding='utf-8', newline='').read()
    quote = next(s for s in item['target']['selector'] if s['type'] == 'TextQuoteSelector')
    pos = next(s for s in item['target']['selector'] if s['type'] == 'TextPositionSelector')
    s, e = pos['start'], pos['end']
    if text[s:e] != quote['exact'] or not text[:s].endswith(quote['prefix']) or not text[e:].startswith(quote['suffix']):
        problems.append(item['id'])
    if not item['id'].startswith('urn:uuid:') or item['type'] != 'Annotation':
        problems.append(item['id'])
print(json.dumps({'context': doc['@context'], 'type': doc['type'], 'total': doc['total'], 'count': len(doc['first']['items']),
  'problems': problems, 'motivations': sorted({json.dumps(i['motivation']) for i in doc['first']['items']}),
  'purposes': sorted({b['purpose'] for i in doc['first']['items'] for b in i['body']})}))`,
      target,
    ) as Record<string, unknown>;
    expect(result).toMatchObject({
      context: 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      problems: [],
      motivations: ['"tagging"', '["tagging", "commenting"]'],
      purposes: ['commenting', 'tagging'],
    });
    expect(result.total).toBe(result.count);
    expect(result.total).toBe(11);
  });

  it('brat: an independent standoff reader finds every fragment in the .txt, notes on their T lines, types declared', async () => {
    const { target } = await exportAll('brat');
    const result = python(
      `
import json, sys, os, re
root = sys.argv[1]
conf = open(os.path.join(root, 'annotation.conf'), encoding='utf-8').read()
section, declared = None, set()
for line in conf.splitlines():
    if line.startswith('['): section = line.strip('[]'); continue
    if section == 'entities' and line.strip() and not line.startswith('#'): declared.add(line.strip())
found, problems = {}, []
for name in sorted(os.listdir(root)):
    if not name.endswith('.ann'): continue
    rid = name[:-4]
    text = open(os.path.join(root, rid + '.txt'), encoding='utf-8', newline='').read()
    spans, notes = {}, {}
    for line in open(os.path.join(root, name), encoding='utf-8', newline='').read().split('\\n'):
        if not line: continue
        fields = line.split('\\t')
        if line.startswith('T'):
            tid, (typ, offsets), quote = fields[0], fields[1].split(' ', 1), fields[2]
            frags = [tuple(map(int, f.split())) for f in offsets.split(';')]
            if ' '.join(text[s:e] for s, e in frags) != quote: problems.append(line)
            if any('\\n' in text[s:e] for s, e in frags): problems.append('newline in ' + line)
            if typ not in declared or not re.fullmatch(r'[A-Za-z][A-Za-z0-9_-]*', typ): problems.append('type ' + typ)
            spans[tid] = [typ, quote, len(frags)]
        elif line.startswith('#'):
            kind, ref = fields[1].split(' ')
            if kind != 'AnnotatorNotes' or ref not in spans: problems.append(line)
            notes[ref] = fields[2]
        else: problems.append(line)
    found[rid] = {'spans': list(spans.values()), 'notes': sorted(notes.values())}
print(json.dumps({'found': found, 'problems': problems, 'declared': sorted(declared)}))`,
      target,
    ) as {
      found: Record<string, { spans: unknown[]; notes: string[] }>;
      problems: string[];
      declared: string[];
    };
    expect(result.problems).toEqual([]);
    expect(result.declared).toContain('Document_reference');
    expect(result.found[ID0]!.notes).toEqual(['Bí thư Thành ủy', 'thành phố ở miền Tây']);
    expect(result.found[ID0]!.spans).toContainEqual(['Document_reference', 'Nghị quyết số 22-NQ/TW', 1]);
    expect(result.found[ID1]!.spans).toHaveLength(1);
    expect((result.found[ID1]!.spans[0] as unknown[])[2]).toBe(2);
    expect(result.found[ASTRAL]!.spans).toContainEqual(['Place', '🇻🇳', 1]);
    expect(readFileSync(path.join(target, 'visual.conf'), 'utf8')).toContain(
      'Document_reference | Document reference',
    );
  });

  it('csv: UTF-8 with BOM, CRLF rows, RFC 4180 quoting; Python reads every value back and slices annotations', async () => {
    const { target } = await exportAll('csv');
    const bytes = readFileSync(path.join(target, 'reports.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const result = python(
      `
import csv, json, sys
texts = json.load(open(sys.argv[3], encoding='utf-8'))
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f: reports = list(csv.DictReader(f))
with open(sys.argv[2], encoding='utf-8-sig', newline='') as f: notes = list(csv.DictReader(f))
bad = [a for a in notes if texts[a['report_id']][int(a['start']):int(a['end'])] != a['text']]
print(json.dumps({'header': list(reports[0].keys()), 'first': reports[0], 'count': len(reports), 'bad': bad,
  'notes': [a['note'] for a in notes if a['note']], 'annotations': len(notes)}))`,
      path.join(target, 'reports.csv'),
      path.join(target, 'annotations.csv'),
      textsJson('corrected'),
    ) as {
      header: string[];
      first: Record<string, string>;
      count: number;
      bad: unknown[];
      notes: string[];
      annotations: number;
    };
    expect(result.header).toEqual([
      'id',
      'file',
      'title',
      'published',
      'source',
      'author',
      'place',
      'section',
      'viewCount',
      'references',
      'people',
      'tags',
      'status',
      'annotations',
      'changes',
      'sha256',
    ]);
    expect(result.count).toBe(6);
    expect(result.first).toMatchObject({
      id: ID0,
      title: 'Tổng kết Nghị quyết 22, "Cần Thơ"; 2018',
      people: '[{"name":"Trần Quốc Trung","role":"Bí thư; Thành ủy"}]',
      tags: 'Cần Thơ; hội nghị',
      status: 'done',
      annotations: '6',
    });
    expect(result.bad).toEqual([]);
    expect(result.notes).toEqual(['thành phố\nở miền Tây', 'Bí thư Thành ủy', 'sau 𝕏']);
    expect(result.annotations).toBe(11);
  });

  it('conll: valid IOB2 sequences whose entities are the annotated words; overlaps listed as left out', async () => {
    const { target, summary } = await exportAll('conll');
    const result = python(
      `
import json, sys
docs, doc, problems = [], None, []
for n, line in enumerate(open(sys.argv[1], encoding='utf-8-sig').read().split('\\n')):
    if line == '': doc = None; continue
    if doc is None: doc = []; docs.append(doc)
    token, tag = line.split('\\t')
    if tag.startswith('I-') and (not doc or doc[-1][1][2:] != tag[2:] or doc[-1][1] == 'O'): problems.append(n)
    doc.append((token, tag))
entities = []
for doc in docs:
    current = None
    for token, tag in doc:
        if tag.startswith('B-'): current = [tag[2:], token]; entities.append(current)
        elif tag.startswith('I-') and current: current[1] += token
        else: current = None
print(json.dumps({'docs': len(docs), 'problems': problems, 'entities': entities}))`,
      path.join(target, 'ner.conll'),
    ) as { docs: number; problems: number[]; entities: Array<[string, string]> };
    expect(result.problems).toEqual([]);
    // One example per sentence, as doccano imports it; no -DOCSTART- line becomes an example of its own.
    expect(result.docs).toBeGreaterThan(6);
    expect(result.entities.map(([type]) => type)).not.toContain('-DOCSTART-');
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(result.entities).toContainEqual(['Document_reference', squeeze('Nghị quyết số 22-NQ/TW')]);
    expect(result.entities).toContainEqual(['Place', '🇻🇳']);
    expect(result.entities).toContainEqual(['Organisation', squeeze('Thành uỷ Cần Thơ')]);
    expect(result.entities).not.toContainEqual(['Place', squeeze('Cần Thơ')]);
    expect(summary.leftOut.map((l) => [l.text, l.reason.slice(0, 8)])).toContainEqual([
      'Cần Thơ',
      'overlaps',
    ]);
  });
});

describe('texts for people', () => {
  it('txt: exactly the corrected text, or the original with --text original', async () => {
    const corrected = (await exportAll('txt')).target;
    expect(readFileSync(path.join(corrected, `${ID0}.txt`), 'utf8')).toBe(corpus.report(ID0).text);
    const original = (await exportAll('txt', { text: 'original' })).target;
    expect(readFileSync(path.join(original, `${ID0}.txt`), 'utf8')).toBe(corpus.report(ID0).original);
    expect(readFileSync(path.join(original, `${ASTRAL}.txt`), 'utf8')).toBe(corpus.report(ASTRAL).original);
  });

  it('markdown: front matter an independent YAML parser reads with the right types; debris left out on request', async () => {
    const { target } = await exportAll('markdown');
    const markdown = readFileSync(path.join(target, `${ID0}.md`), 'utf8');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(markdown)!;
    expect(load(front!)).toMatchObject({
      id: ID0,
      title: 'Tổng kết Nghị quyết 22, "Cần Thơ"; 2018',
      published: '2018-07-05T21:31',
      viewCount: 156,
      people: [{ name: 'Trần Quốc Trung', role: 'Bí thư; Thành ủy' }],
      tags: ['Cần Thơ', 'hội nghị'],
      status: 'done',
      text: 'corrected',
    });
    expect(body).toContain('Bí thư 😀 Thành ủy');
    const astral = readFileSync(path.join(target, `${ASTRAL}.md`), 'utf8');
    expect(astral).toContain('\\"Thành ủy\\" \\<b> \\*đẹp\\*');
    expect(astral).toContain('\\# Có thể bạn quan tâm');
    const clean = (await exportAll('markdown', { debris: false })).target;
    const cleaned = readFileSync(path.join(clean, `${ASTRAL}.md`), 'utf8');
    expect(cleaned).not.toContain('View count');
    expect(cleaned).toContain('Lâm Thị Phương Thanh');
  });
});

describe('--text original', () => {
  it('keeps spans on the original words and lists those on inserted or deleted text', async () => {
    const { target, summary } = await exportAll('jsonl', { text: 'original' });
    const reasons = summary.leftOut.map((l) => [l.reportId, l.text, l.reason.slice(0, 10)]);
    expect(reasons).toContainEqual([ID0, 'Ban Tuyên giáo mới', 'it lies on']);
    expect(reasons).toContainEqual([ID0, 'TGCT', 'its words ']);
    const bad = python(
      `
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]
print(json.dumps([a for r in rows for a in r['annotations'] if r['text'][a['start']:a['end']] != a['text']]))`,
      path.join(target, 'reports.jsonl'),
    );
    expect(bad).toEqual([]);
    const line = readFileSync(path.join(target, 'reports.jsonl'), 'utf8').split('\n')[0]!;
    expect(JSON.parse(line)).toMatchObject({ textVersion: 'original', text: corpus.report(ID0).original });
    expect(JSON.parse(line).annotations.map((a: { text: string }) => a.text)).toContain('Bí Thư');
  });
});

describe('patch', () => {
  it('git apply and patch -p1 on a copy of the corpus write the corrected texts, keeping NFD and CRLF', async () => {
    // The astral report is NFD with CRLF on disk: its patch must start from those bytes.
    await corpus.saveCorrection(
      ASTRAL,
      corpus.report(ASTRAL).text.replace('phát biểu', 'phát biểu 😀'),
      'Lan',
    );
    const { target } = await exportAll('patch');
    const patches = [`${ID0}.patch`, `${ASTRAL}.patch`];
    expect(readFileSync(path.join(target, 'manifest.json'), 'utf8')).toContain(`"${ID0}.patch"`);
    for (const tool of ['git', 'patch'] as const) {
      const copy = tempDir('folio-patched-');
      cpSync(dir, copy, { recursive: true });
      rmSync(path.join(copy, '.folio'), { recursive: true });
      for (const patch of patches) {
        const file = path.join(target, patch);
        const args = tool === 'git' ? ['apply', '--check', file] : ['-p1', '--dry-run', '-i', file];
        execFileSync(tool, args, { cwd: copy });
        execFileSync(tool, tool === 'git' ? ['apply', file] : ['-p1', '-s', '-i', file], {
          cwd: copy,
        });
      }
      for (const id of [ID0, ASTRAL]) {
        const bytes = readFileSync(path.join(copy, `${id}.txt`));
        expect(decodeReport(bytes, id).text, `${tool} ${id}`).toBe(corpus.report(id).text);
      }
      const astral = readFileSync(path.join(copy, `${ASTRAL}.txt`), 'utf8');
      expect(astral).toBe(astral.normalize('NFD'));
      expect(astral.split('\r\n')).toHaveLength(astral.split('\n').length);
    }
  });

  it('refuses --text original, which a patch cannot mean', async () => {
    await expect(exportAll('patch', { text: 'original' })).rejects.toThrow(
      /patch always goes from the original/,
    );
  });
});
