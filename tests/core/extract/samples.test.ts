import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src-main/core/extract';
import type { DebrisKind, Extraction, Span } from '../../../src-main/core/extract';
import { foldText } from '../../../src-main/core/extract/fold';
import { PROVINCE_NAMES } from '../../../src-main/core/extract/places';

const CORPUS = path.join(import.meta.dirname, '../../../resources/sample-corpus');

/** Reads a sample by its number prefix (`000`), as the app would hand it over: NFC. */
function sample(prefix: string): string {
  const file = fs.readdirSync(CORPUS).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`no sample ${prefix}`);
  return fs.readFileSync(path.join(CORPUS, file), 'utf8').normalize('NFC');
}

/** Extracts with the clock pinned, and checks the invariants every result must keep. */
function extract(text: string): Extraction {
  const result = extractMetadata(text, { currentYear: 2025 });
  checkInvariants(text, result);
  return result;
}

function checkInvariants(text: string, r: Extraction): void {
  const fields = [r.title, r.published, r.source, r.author, r.place, r.section, r.viewCount];
  for (const field of fields) {
    if (field.value === null) {
      expect(field.evidence).toBeNull();
      continue;
    }
    expect(field.evidence).not.toBeNull();
    expect(field.evidence!.text).toBe(text.slice(field.evidence!.start, field.evidence!.end));
    expect(field.confidence).toBeGreaterThan(0);
    expect(field.confidence).toBeLessThanOrEqual(1);
  }
  for (const item of [...r.references, ...r.people]) {
    expect(item.evidence.length).toBeGreaterThan(0);
    for (const e of item.evidence) expect(e.text).toBe(text.slice(e.start, e.end));
  }
  let previousEnd = 0;
  for (const d of r.debris) {
    expect(d.start).toBeGreaterThanOrEqual(previousEnd);
    expect(d.end).toBeGreaterThan(d.start);
    expect(text.slice(d.start, d.end)).not.toContain('\n');
    previousEnd = d.end;
  }
  for (const c of r.captions) {
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeLessThanOrEqual(text.length);
    expect(c.end).toBeGreaterThan(c.start);
  }
}

/** The span of line `n` (1-based) without surrounding spaces and NBSPs. */
function line(text: string, n: number): Span {
  return lines(text, n, n);
}

/** The span from the text of line `from` to the end of the text of line `to` (1-based, inclusive). */
function lines(text: string, from: number, to: number): Span {
  const all = text.split('\n');
  const offset = (k: number): number => all.slice(0, k - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const first = all[from - 1]!;
  const last = all[to - 1]!;
  return {
    start: offset(from) + (first.length - first.trimStart().length),
    end: offset(to) + last.trimEnd().length,
  };
}

function debrisOf(text: string, ...spec: [kind: DebrisKind, lineNumber: number][]) {
  return spec.map(([kind, n]) => ({ ...line(text, n), kind }));
}

const codes = (r: Extraction): string[] => r.references.map((x) => x.value.code);
const people = (r: Extraction) => r.people.map((p) => p.value);

/** A tiny report: blocks separated by blank lines. */
function report(...blocks: string[]): string {
  return blocks.join('\n\n');
}

const TITLE = 'Tỉnh ủy tổng kết công tác xây dựng Đảng năm nay';
const PROSE =
  'Ban Thường vụ đã lãnh đạo, chỉ đạo các cấp ủy đảng đổi mới nội dung, phương thức hoạt động, thực hiện tốt ' +
  'công tác kiểm tra, giám sát, góp phần nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng.';

describe('extractMetadata on sample 000 (TGCT, Cần Thơ)', () => {
  const text = sample('000');
  const r = extract(text);

  it('reads the head and the foot', () => {
    expect(r.title.value).toBe(text.split('\n')[0]);
    expect(r.title.evidence).toMatchObject(line(text, 1));
    expect(r.title.confidence).toBeCloseTo(0.9);
    expect(r.published.value).toBe('2018-07-05T21:31');
    expect(r.published.evidence?.text).toBe('21:31 - 05/07/2018');
    expect(r.published.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r.source.value).toBe('TGCT');
    expect(r.author.value).toBe('Ngọc Quy');
    expect(r.place.value).toBe('Cần Thơ');
    expect(r.section.value).toBeNull();
    expect(r.viewCount.value).toBe(156);
    expect(r.viewCount.evidence).toMatchObject(line(text, 32));
  });

  it('finds every document reference once, in order of first mention', () => {
    // `Nghị quyết Trung ương 4 (khoá XII)` prints no code: it is not listed (04-NQ/TW would be a guess).
    expect(codes(r)).toEqual(['22-NQ/TW', '36-CT/TW', '46-KH/TU', '05-CT/TW', '18-CT/TU']);
    const nq22 = r.references[0]!;
    expect(nq22.value).toEqual({ code: '22-NQ/TW', kind: 'party', type: 'NQ', number: '22', issuer: 'TW' });
    expect(nq22.evidence.map((e) => e.text)).toEqual([
      '22-NQ/TW',
      '22-NQ/TW',
      '22-NQ/TW',
      '22-NQ/TW',
      'Hội nghị Trung ương 6 (khoá X',
      '22-NQ/TW',
    ]);
    expect(r.references.find((x) => x.value.code === '36-CT/TW')!.evidence).toHaveLength(6);
  });

  it('finds the people with their most complete roles', () => {
    expect(people(r)).toEqual([
      { name: 'Trần Quốc Trung', role: 'Ủy viên Trung ương Đảng, Bí thư Thành ủy' },
      { name: 'Phạm Văn Hiểu', role: 'Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố' },
      { name: 'Mai Thanh Dân', role: 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Thành ủy' },
      { name: 'Trần Thành Trai', role: 'Phó trưởng Ban Tổ chức Thành ủy' },
      { name: 'Lê Văn Thành', role: 'Thành uỷ viên, Bí thư Đảng uỷ Khối cơ quan Dân Chính Đảng' },
    ]);
    // The list, the damaged caption (`…,⍽thư Thành ủy`) and the closing paragraph.
    expect(r.people[0]!.evidence).toHaveLength(3);
  });

  it('marks the trailing counter and the photo captions', () => {
    expect(r.debris).toEqual(debrisOf(text, ['counter', 32]));
    expect(r.captions).toEqual([
      line(text, 6),
      lines(text, 10, 11),
      lines(text, 15, 17),
      lines(text, 21, 22),
      line(text, 26),
    ]);
  });
});

describe('extractMetadata on sample 001 (TTXVN, no date)', () => {
  const text = sample('001');
  const r = extract(text);

  it('reads the head and the foot', () => {
    expect(r.title.value).toBe('Cần Thơ không còn ấp, khu vực chưa có tổ chức Đảng, đảng viên');
    // The only date is an event date in a caption, without a year and without any year in the text.
    expect(r.published.value).toBeNull();
    expect(r.source.value).toBe('TTXVN');
    expect(r.author.value).toBe('Thanh Sang');
    expect(r.author.evidence?.text).toBe('Thanh Sang');
    expect(r.place.value).toBe('Cần Thơ');
    expect(r.section.value).toBeNull();
    expect(r.viewCount.value).toBeNull();
  });

  it('does not make a code of `Nghị quyết số 22`, which the report never prints with one', () => {
    expect(text).toContain('Nghị quyết số 22');
    expect(r.references).toEqual([]);
  });

  it('finds the person named without a role', () => {
    expect(people(r)).toEqual([{ name: 'Trần Thành Trai', role: null }]);
  });

  it('marks the page blocks after the byline and the caption before the lead', () => {
    expect(r.debris).toEqual(
      debrisOf(
        text,
        ['related-links', 17],
        ['widget', 19],
        ['widget', 21],
        ['related-links', 23],
        ['related-links', 25],
        ['widget', 27],
        ['related-links', 29],
      ),
    );
    expect(r.captions).toEqual([line(text, 3)]);
  });
});

describe('extractMetadata on sample 002 (Thanh Trì, section label, view count)', () => {
  const text = sample('002');
  const r = extract(text);

  it('reads the head and the foot', () => {
    expect(r.title.value).toBe('Huyện Thanh Trì tổng kết 10 năm thực hiện NQ TW6');
    expect(r.title.evidence).toMatchObject(line(text, 3));
    expect(r.published.value).toBe('2018-06-07T02:57');
    expect(r.published.evidence?.text).toBe('07/06/2018 | 02:57');
    expect(r.source.value).toBe('Trung tâm Văn hóa - TT&TT');
    expect(r.source.evidence?.text).toBe('Trung tâm Văn hóa- TT&TT');
    expect(r.author.value).toBe('Thanh Hồng');
    expect(r.place.value).toBe('Thanh Trì, Hà Nội');
    expect(r.section.value).toBe('tin tức - sự kiện');
    expect(r.viewCount.value).toBe(220);
    expect(r.viewCount.evidence?.text).toBe('View count: 220');
  });

  it('counts plenum mentions as evidence for the code printed elsewhere, and invents none', () => {
    // `NQ09 … của BTV Thành ủy` and `Nghị quyết Trung ương 4 khóa XI, khóa XII` print no code.
    expect(codes(r)).toEqual(['22-NQ/TW', '51-KH/HU']);
    const nq22 = r.references[0]!;
    expect(nq22.evidence[0]!.text).toBe('NQ TW6');
    expect(nq22.evidence.map((e) => e.text)).toContain('Nghị quyết TW 6, khóa X');
    expect(nq22.evidence.map((e) => e.text)).toContain('Nghị quyết Trung ương 6 khoá X');
  });

  it('reads roles joined with dashes as written', () => {
    expect(people(r)).toEqual([
      { name: 'Nguyễn Thị Lan Hương', role: 'Ủy viên BTV Thành ủy- Trưởng ban dân vận Thành ủy' },
      { name: 'Trần Văn Khương', role: 'Thành Uỷ viên- Bí thư huyện ủy-Chủ tịch Hội đồng nhân dân huyện' },
    ]);
  });

  it('marks the section label, the counter fragment and the weather widget; no captions', () => {
    const counter = text.indexOf('View count: 220');
    expect(r.debris).toEqual([
      { ...line(text, 1), kind: 'section-label' },
      { start: counter, end: counter + 'View count: 220'.length, kind: 'counter' },
      ...debrisOf(text, ['widget', 36], ['widget', 38], ['widget', 39], ['widget', 40]),
    ]);
    expect(r.captions).toEqual([]);
  });
});

describe('extractMetadata on sample 003 (LSO, page-visit date)', () => {
  const text = sample('003');
  const r = extract(text);

  it('reads the head and the foot', () => {
    expect(r.title.value).toBe(
      'Tỉnh ủy Lạng Sơn tổng kết thực hiện Nghị quyết số 22 của Ban Chấp hành Trung ương khóa X và Chỉ thị số 36 của Bộ Chính trị khóa XI',
    );
    // `Sáng nay (12/6)` dated by the page visit of 20/01/2019: the latest 12 June before it.
    expect(r.published.value).toBe('2018-06-12');
    expect(r.published.evidence?.text).toBe('Sáng nay (12/6)');
    expect(r.published.confidence).toBeGreaterThanOrEqual(0.5);
    expect(r.published.confidence).toBeLessThanOrEqual(0.65);
    expect(r.source.value).toBe('LSO');
    expect(r.author.value).toBe('Phùng Khiêm');
    expect(r.place.value).toBe('Lạng Sơn');
    expect(r.section.value).toBeNull();
    expect(r.viewCount.value).toBeNull();
  });

  it('normalises every spelling of a code and resolves number-only mentions', () => {
    expect(codes(r)).toEqual(['22-NQ/TW', '36-CT/TW', '126-QĐ/TW', '10-CT/TW']);
    expect(r.references[0]!.evidence.map((e) => e.text)).toEqual([
      'Nghị quyết số 22',
      '22- NQ/TW',
      '22 –NQ/TW',
      'Nghị quyết 22',
      'Nghị quyết 22',
    ]);
    expect(r.references[1]!.evidence.map((e) => e.text)).toEqual([
      'Chỉ thị số 36',
      '36- CT/TW',
      'Chỉ thị số 36',
      'Chỉ thị 36',
    ]);
    expect(r.references[3]!.evidence.map((e) => e.text)).toEqual(['10 -CT/TW']);
  });

  it('finds the provincial secretary', () => {
    expect(people(r)).toEqual([
      { name: 'Lâm Thị Phương Thanh', role: 'Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy' },
    ]);
    expect(r.people[0]!.evidence).toHaveLength(3);
  });

  it('marks the page-visit date and the two captions', () => {
    expect(r.debris).toEqual(debrisOf(text, ['page-date', 1]));
    expect(r.captions).toEqual([line(text, 8), line(text, 17)]);
  });
});

describe('extractMetadata on sample 004 (TTXVN, 2025, place label)', () => {
  const text = sample('004');
  const r = extract(text);

  it('reads the head and the foot', () => {
    expect(r.title.value).toBe('Xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh');
    // `Chiều 25/3` dated by the largest year written in the text, `(2021-2025)`.
    expect(r.published.value).toBe('2025-03-25');
    expect(r.published.evidence?.text).toBe('Chiều 25/3');
    expect(r.published.confidence).toBeLessThanOrEqual(0.6);
    expect(r.source.value).toBe('TTXVN');
    expect(r.author.value).toBe('Ngọc Thiện');
    expect(r.author.evidence).toMatchObject(line(text, 32));
    expect(r.place.value).toBe('Cần Thơ');
    expect(r.section.value).toBe('Xây dựng Đảng');
    expect(r.viewCount.value).toBeNull();
  });

  it('finds the references', () => {
    expect(codes(r)).toEqual(['21-KL/TW', '01-KL/TW', '05-CT/TW']);
  });

  it('prefers the caption role that contains the body role', () => {
    expect(people(r)).toEqual([
      { name: 'Nguyễn Văn Hiếu', role: 'Ủy viên Dự khuyết Trung ương Đảng, Bí thư Thành ủy Cần Thơ' },
    ]);
  });

  it('marks the labels, the related-link headings and the caption with its credit', () => {
    expect(r.debris).toEqual(
      debrisOf(text, ['section-label', 1], ['place-label', 5], ['related-links', 34], ['related-links', 36]),
    );
    expect(r.captions).toEqual([lines(text, 9, 10)]);
  });
});

describe('document references', () => {
  const refsOf = (sentence: string) => extract(report(TITLE, sentence)).references;
  const codeOf = (sentence: string) => refsOf(sentence).map((x) => x.value.code);

  it.each([
    ['Thực hiện Nghị quyết số 22-NQ/TW của Trung ương.', '22-NQ/TW'],
    ['Thực hiện Nghị quyết 22 –NQ/TW của Trung ương.', '22-NQ/TW'],
    ['Thực hiện Nghị quyết số 22- NQ/TW.', '22-NQ/TW'],
    ['Thực hiện Nghị quyết số 22 — NQ / TW.', '22-NQ/TW'],
    ['Chỉ thị số 10 -CT/TW, ngày 30/3/2007.', '10-CT/TW'],
    ['Quy định số 126-QĐ/TW của Bộ Chính trị.', '126-QĐ/TW'],
    ['Kết luận số 21-KL/TW của Trung ương.', '21-KL/TW'],
    ['Kế hoạch số 46-KH/TU của Thành ủy.', '46-KH/TU'],
    ['Kế hoạch số 51-KH/HU ngày 01/4/2008.', '51-KH/HU'],
    ['Chỉ thị số 18-CT/TU của Thành ủy.', '18-CT/TU'],
    ['Chỉ thị số 05-CT/TW của Bộ Chính trị.', '05-CT/TW'],
    ['Kết luận số 01-KL/TW.', '01-KL/TW'],
    ['Hướng dẫn số 05-HD/BTCTW.', '05-HD/BTCTW'],
    ['Nghị quyết số 22-NQ/TƯ của Trung ương.', '22-NQ/TW'],
    ['nghị quyết số 22-nq/tw viết thường.', '22-NQ/TW'],
  ])('normalises %s', (sentence, code) => {
    expect(codeOf(sentence)).toEqual([code]);
  });

  it('keeps the written zero padding', () => {
    expect(codeOf('Chỉ thị 05-CT/TW và Chỉ thị 5-CT/TW.')).toEqual(['05-CT/TW', '5-CT/TW']);
  });

  it('resolves a number-only mention to the code written elsewhere, before or after it', () => {
    const refs = refsOf(
      'Thực hiện Nghị quyết số 22 và Chỉ thị 36. Sau đó là Nghị quyết 22-NQ/TW, Chỉ thị số 36-CT/TW.',
    );
    expect(refs.map((x) => x.value.code)).toEqual(['22-NQ/TW', '36-CT/TW']);
    expect(refs[0]!.evidence.map((e) => e.text)).toEqual(['Nghị quyết số 22', '22-NQ/TW']);
    expect(refs[0]!.confidence).toBeCloseTo(0.95);
  });

  it.each([
    ['Thực hiện Chỉ thị số 36 của Bộ Chính trị.'],
    ['Thực hiện Nghị quyết số 22 ngày 02/02/2008 của Ban Chấp hành Trung ương.'],
    ['Thực hiện Nghị quyết số 9 của Thành ủy.'],
    ['Thực hiện NQ09 ngày 27/2/2012 của BTV Thành ủy.'],
    ['Sau khi có Nghị quyết số 22, Ban Thường vụ Thành ủy đã triển khai.'],
  ])('invents no code for the uncoded mention in %s', (sentence) => {
    expect(refsOf(sentence)).toEqual([]);
  });

  it('gives a number-only mention to the printed code of the issuer its words name', () => {
    const refs = refsOf(
      'Nghị quyết số 09-NQ/TU của Tỉnh ủy và Nghị quyết số 09-NQ/HU của Huyện ủy. Thực hiện Nghị quyết số 9 của Huyện ủy.',
    );
    expect(refs.map((x) => [x.value.code, x.evidence.map((e) => e.text)])).toEqual([
      ['09-NQ/TU', ['09-NQ/TU']],
      ['09-NQ/HU', ['09-NQ/HU', 'Nghị quyết số 9']],
    ]);
  });

  it.each([
    ['Nghị định 178/2024/NĐ-CP ngày 31/12/2024', '178/2024/NĐ-CP', 'NĐ', 'CP'],
    ['Nghị quyết số 46/NQ-CP của Chính phủ', '46/NQ-CP', 'NQ', 'CP'],
    ['Quyết định số 22/2013/QĐ-TTg của Thủ tướng', '22/2013/QĐ-TTg', 'QĐ', 'TTg'],
    ['Quyết định số 123/QĐ-UBND ngày 02/02/2008', '123/QĐ-UBND', 'QĐ', 'UBND'],
    ['Thông tư 05/2024/TT-BTC', '05/2024/TT-BTC', 'TT', 'BTC'],
    ['Luật số 59/2020/QH14', '59/2020/QH14', 'QH', 'QH14'],
    ['Nghị định 02/20217/NĐ- CP (in sai năm)', '02/20217/NĐ-CP', 'NĐ', 'CP'],
  ])('reads the State document in %s', (sentence, code, type, issuer) => {
    const refs = refsOf(`Thực hiện ${sentence}.`);
    expect(refs.map((x) => x.value)).toEqual([
      { code, kind: 'state', type, number: code.split('/')[0], issuer },
    ]);
  });

  it('reads `1638/QĐNSTƯ` as the Party decision 1638-QĐNS/TW, keeping the printed form as evidence', () => {
    const refs = refsOf('Trao Quyết định số 1638/QĐNSTƯ của Bộ Chính trị.');
    expect(refs.map((x) => [x.value.code, x.evidence[0]!.text])).toEqual([['1638-QĐNS/TW', '1638/QĐNSTƯ']]);
  });

  it('reads `1517/QĐNS-TW`, a Party code in the State punctuation, as the Party code it is', () => {
    const refs = refsOf('Quyết định 1517/QĐNS-TW của Ban Bí thư và Quyết định 15/QĐ-UBND.');
    expect(refs.map((x) => [x.value.code, x.value.kind])).toEqual([
      ['1517-QĐNS/TW', 'party'],
      ['15/QĐ-UBND', 'state'],
    ]);
  });

  it('ignores dates, fractions and a press licence', () => {
    expect(codeOf('Ngày 14/6/2024, tỷ lệ 3/4 đạt. Giấy phép số: 15/GP-BTTTT.')).toEqual([]);
  });

  it.each([
    ['Nghị quyết TW 6, khóa X', '22-NQ/TW'],
    ['Nghị quyết Trung ương 6 khoá X', '22-NQ/TW'],
    ['Hội nghị Trung ương 6 (khoá X)', '22-NQ/TW'],
    ['Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa X', '22-NQ/TW'],
    ['Nghị quyết Trung ương 4 khóa XI', '12-NQ/TW'],
    ['Nghị quyết Trung ương 4 (khóa XII)', '04-NQ/TW'],
  ])('counts the plenum in %s as evidence for its printed code, and alone as nothing', (mention, code) => {
    const refs = refsOf(`Tiếp tục thực hiện ${mention} (Nghị quyết số ${code}) về xây dựng Đảng.`);
    expect(refs.map((x) => x.value.code)).toEqual([code]);
    expect(refs[0]!.confidence).toBeCloseTo(0.95);
    expect(refs[0]!.evidence.map((e) => e.text)).toEqual([mention.replace(/\)$/, ''), code]);
    expect(refsOf(`Tiếp tục thực hiện ${mention} về xây dựng Đảng.`)).toEqual([]);
  });

  it('resolves both terms of `Trung ương 4 khóa XI, XII` to the codes printed for them', () => {
    expect(
      codeOf('Gắn với Nghị quyết Trung ương 4 khóa XI, XII về xây dựng Đảng (12-NQ/TW, 04-NQ/TW).'),
    ).toEqual(['12-NQ/TW', '04-NQ/TW']);
  });

  it('leaves plenums that issued several resolutions, and plenums without a term, unresolved', () => {
    expect(
      codeOf('Thực hiện Nghị quyết Trung ương 7 khóa XII và Nghị quyết Trung ương 6 (khóa XII).'),
    ).toEqual([]);
    expect(codeOf('Thực hiện Nghị quyết Trung ương 4, Trung ương 6 của Đảng.')).toEqual([]);
    expect(codeOf('Huyện tổng kết NQ TW6.')).toEqual([]);
  });

  it('gives a termless plenum the one term the text writes for it elsewhere', () => {
    const refs = refsOf(
      'Tổng kết NQ TW6. Sau 10 năm thực hiện Nghị quyết TW 6, khóa X (số 22-NQ/TW), huyện đạt kết quả tốt.',
    );
    expect(refs.map((x) => x.value.code)).toEqual(['22-NQ/TW']);
    expect(refs[0]!.evidence.map((e) => e.text)).toEqual(['NQ TW6', 'Nghị quyết TW 6, khóa X', '22-NQ/TW']);
  });

  it('ignores references inside related-link blocks', () => {
    const text = report(
      TITLE,
      PROSE,
      'Phùng Khiêm',
      'Tin liên quan',
      'Tổng kết Nghị quyết 22-NQ/TW tại huyện',
    );
    expect(extract(text).references).toEqual([]);
  });
});

describe('publication date', () => {
  const published = (text: string) => extract(text).published;

  it('reads a time-and-date line under the title', () => {
    const p = published(report(`${TITLE}\n21:31 - 05/07/2018`, PROSE));
    expect(p.value).toBe('2018-07-05T21:31');
    expect(p.confidence).toBeCloseTo(0.95);
  });

  it('reads `Ngày đăng … | hh:mm | View count`', () => {
    const text = report(`${TITLE}\nNgày đăng 07/06/2018 | 02:57 \u00a0|\u00a0View count: 220`, PROSE);
    const r = extract(text);
    expect(r.published.value).toBe('2018-06-07T02:57');
    expect(r.viewCount.value).toBe(220);
    expect(r.debris.map((d) => d.kind)).toEqual(['counter']);
  });

  it('reads a date line without a time, and `21h31`', () => {
    expect(published(report(`${TITLE}\n05/07/2018`, PROSE)).value).toBe('2018-07-05');
    expect(published(report(`${TITLE}\nCập nhật lúc 21h31 ngày 5-7-2018`, PROSE)).value).toBe(
      '2018-07-05T21:31',
    );
  });

  it('reads a weekday line after the title as the publication date', () => {
    expect(published(report(`${TITLE}\nThứ năm, 05/07/2018 - 21:31`, PROSE)).value).toBe('2018-07-05T21:31');
  });

  it('reads a date line at the foot of the page', () => {
    const p = published(report(TITLE, PROSE, '05/07/2018 10:20'));
    expect(p.value).toBe('2018-07-05T10:20');
    expect(p.confidence).toBeLessThan(0.95);
  });

  it('treats the weekday line above the title as the page-visit date, and dates the lead by it', () => {
    const text = report('Chủ nhật,\u00a020/01/2019', TITLE, `LSO-Sáng nay (12/6), ${PROSE}`);
    const r = extract(text);
    expect(r.published.value).toBe('2018-06-12');
    expect(r.debris).toEqual([{ ...line(text, 1), kind: 'page-date' }]);
    expect(r.title.value).toBe(TITLE);
  });

  it('takes the same year when the day is not after the page visit', () => {
    expect(published(report('Thứ hai, 10/12/2018', TITLE, `Hôm nay (12/6), ${PROSE}`)).value).toBe(
      '2018-06-12',
    );
  });

  it('looks back to a leap year for 29 February', () => {
    expect(published(report('Thứ hai, 05/01/2019', TITLE, `TTXVN- Chiều 29/2, ${PROSE}`)).value).toBe(
      '2016-02-29',
    );
  });

  it('without a page date, takes the largest year in the text that is not in the future', () => {
    const p = published(
      report(TITLE, `TTXVN- Chiều 25/3, Thành ủy tổng kết nhiệm kỳ (2021-2025), hướng tới 2030.`),
    );
    expect(p.value).toBe('2025-03-25');
    expect(p.confidence).toBeLessThanOrEqual(0.6);
  });

  it('moves `hôm qua` / `qua` datelines to the next day', () => {
    expect(published(report(TITLE, `Chiều qua (24/3), Tỉnh ủy họp tổng kết năm 2024.`)).value).toBe(
      '2024-03-25',
    );
  });

  it('reads a full dateline opening the lead', () => {
    const p = published(report(TITLE, `(TGCT)\u00a0Ngày 05/7/2018, ${PROSE}`));
    expect(p.value).toBe('2018-07-05');
    expect(p.evidence?.text).toBe('Ngày 05/7/2018');
  });

  it('gives up on a dateline without a year when nothing dates it', () => {
    expect(published(report(TITLE, `Hôm nay (12/6), ${PROSE}`)).value).toBeNull();
  });

  it('never takes event dates from captions or the body', () => {
    expect(published(report(TITLE, 'Hội nghị do Thành ủy tổ chức ngày 5/7.', PROSE)).value).toBeNull();
    const body = `${PROSE} Nghị quyết ngày 02/02/2008 và ngày 22/4/2008 đã được quán triệt.`;
    expect(published(report(TITLE, PROSE, body)).value).toBeNull();
  });
});

describe('byline, outlet and author', () => {
  const foot = (last: string) => {
    const r = extract(report(TITLE, PROSE, last));
    return { author: r.author.value, source: r.source.value };
  };

  it.each([
    ['Tin, ảnh: Ngọc Quy', 'Ngọc Quy', null],
    ['Tin và ảnh: Ngọc Quy', 'Ngọc Quy', null],
    ['Bài, ảnh: Ngọc Quy', 'Ngọc Quy', null],
    ['Bài và ảnh: Ngọc Quy', 'Ngọc Quy', null],
    ['Tin: Minh Anh (TGCT)', 'Minh Anh', 'TGCT'],
    ['Theo Ngọc Quy', 'Ngọc Quy', null],
    ['Theo TTXVN', null, 'TTXVN'],
    ['Thanh Sang/TTXVN\u00a0', 'Thanh Sang', 'TTXVN'],
    ['Thanh Sang (TTXVN)', 'Thanh Sang', 'TTXVN'],
    ['Thanh Hồng- Trung tâm Văn hóa- TT&TT', 'Thanh Hồng', 'Trung tâm Văn hóa - TT&TT'],
    ['Phùng Khiêm', 'Phùng Khiêm', null],
    ['Ngọc Quy - Hồng Nhung', 'Ngọc Quy - Hồng Nhung', null],
    ['PV', null, null],
    ['Cần Thơ', null, null],
    ['Hội nghị kết thúc tốt đẹp', null, null],
  ])('reads %s', (last, author, source) => {
    expect(foot(last)).toEqual({ author, source });
  });

  it('never takes a photo credit for the author, nor its agency for the outlet', () => {
    const caption = 'Ông Nguyễn Văn Hiếu, Bí thư Thành ủy phát biểu.\nẢnh: Ngọc Thiện/TTXVN';
    const withoutByline = extract(report(TITLE, PROSE, caption, PROSE));
    expect(withoutByline.author.value).toBeNull();
    expect(withoutByline.source.value).toBeNull();
    const withByline = extract(report(TITLE, PROSE, caption, PROSE, 'Phùng Khiêm'));
    expect(withByline.author.value).toBe('Phùng Khiêm');
    expect(withByline.source.value).toBeNull();
  });

  it.each([
    ['(TGCT)\u00a0Ngày 05/7/2018, ', 'TGCT'],
    ['(TTXVN) - Chiều 25/3, ', 'TTXVN'],
    ['LSO-Sáng nay (12/6), ', 'LSO'],
    ['TTXVN- Chiều 25/3, ', 'TTXVN'],
    ['Cần Thơ (TTXVN) - Chiều 25/3, ', 'TTXVN'],
  ])('reads the outlet prefix %s', (prefix, source) => {
    const r = extract(report(TITLE, `${prefix}${PROSE}`));
    expect(r.source.value).toBe(source);
    expect(r.source.evidence?.text).toBe(source);
  });

  it('does not count bylines and credits as people, even when a position follows the name', () => {
    const credit = 'Ảnh: Trần Văn Bình - Chủ tịch Hội Nhiếp ảnh';
    const r = extract(report(TITLE, PROSE, credit, PROSE, 'Trần Văn An - Giám đốc Trung tâm Văn hóa'));
    expect(r.author.value).toBe('Trần Văn An');
    expect(r.people).toEqual([]);
  });
});

describe('place', () => {
  const place = (...blocks: string[]) => extract(report(...blocks)).place;

  it.each([
    [['Tỉnh ủy Lạng Sơn tổng kết công tác', PROSE], 'Lạng Sơn'],
    [['Thành uỷ Cần Thơ tổng kết công tác', PROSE], 'Cần Thơ'],
    [['Tỉnh ủy Thanh Hoá tổng kết công tác', PROSE], 'Thanh Hóa'],
    [['Thành ủy TP Hồ Chí Minh tổng kết', PROSE], 'TP Hồ Chí Minh'],
    [['Thành ủy Thành phố Hồ Chí Minh tổng kết', PROSE], 'TP Hồ Chí Minh'],
    [['Huyện Thanh Trì tổng kết công tác', 'Thành uỷ Hà Nội chỉ đạo sát sao.'], 'Thanh Trì, Hà Nội'],
    [['Huyện ủy Thanh Trì tổng kết công tác', PROSE], 'Thanh Trì, Hà Nội'],
    [['Huyện ủy Gia Lâm (Hà Nội) tổng kết', PROSE], 'Gia Lâm, Hà Nội'],
    [['Quận ủy Quận 1 tổng kết công tác', 'Thành ủy TP.HCM chỉ đạo.'], 'Quận 1, TP Hồ Chí Minh'],
    [[TITLE, `TTXVN- Chiều 25/3, Tỉnh ủy Quảng Ninh tổ chức hội nghị. ${PROSE}`], 'Quảng Ninh'],
  ])('reads %j', (blocks, expected) => {
    expect(place(...blocks).value).toBe(expected);
  });

  it('falls back to a place-label line, which is debris', () => {
    const text = report(TITLE, 'Quảng Ninh', PROSE);
    const r = extract(text);
    expect(r.place.value).toBe('Quảng Ninh');
    expect(r.place.confidence).toBeLessThan(0.8);
    expect(r.debris).toEqual([{ ...line(text, 3), kind: 'place-label' }]);
  });

  it('does not read the person Hồ Chí Minh, lower-case words or a weather widget as the place', () => {
    expect(place('Học tập và làm theo tư tưởng Hồ Chí Minh', PROSE).value).toBeNull();
    expect(place('Giữ lòng an toàn cho cơ sở', PROSE).value).toBeNull();
    expect(place(TITLE, PROSE, 'Thông tin thời tiết', 'Hà Nội\nĐà Nẵng').value).toBeNull();
  });

  it('knows the 63 provinces of 2024, and reads Huế as Thừa Thiên Huế', () => {
    expect(PROVINCE_NAMES).toHaveLength(63);
    expect(PROVINCE_NAMES).toEqual(
      expect.arrayContaining(['Thừa Thiên Huế', 'Bà Rịa - Vũng Tàu', 'Đắk Lắk']),
    );
    expect(place('Thành ủy Huế tổng kết công tác', PROSE).value).toBe('Thừa Thiên Huế');
  });
});

describe('people', () => {
  const peopleIn = (sentence: string) => people(extract(report(TITLE, PROSE, `${sentence} ${PROSE}`)));

  it('reads a list after `có các đồng chí`, stopping at `các đồng chí trong …`', () => {
    expect(
      peopleIn(
        'Dự có các đồng chí Trần Quốc Trung, Ủy viên Trung ương Đảng, Bí thư Thành ủy; Phạm Văn Hiểu, Phó Bí thư ' +
          'Thường trực Thành ủy; các đồng chí trong Ban Chấp hành Đảng bộ thành phố.',
      ),
    ).toEqual([
      { name: 'Trần Quốc Trung', role: 'Ủy viên Trung ương Đảng, Bí thư Thành ủy' },
      { name: 'Phạm Văn Hiểu', role: 'Phó Bí thư Thường trực Thành ủy' },
    ]);
  });

  it.each([
    ['Ông Nguyễn Văn Hiếu, Bí thư Thành ủy phát biểu chỉ đạo.', 'Nguyễn Văn Hiếu', 'Bí thư Thành ủy'],
    [
      'Đồng chí Lê Văn An, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy kiểm tra công tác.',
      'Lê Văn An',
      'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy',
    ],
    [
      'Đồng chí Lê Văn An, Ủy viên dự khuyết Trung ương Đảng dự hội nghị.',
      'Lê Văn An',
      'Ủy viên dự khuyết Trung ương Đảng',
    ],
    [
      'Bà Đinh Thị Mai, Phó Bí thư Tỉnh ủy và Chủ tịch UBND tỉnh yêu cầu.',
      'Đinh Thị Mai',
      'Phó Bí thư Tỉnh ủy và Chủ tịch UBND tỉnh',
    ],
    [
      'Đồng chí Lê Văn An, Bí thư Thành ủy TP. Hồ Chí Minh cho biết thêm.',
      'Lê Văn An',
      'Bí thư Thành ủy TP. Hồ Chí Minh',
    ],
    ['Đồng chí Nguyễn Văn Linh, nguyên Tổng Bí thư đã nói.', 'Nguyễn Văn Linh', 'nguyên Tổng Bí thư'],
    ['Theo ông Trần Thành Trai, thực hiện tốt nghị quyết.', 'Trần Thành Trai', null],
    [
      'Đ/c Hoàng Văn Nam\u00a0-\u00a0Trưởng Ban Dân vận Huyện ủy, trao quà.',
      'Hoàng Văn Nam',
      'Trưởng Ban Dân vận Huyện ủy',
    ],
    [
      'Phát biểu kết luận, Bí thư Tỉnh ủy Lâm Thị Phương Thanh đề nghị.',
      'Lâm Thị Phương Thanh',
      'Bí thư Tỉnh ủy',
    ],
  ])('reads %s', (sentence, name, role) => {
    expect(peopleIn(sentence)).toEqual([{ name, role }]);
  });

  it('reads two persons in one sentence, each with a dash-joined role', () => {
    expect(
      peopleIn(
        'Đồng chí : Nguyễn Thị Lan Hương, Ủy viên BTV Thành ủy- Trưởng ban dân vận Thành ủy, đ/c Trần Văn Khương- ' +
          'Thành Uỷ viên- Bí thư huyện ủy-Chủ tịch Hội đồng nhân dân huyện đã tới dự.',
      ),
    ).toEqual([
      { name: 'Nguyễn Thị Lan Hương', role: 'Ủy viên BTV Thành ủy- Trưởng ban dân vận Thành ủy' },
      { name: 'Trần Văn Khương', role: 'Thành Uỷ viên- Bí thư huyện ủy-Chủ tịch Hội đồng nhân dân huyện' },
    ]);
  });

  it('needs a title or a role: names of streets and thinkers are not people', () => {
    expect(peopleIn('Học tập tư tưởng Hồ Chí Minh; đường Trần Hưng Đạo được mở rộng.')).toEqual([]);
  });

  it('does not give the title of the subject to the object of its verb', () => {
    expect(peopleIn('Chủ tịch UBND tỉnh tiếp Nguyễn Văn Bình tại trụ sở.')).toEqual([]);
  });

  it('merges spellings, preferring the most frequent and then the one with fewer capitals', () => {
    const r = extract(
      report(
        TITLE,
        `Đồng chí Lê Văn An, Bí Thư Tỉnh ủy nói. ${PROSE}`,
        `Đồng chí LÊ VĂN AN nói thêm. ${PROSE}`,
        `Đồng chí Lê Văn An, Bí thư Tỉnh ủy nhấn mạnh. ${PROSE}`,
      ),
    );
    expect(people(r)).toEqual([{ name: 'Lê Văn An', role: 'Bí thư Tỉnh ủy' }]);
    expect(r.people[0]!.evidence).toHaveLength(3);
  });

  it('does not let a damaged caption role beat the body', () => {
    const r = extract(
      report(
        TITLE,
        PROSE,
        'Đồng chí Trần Quốc Trung, Ủy viên Trung ương Đảng, Ban Thường vụ Thành ủy phát biểu',
        `Phát biểu kết luận, đồng chí Trần Quốc Trung, Bí thư Thành ủy đề nghị các cấp ủy thực hiện tốt. ${PROSE}`,
      ),
    );
    expect(r.captions).toHaveLength(1);
    expect(people(r)).toEqual([{ name: 'Trần Quốc Trung', role: 'Bí thư Thành ủy' }]);
  });
});

describe('layout: title, labels, debris, captions', () => {
  it('takes a known section label, or a short label above a longer title', () => {
    const known = report('Thời sự', TITLE, PROSE);
    expect(extract(known).section.value).toBe('Thời sự');
    expect(extract(known).title.value).toBe(TITLE);
    const crumb = report('Trang chủ > Tin tức > Xây dựng Đảng', TITLE, PROSE);
    expect(extract(crumb).section.value).toBe('Trang chủ > Tin tức > Xây dựng Đảng');
    expect(extract(crumb).debris).toEqual([{ ...line(crumb, 1), kind: 'section-label' }]);
  });

  it('keeps a short title followed by its date line or its lead', () => {
    for (const text of [
      report('Hội nghị tổng kết\n21:31 - 05/07/2018', PROSE),
      report('Hội nghị tổng kết', PROSE),
    ]) {
      const r = extract(text);
      expect(r.title.value).toBe('Hội nghị tổng kết');
      expect(r.section.value).toBeNull();
    }
  });

  it('marks a related-links block after the byline, line by line, with its trailing counter', () => {
    const text = report(
      TITLE,
      PROSE,
      'Phùng Khiêm',
      'Tin liên quan',
      'Tỉnh ủy Lạng Sơn tổng kết công tác\nĐồng chí Nguyễn Văn Bình, Bí thư Tỉnh ủy thăm cơ sở',
      'Lượt xem: 1.234',
    );
    const r = extract(text);
    expect(r.debris).toEqual([
      ...debrisOf(text, ['related-links', 7], ['related-links', 9], ['related-links', 10]),
      { ...line(text, 12), kind: 'counter' },
    ]);
    expect(r.viewCount.value).toBe(1234);
    expect(r.author.value).toBe('Phùng Khiêm');
    expect(r.people).toEqual([]);
    expect(r.place.value).toBeNull();
  });

  it('marks only the heading of a block in the middle of the article', () => {
    const text = report(TITLE, PROSE, 'Xem thêm', PROSE);
    expect(extract(text).debris).toEqual(debrisOf(text, ['related-links', 5]));
  });

  it('reads NBSP-indented paragraphs and captions by their text', () => {
    const text = report(
      TITLE,
      `\u00a0\u00a0\u00a0\u00a0 ${PROSE}`,
      '\u00a0Các đại biểu tham dự hội nghị\u00a0',
      PROSE,
    );
    const r = extract(text);
    expect(r.captions).toEqual([line(text, 5)]);
    expect(text.slice(r.captions[0]!.start, r.captions[0]!.end)).toBe('Các đại biểu tham dự hội nghị');
  });

  it('takes short photo descriptions and credits as captions, not subheadings or short prose', () => {
    const text = report(
      TITLE,
      PROSE,
      'Quang cảnh hội nghị.',
      '(Ảnh: Minh Anh)',
      'Nhiều kết quả nổi bật',
      'Hội nghị đã thông qua nghị quyết. Hội nghị bế mạc.',
      PROSE,
    );
    expect(extract(text).captions).toEqual([line(text, 5), line(text, 7)]);
  });

  it('does not take the sapo under the title as a caption', () => {
    const text = report(
      TITLE,
      'Toàn Đảng bộ thành phố triển khai toàn diện các lĩnh vực công tác xây dựng Đảng.',
      PROSE,
    );
    expect(extract(text).captions).toEqual([]);
  });
});

describe('robustness', () => {
  it('handles empty, blank and one-line texts', () => {
    for (const text of ['', '\n', '\n\n\u00a0\n  \n', 'Chỉ một dòng', '156', 'Tin liên quan']) {
      const r = extract(text);
      expect(r.references).toEqual([]);
      expect(r.people).toEqual([]);
    }
    expect(extract('').title.value).toBeNull();
    expect(extract('Chỉ một dòng').title.value).toBe('Chỉ một dòng');
  });

  it('keeps offsets exact on decomposed (NFD) input and surrogate pairs', () => {
    for (const prefix of ['000', '002', '004']) extract(sample(prefix).normalize('NFD'));
    const r = extract(report('😀 Tỉnh ủy Lạng Sơn 😀 tổng kết', `${PROSE} 😀 Nghị quyết số 22-NQ/TW.`));
    expect(r.place.value).toBe('Lạng Sơn');
    expect(codes(r)).toEqual(['22-NQ/TW']);
  });

  it('never throws on random junk', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet =
      'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠỦủỳ .,;:-–/()\n\u00a00123456789NQCTWĐ\ud83d\ude00\ud800';
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = Math.floor(random() * 400);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      extract(text);
    }
  });

  it('extracts a 1 MB text of random junk quickly', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = [
      'Nguyễn',
      'Văn',
      'đồng chí',
      'Bí thư',
      '22-NQ/TW',
      'Nghị quyết',
      'số',
      '12/6',
      'Tin liên quan',
    ];
    const parts: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      const r = random();
      const part =
        r < 0.5 ? words[Math.floor(random() * words.length)]! : r < 0.9 ? 'xyz' : r < 0.95 ? ',' : '\n';
      parts.push(part, ' ');
      size += part.length + 1;
    }
    const text = parts.join('');
    const started = performance.now();
    const r = extractMetadata(text, { currentYear: 2025 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r.references.length).toBeGreaterThan(0);
  });

  it('stays linear on long runs of spaces after trigger words', () => {
    const run = ' '.repeat(200_000);
    const texts = [
      `${TITLE}\n\nSáng nay${run}x`,
      `${TITLE}\n\n1${run}x`,
      `${TITLE}\n\nNghị quyết số 22, ngày 5/7/2018${run}x`,
      `${TITLE}\n\nNghị quyết Trung ương 4${run},${run}x`,
      `${TITLE}\n\nĐồng chí Nguyễn Văn An${run},${run}x`,
      `${TITLE}\n\nẢnh:${run}x`,
      `${TITLE}\n\n${'Ab '.repeat(200_000)}`,
    ];
    const started = performance.now();
    for (const text of texts) extractMetadata(text);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('takes a few milliseconds for a 10 KB report', () => {
    const text = `${sample('000')}\n\n${sample('003')}`;
    expect(text.length).toBeGreaterThan(10_000);
    for (let i = 0; i < 5; i++) extractMetadata(text);
    const started = performance.now();
    for (let i = 0; i < 20; i++) extractMetadata(text);
    expect((performance.now() - started) / 20).toBeLessThan(20);
  });
});

describe('foldText', () => {
  it('keeps the length and folds tone-mark placement and case alike', () => {
    for (const [a, b] of [
      ['Thành uỷ', 'thành ủy'],
      ['khoá', 'KHÓA'],
      ['Hoà Bình', 'hòa bình'],
    ] as const) {
      expect(foldText(a)).toBe(foldText(b));
      expect(foldText(a)).toHaveLength(a.length);
    }
    expect(foldText('Dự')).not.toBe(foldText('du'));
    expect(foldText('a\u00a0b\u200bc')).toBe('a b c');
  });
});
