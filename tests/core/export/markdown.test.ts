import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { METADATA_FIELDS } from '../../../src-main/contract/vocabulary';
import { exportReports } from '../../../src-main/core/export';
import { buildCorpus, SAMPLE_CORPUS, tempDir } from '../../helpers/corpora';
import { NOW } from './fixture';

const run = promisify(execFile);
const SHARED = path.resolve(import.meta.dirname, '../../../../shared');
/** A scraped report holding every construct that is syntax in pandoc's Markdown, CommonMark or GFM. */
const SYNTAX = 'syntax_report';
const SYNTAX_FILE = path.resolve(import.meta.dirname, `../../fixtures/markdown/${SYNTAX}.txt`);

/** The fixture, the real holdout reports and the samples, as files of one corpus. */
const FILES: Record<string, Buffer> = Object.fromEntries([
  [`${SYNTAX}.txt`, readFileSync(SYNTAX_FILE)],
  ...[path.join(SHARED, 'real-corpus'), SAMPLE_CORPUS].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => [name, readFileSync(path.join(dir, name))]),
  ),
]);
const IDS = Object.keys(FILES).map((name) => name.replace(/\.txt$/, ''));

/** Metadata and tags made of Markdown syntax, set on the fixture through the core API. */
const SYNTAX_METADATA: Record<string, unknown> = {
  title: '~~Hội nghị~~ ^tổng kết^ @ThanhTri [^1] *Nghị quyết* 22-NQ/TW <b> $10 | "Thanh Trì"',
  published: '2018-07-05T21:31',
  source: 'Thanh Sang/TTXVN -- hanoimoi.com.vn... <https://hanoimoi.com.vn> :smile:',
  author: 'Tin, ảnh: Ngọc Quy & @phongvien, banbientap@thanhtri.gov.vn',
  place: '_Thanh Trì_, Hà Nội',
  section: '# Xây dựng Đảng',
  viewCount: 156,
  references: ['22-NQ/TW', '1. NQ TW6', '[46-KH/TU]', '- 36-CT/TW'],
  people: [
    { name: 'Trần Quốc Trung', role: '> Bí thư; ~Thành ủy~' },
    { name: '`Lê Văn Tám`', role: null },
  ],
};
const SYNTAX_TAGS = ['@hội-nghị', '~~cũ~~', 'Cần Thơ', '22. tổng kết'];

/** The dialects, as pandoc names them, with the front matter read as metadata in each. */
const DIALECTS = ['markdown', 'commonmark+yaml_metadata_block', 'gfm'] as const;
type Dialect = (typeof DIALECTS)[number];

/** The pandoc AST nodes plain text is made of: paragraphs of words, spaces and line breaks. */
const TEXT_NODES = new Set(['Para', 'Plain', 'Str', 'Space', 'SoftBreak', 'LineBreak']);
/** Curly quotes already in a text are quotes to pandoc's `smart` extension; plain output writes them back. */
const QUOTE_NODES = new Set(['Quoted', 'DoubleQuote', 'SingleQuote']);

let corpus: Corpus;
let out: string;

beforeAll(async () => {
  corpus = await Corpus.open(buildCorpus(FILES));
  for (const [field, value] of Object.entries(SYNTAX_METADATA)) {
    await corpus.setMetadata(SYNTAX, field, value, 'Lan');
  }
  await corpus.setTags([SYNTAX], { add: SYNTAX_TAGS });
  await corpus.setStatus([SYNTAX], 'done');
  out = path.join(tempDir('folio-markdown-'), 'md');
  await exportReports(corpus, { selection: { kind: 'all' }, format: 'markdown', out, now: NOW });
});

const readings = new Map<string, Promise<string>>();

/** What pandoc makes of an exported file, read once per dialect and output format. */
function pandoc(from: Dialect, to: 'plain' | 'json', file: string): Promise<string> {
  const key = `${from} ${to} ${file}`;
  let reading = readings.get(key);
  if (!reading) {
    reading = run('/usr/bin/pandoc', ['-f', from, '-t', to, '--wrap=none', file]).then((r) => r.stdout);
    readings.set(key, reading);
  }
  return reading;
}

/**
 * What Markdown keeps of a text, the rules the export documents: line breaks kept; spaces and tabs at the end
 * of a line dropped; leading spaces and tabs as no-break spaces, one per column (tabs to the next multiple of
 * four); other runs of spaces and tabs as one space; runs of blank lines as one; no blank lines at either end.
 */
function readBack(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .map((line) => line.replace(/^[ \t\u00a0]+/, noBreakColumns))
    .map((line) => line.replace(/[ \t]+/g, ' '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function noBreakColumns(indentation: string): string {
  let columns = 0;
  for (const char of indentation) columns += char === '\t' ? 4 - (columns % 4) : 1;
  return '\u00a0'.repeat(columns);
}

interface PandocNode {
  t?: string;
  c?: unknown;
}

function nodeTypes(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const child of node) nodeTypes(child, into);
  else if (node !== null && typeof node === 'object') {
    const { t, c } = node as PandocNode;
    if (t) into.add(t);
    nodeTypes(c, into);
  }
  return into;
}

/** A metadata value as pandoc read it, as plain values; any markup shows as `⟨Name⟩`. */
function metaValue(value: PandocNode): unknown {
  switch (value.t) {
    case 'MetaInlines':
      return inlineText(value.c as PandocNode[]);
    case 'MetaString':
    case 'MetaBool':
      return value.c;
    case 'MetaList':
      return (value.c as PandocNode[]).map(metaValue);
    case 'MetaMap':
      return Object.fromEntries(
        Object.entries(value.c as Record<string, PandocNode>).map(([key, item]) => [key, metaValue(item)]),
      );
    default:
      return `⟨${value.t}⟩`;
  }
}

function inlineText(inlines: PandocNode[]): string {
  return inlines
    .map((inline) => {
      if (inline.t === 'Str') return inline.c as string;
      if (inline.t === 'Space') return ' ';
      if (inline.t === 'Quoted') {
        const [kind, content] = inline.c as [PandocNode, PandocNode[]];
        const quote = kind.t === 'DoubleQuote' ? '"' : "'";
        return `${quote}${inlineText(content)}${quote}`;
      }
      return `⟨${inline.t}⟩`;
    })
    .join('');
}

/** The values the front matter carries for a report, as the corpus has them. */
function frontMatterOf(id: string): Record<string, unknown> {
  const report = corpus.report(id);
  return {
    id,
    file: report.file,
    text: 'corrected',
    ...Object.fromEntries(METADATA_FIELDS.map((field) => [field, report.metadata[field].value])),
    tags: [...report.tags].sort((a, b) => a.localeCompare(b, 'vi')),
    status: report.status,
  };
}

/**
 * A value as pandoc gives it back: no numbers or nulls in its metadata, whitespace at the ends dropped and runs
 * of it collapsed, and in its own Markdown the `smart` typography (dashes, ellipses, apostrophes; straight
 * quotes become quote nodes, read back above as the straight quotes they were).
 */
function asPandocReads(value: unknown, typeset: boolean): unknown {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => asPandocReads(item, typeset));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, asPandocReads(item, typeset)]),
    );
  }
  const text = String(value)
    .trim()
    .replace(/[ \t\n]+/g, ' ');
  if (!typeset) return text;
  return text
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/\.\.\./g, '…')
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '’');
}

/** A front-matter string with the Markdown escapes taken out (a backslash before ASCII punctuation). */
function unescaped(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (Array.isArray(value)) return value.map(unescaped);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unescaped(item)]));
  }
  return value;
}

const markdownFile = (id: string) => path.join(out, `${id}.md`);

describe('markdown: the body reads back as the report’s text in pandoc’s Markdown, CommonMark and GFM', () => {
  for (const id of IDS) {
    it(id, async () => {
      const expected = readBack(corpus.report(id).text);
      await Promise.all(
        DIALECTS.map(async (dialect) => {
          const plain = await pandoc(dialect, 'plain', markdownFile(id));
          expect(plain.replace(/\n+$/, ''), `${dialect}: text read back`).toBe(expected);
          // Plain output would hide some syntax (it writes strikeout back as ~~x~~): the tree must be bare text.
          const { blocks } = JSON.parse(await pandoc(dialect, 'json', markdownFile(id))) as {
            blocks: unknown;
          };
          const markup = [...nodeTypes(blocks)].filter((t) => !TEXT_NODES.has(t) && !QUOTE_NODES.has(t));
          expect(markup, `${dialect}: nodes other than text`).toEqual([]);
        }),
      );
    });
  }

  it('keeps the fixture’s indentation as no-break spaces, so no line becomes a code block', () => {
    const markdown = readFileSync(markdownFile(SYNTAX), 'utf8');
    expect(markdown).toContain('\n\u00a0\u00a0\u00a0\u00a0Đoạn thụt bốn dấu cách');
    expect(markdown).toContain('\n\u00a0\u00a0\u00a0\u00a0Đoạn thụt một tab');
    expect(markdown).toContain('\n\u00a0\u00a0\\- Thụt gạch đầu dòng');
  });
});

describe('markdown: front matter', () => {
  it('pandoc reads every value as the same text, in each dialect', async () => {
    for (const id of IDS) {
      await Promise.all(
        DIALECTS.map(async (dialect) => {
          const { meta } = JSON.parse(await pandoc(dialect, 'json', markdownFile(id))) as {
            meta: Record<string, PandocNode>;
          };
          const read = Object.fromEntries(
            Object.entries(meta).map(([key, value]) => [key, metaValue(value)]),
          );
          expect(read, `${id} in ${dialect}`).toEqual(
            asPandocReads(frontMatterOf(id), dialect === 'markdown'),
          );
        }),
      );
    }
  });

  it('pandoc typesets dashes and ellipses of its own Markdown, and nothing else', async () => {
    const { meta } = JSON.parse(await pandoc('markdown', 'json', markdownFile(SYNTAX))) as {
      meta: Record<string, PandocNode>;
    };
    expect(metaValue(meta.source!)).toBe(
      'Thanh Sang/TTXVN – hanoimoi.com.vn… <https://hanoimoi.com.vn> :smile:',
    );
    expect(metaValue(meta.title!)).toBe(SYNTAX_METADATA.title);
  });

  it('PyYAML reads the types exactly and every value once the Markdown escapes are taken out', async () => {
    const files = IDS.map(markdownFile);
    const { stdout } = await run('/usr/bin/python3', [
      '-c',
      `
import json, re, sys, yaml
front = {}
for name in sys.argv[1:]:
    text = open(name, encoding='utf-8').read()
    front[name] = yaml.safe_load(re.match(r'---\\n(.*?\\n)---\\n\\n', text, re.S).group(1))
print(json.dumps(front, ensure_ascii=False))`,
      ...files,
    ]);
    const front = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    for (const id of IDS) {
      expect(unescaped(front[markdownFile(id)]), id).toEqual(frontMatterOf(id));
    }
    const syntax = front[markdownFile(SYNTAX)]!;
    // Values with nothing Markdown would read as syntax are written as they are.
    expect(syntax).toMatchObject({
      id: SYNTAX,
      file: `${SYNTAX}.txt`,
      published: '2018-07-05T21:31',
      viewCount: 156,
      status: 'done',
    });
    expect(syntax.tags).toContain('Cần Thơ');
    expect(syntax.title).toBe(
      '\\~\\~Hội nghị\\~\\~ \\^tổng kết\\^ \\@ThanhTri \\[\\^1] \\*Nghị quyết\\* 22-NQ/TW \\<b> \\$10 | "Thanh Trì"',
    );
  });
});
