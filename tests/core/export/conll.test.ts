import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { exportReports, type ExportSummary } from '../../../src-main/core/export';
import { buildCorpus, tempDir } from '../../helpers/corpora';
import { NOW } from './fixture';
import { DOCCANO_DETECT_ENCODING } from '../../helpers/doccano';

/** Real scraped reports, Vietnamese, one with emoji in its title. */
const REAL = path.resolve(import.meta.dirname, '../../../../shared/real-corpus');
/** The real report whose title begins with two emoji. */
const REAL_REPORT = '016_nld-quy-dinh-144';

const NEWS =
  'Đồng chí Lâm Thị Phương Thanh 👩🏽‍💼 phát biểu tại Hà Nội 🇻🇳.\n' +
  'Gia đình 👨‍👩‍👧‍👦 đồng tình 👍🏽 với Nghị quyết số 22-NQ/TW, Thành ủy Cần Thơ ❤️ ghi nhận.\n' +
  'Ban Tuyên giáo\nThành ủy 🇻🇳🇺🇸 kết luận.\n';

/**
 * doccano's CoNLL import, restated from its source (`data_import/pipeline/parsers.py`): the encoding guessed
 * with chardet as `detect_encoding` does, every non-blank line split at tabs into exactly two columns, each
 * blank line closing one example whose text is the words joined by spaces (an empty one is refused), and the
 * entities read strictly as IOB2, as its seqeval scheme does. NLTK's reader splits a line at any whitespace,
 * so that must give two columns as well.
 */
const DOCCANO_CONLL = String.raw`
${DOCCANO_DETECT_ENCODING}
path = sys.argv[1]
encoding = detect_encoding(path)
examples, errors, words, tags = [], [], [], []

def entities():
    found, current = [], None
    for i, tag in enumerate(tags):
        if tag.startswith('B-'):
            current = [i, i + 1, tag[2:]]
            found.append(current)
        elif tag.startswith('I-') and current and current[2] == tag[2:] and current[1] == i:
            current[1] = i + 1
        elif tag == 'O':
            current = None
        else:
            errors.append('%s opens an entity in %r' % (tag, ' '.join(words)))
            current = None
    return found

def record():
    text = ' '.join(words)
    if not text:
        errors.append('The empty text is not allowed.')
    labels = []
    for start, end, tag in entities():
        before = ' '.join(words[:start])
        offset = len(before) + 1 if before else 0
        labels.append([text[offset:offset + len(' '.join(words[start:end]))], tag])
    examples.append({'text': text, 'tokens': list(words), 'labels': labels})

try:
    with open(path, encoding=encoding) as f:
        for n, line in enumerate(f, start=1):
            line = line.rstrip()
            if line:
                columns = line.split('\t')
                if len(columns) != 2:
                    errors.append('%d: A line must be separated by tab and has two columns.' % n)
                    break
                if len(line.split()) != 2:
                    errors.append('%d: whitespace inside a column' % n)
                words.append(columns[0])
                tags.append(columns[1])
            else:
                record()
                words, tags = [], []
    if words:
        record()
except UnicodeDecodeError as error:
    errors.append(str(error))
print(json.dumps({'encoding': encoding, 'errors': errors, 'examples': examples}))
`;

interface DoccanoReading {
  encoding: string;
  errors: string[];
  examples: Array<{ text: string; tokens: string[]; labels: Array<[string, string]> }>;
}

function readAsDoccano(file: string): DoccanoReading {
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', DOCCANO_CONLL, file], { encoding: 'utf8' }),
  ) as DoccanoReading;
}

let corpus: Corpus;
let reading: DoccanoReading;
let summary: ExportSummary;

beforeAll(async () => {
  const dir = buildCorpus({ 'news.txt': NEWS });
  for (const file of readdirSync(REAL)) copyFileSync(path.join(REAL, file), path.join(dir, file));
  corpus = await Corpus.open(dir);
  await corpus.annotateQuote('news', 'Lâm Thị Phương Thanh', 1, 'Person', '', 'Lan');
  await corpus.annotateQuote('news', 'Hà Nội 🇻🇳', 1, 'Place', '', 'Lan');
  await corpus.annotateQuote('news', 'Gia đình 👨‍👩‍👧‍👦', 1, 'Organisation', '', 'Lan');
  await corpus.annotateQuote('news', 'Nghị quyết số 22-NQ/TW', 1, 'Document reference', '', 'Lan');
  await corpus.annotateQuote('news', 'Ban Tuyên giáo\nThành ủy', 1, 'Organisation', '', 'Lan');
  // Half of the flag 🇺🇸: no token can carry it.
  await corpus.annotateQuote('news', '🇺', 1, 'Place', '', 'Lan');
  await corpus.annotateQuote(REAL_REPORT, 'Lương Cường', 2, 'Person', '', 'Lan');
  const out = path.join(tempDir('folio-conll-'), 'conll');
  summary = await exportReports(corpus, { selection: { kind: 'all' }, format: 'conll', out, now: NOW });
  reading = readAsDoccano(path.join(out, 'ner.conll'));
});

describe('CoNLL as doccano imports it', () => {
  it('is read without an error: tab-separated pairs, no empty example, its encoding guessed right', () => {
    expect(reading.errors).toEqual([]);
    expect(reading.encoding).toBe('UTF-8-SIG');
    expect(reading.examples.length).toBeGreaterThan(10);
    expect(reading.examples.map((e) => e.text)).not.toContain('-DOCSTART-');
  });

  it('gives each span as one entity, a span across a line break included', () => {
    // Reports in id order: the real ones first.
    expect(reading.examples.flatMap((e) => e.labels)).toEqual([
      ['Lương Cường', 'Person'],
      ['Lâm Thị Phương Thanh', 'Person'],
      ['Hà Nội 🇻🇳', 'Place'],
      ['Gia đình 👨‍👩‍👧‍👦', 'Organisation'],
      ['Nghị quyết số 22 - NQ / TW', 'Document_reference'],
      ['Ban Tuyên giáo Thành ủy', 'Organisation'],
    ]);
  });

  it('lists as left out, with its cause, a span that ends inside a character', () => {
    expect(summary.leftOut).toContainEqual(
      expect.objectContaining({
        reportId: 'news',
        label: 'Place',
        text: '🇺',
        cause: 'split-character',
        reason: 'it ends inside "🇺🇸", and CoNLL tokens keep characters whole',
      }),
    );
  });
});

describe('tokens', () => {
  const tokens = () => reading.examples.flatMap((e) => e.tokens);

  it('keep emoji sequences, skin tones and flags whole', () => {
    for (const emoji of ['👩🏽‍💼', '🇻🇳', '👨‍👩‍👧‍👦', '👍🏽', '❤️', '🇺🇸', '🔥']) expect(tokens()).toContain(emoji);
    // A token must not begin with a joiner, a variation selector or a skin tone, nor be half a flag.
    const stray = tokens().filter((token) => {
      const first = token.codePointAt(0)!;
      const joins = first === 0x200d || first === 0xfe0f || (first >= 0x1f3fb && first <= 0x1f3ff);
      return joins || (first >= 0x1f1e6 && first <= 0x1f1ff && [...token].length === 1);
    });
    expect(stray).toEqual([]);
  });

  it('hold every character of the text but its whitespace, in order', () => {
    const texts = corpus.ids().map((id) => corpus.report(id).text);
    expect(tokens().join('')).toBe(texts.join('').replace(/\s/g, ''));
  });

  it('are the words Intl.Segmenter finds in each whole text (no span edge here cuts a word)', () => {
    const words = new Intl.Segmenter('vi', { granularity: 'word' });
    const expected = corpus
      .ids()
      .flatMap((id) => [...words.segment(corpus.report(id).text)].map((w) => w.segment))
      .filter((word) => /\S/.test(word));
    expect(tokens()).toEqual(expected);
  });
});
