import fs from 'node:fs';
import path from 'node:path';
import { franc } from 'franc-min';
import { expressions } from 'franc-min/expressions.js';
import { describe, expect, it } from 'vitest';
import { WORD_END, WORD_START, foldText, phraseAlternation } from '../../../src-main/core/extract/fold';
import { DISTRICT_KEYS, PROVINCE_KEYS } from '../../../src-main/core/extract/gazetteer';
import { detectLanguage } from '../../../src-main/core/extract/language';
import { isMostlyLatin, nearestLatinLanguage } from '../../../src-main/core/extract/latinTrigrams';
import { Doc } from '../../../src-main/core/extract/layout';
import { PhraseMatcher } from '../../../src-main/core/extract/phrases';
import { decodeReport } from '../../../src-main/core/text/decode';

// The extractor's quick paths each stand for a plain definition; these hold them to it on real reports.

const SHARED = path.resolve(import.meta.dirname, '../../../../shared');
const SAMPLES = path.resolve(import.meta.dirname, '../../../resources/sample-corpus');
const CANDIDATES = ['vie', 'eng', 'deu', 'fra', 'spa', 'ita', 'nld', 'por', 'ind'];

function decoded(file: string): string {
  return decodeReport(fs.readFileSync(file), file).text;
}

/** Every `step`-th file of a folder (sorted), decoded. */
function everyNth(dir: string, step: number): string[] {
  const names = fs.readdirSync(dir).sort();
  return names.filter((_, i) => i % step === 0).map((name) => decoded(path.join(dir, name)));
}

/** Samples, the hand-checked real reports, and a spread of the archive's three collections. */
const TEXTS = [
  ...fs.readdirSync(SAMPLES).map((name) => decoded(path.join(SAMPLES, name))),
  ...fs
    .readdirSync(path.join(SHARED, 'real-corpus'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => decoded(path.join(SHARED, 'real-corpus', name))),
  ...everyNth(path.join(SHARED, 'real-archive/trends'), 60),
  ...everyNth(path.join(SHARED, 'real-archive/news-mds/Cluster_001'), 3),
  ...everyNth(path.join(SHARED, 'real-archive/unc'), 10),
];

/** Odd text: surrogates (paired and lone), letters outside the BMP, white space of every kind, marks. */
const ODD = [
  'Hà Nội\u00a0\u00a0và\t\nTP.\u2003Hồ  Chí Minh',
  'x𝐀Hà Nội𝐀 hà nội😀hà nội\ud800 hà\udc00nội',
  'Hòa Bình Hoà Bình HÒA BÌNH hòa  bình',
  "Cư M'gar, Ea H'leo; Bà Rịa-Vũng Tàu, Bà Rịa – Vũng Tàu",
  'Thừa Thiên Huế1 Huế Huế',
  'ủy uỷ khoá khóa Thành ủy\u0301 a\u0301\u0323',
  // Trigrams no model lists: every language is as far, and franc's order decides.
  'qxzj'.repeat(20),
];

/** The texts cut into windows the way the stages read them (lines, paragraphs, the first 320 units). */
function windows(text: string): string[] {
  const out = [text.slice(0, 320), text.slice(320, 640)];
  for (const line of text.split('\n').slice(0, 30)) if (line.trim()) out.push(line);
  return out;
}

describe('franc, read as numbers for text in Latin letters', () => {
  it('names the language franc names, on windows of real reports in several languages', () => {
    let compared = 0;
    for (const text of [...TEXTS, ...ODD]) {
      for (const sample of windows(text)) {
        if (sample.length < 40 || !isMostlyLatin(sample)) continue;
        compared++;
        expect(nearestLatinLanguage(sample, CANDIDATES), sample).toBe(
          franc(sample, { only: CANDIDATES, minLength: 40 }),
        );
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('relies on no other script matching a unit franc counts as Latin', () => {
    const latin = new RegExp(expressions.Latin!.source, 'y');
    const others = Object.entries(expressions)
      .filter(([script]) => script !== 'Latin')
      .map(([script, re]) => [script, new RegExp(re.source, 'y')] as const);
    const shared: string[] = [];
    const check = (text: string): void => {
      latin.lastIndex = 0;
      if (!latin.test(text)) return;
      for (const [script, re] of others) {
        for (const at of text.length === 2 ? [0, 1] : [0]) {
          re.lastIndex = at;
          if (re.test(text)) shared.push(`${script} ${text.codePointAt(0)!.toString(16)}`);
        }
      }
    };
    for (let unit = 0; unit < 0x10000; unit++) check(String.fromCharCode(unit));
    for (const high of [0xd801, 0xd837])
      for (let low = 0xdc00; low < 0xe000; low++) check(String.fromCharCode(high, low));
    expect(shared).toEqual([]);
  });

  it('is not asked about text mostly in another script', () => {
    expect(isMostlyLatin('Москва — столица России, крупнейший город страны')).toBe(false);
    expect(isMostlyLatin('Hà Nội là thủ đô của nước Cộng hòa xã hội chủ nghĩa Việt Nam')).toBe(true);
  });
});

const ISO_639_1: Record<string, string> = {
  vie: 'vi',
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  nld: 'nl',
  por: 'pt',
  ind: 'id',
};

/** The language by its definition: the share of Vietnamese letters in the whole sample, else franc. */
function languageByDefinition(text: string): string | null {
  const sample = text.slice(0, 1500);
  let letters = 0;
  let vietnamese = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    const isVietnamese =
      (code >= 0x1ea0 && code <= 0x1ef9) ||
      [0x102, 0x103, 0x110, 0x111, 0x1a0, 0x1a1, 0x1af, 0x1b0].includes(code);
    const isLetter = /[a-zA-Z]/.test(sample[i]!) || (code >= 0xc0 && (code < 0x2000 || code > 0x2bff));
    if (isVietnamese) vietnamese++;
    if (isVietnamese || isLetter) letters++;
  }
  if (letters < 40) return null;
  if (vietnamese / letters >= 0.03) return 'vi';
  return ISO_639_1[franc(sample.slice(0, 320), { only: CANDIDATES, minLength: 40 })] ?? null;
}

describe('detectLanguage', () => {
  it('stops reading once Vietnamese is certain and answers as reading the whole sample would', () => {
    const texts = [
      ...TEXTS,
      ...ODD,
      'Xin chào'.repeat(3),
      `${'a'.repeat(1450)}ăđơư`,
      `${'ă'.repeat(45)}${'a'.repeat(1455)}`,
      `${'ă'.repeat(42)}${'a'.repeat(1458)}`,
    ];
    for (const text of texts)
      expect(detectLanguage(text), text.slice(0, 80)).toBe(languageByDefinition(text));
  });
});

describe('PhraseMatcher', () => {
  const cases = [
    ['provinces', PROVINCE_KEYS],
    ['districts', DISTRICT_KEYS],
  ] as const;

  for (const [name, phrases] of cases) {
    const matcher = new PhraseMatcher(phrases);
    const regex = new RegExp(`${WORD_START}(?:${phraseAlternation(phrases)})${WORD_END}`, 'gu');
    const byRegex = (folded: string, from: number, to: number): [number, number, string][] =>
      Array.from(folded.slice(from, to).matchAll(regex), (m) => [
        from + m.index,
        from + m.index + m[0].length,
        m[0].replace(/\s+/g, ' '),
      ]);

    it(`finds the ${name} the alternation regex finds, whole texts and cut anywhere`, () => {
      let found = 0;
      for (const text of [...TEXTS, ...ODD]) {
        const folded = foldText(text);
        const cuts: [number, number][] = [
          [0, folded.length],
          [3, Math.min(folded.length, 203)],
          [Math.floor(folded.length / 3), folded.length - 1],
        ];
        for (const [from, to] of cuts) {
          const ours = matcher.find(folded, from, to).map((m) => [m.start, m.end, m.phrase]);
          expect(ours).toEqual(byRegex(folded, from, to));
          found += ours.length;
        }
      }
      expect(found).toBeGreaterThan(100);
    });
  }

  it('refuses a phrase that could not start a word', () => {
    expect(() => new PhraseMatcher(['- hà nội'])).toThrow(/"- hà nội"/);
  });
});

describe('Doc', () => {
  it('folds a line alone, or its first units, as folding the whole text would', () => {
    for (const text of [...TEXTS.slice(0, 60), ...ODD]) {
      const whole = foldText(text);
      const alone = new Doc(text);
      for (const line of alone.lines) {
        const content = whole.slice(line.contentStart, line.contentEnd);
        for (const length of [1, 3, 6, 17, 400]) {
          expect(alone.lineFoldedPrefix(line, length)).toBe(content.slice(0, length));
        }
        expect(alone.lineFolded(line)).toBe(content);
      }
      expect(alone.folded).toBe(whole);
    }
  });

  it('folds short text as long text', () => {
    for (const text of ODD.flatMap((t) => [t.slice(0, 5), t.slice(0, 31), t.slice(0, 32), t.slice(3, 35)])) {
      expect(foldText(text)).toBe(foldText(`${text} ${'x'.repeat(64)}`).slice(0, text.length));
    }
  });
});
