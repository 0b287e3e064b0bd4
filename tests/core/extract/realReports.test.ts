import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src-main/core/extract';
import type { Extraction } from '../../../src-main/core/extract';
import { decodeReport } from '../../../src-main/core/text/decode';

const SHARED = path.resolve(import.meta.dirname, '../../../../shared');
const TODAY = { year: 2026, month: 12, day: 1 };

/** A real report from `../shared`, decoded as the app decodes it. */
function real(relative: string): string {
  const dir = path.join(SHARED, path.dirname(relative));
  const name = path.basename(relative);
  const file = fs.readdirSync(dir).find((f) => f === name || f.startsWith(`${name}_`));
  if (!file) throw new Error(`no real report ${relative}`);
  return decodeReport(fs.readFileSync(path.join(dir, file)), file).text;
}

function extract(text: string): Extraction {
  const r = extractMetadata(text, { today: TODAY });
  for (const field of [r.title, r.published, r.source, r.author, r.place]) {
    if (field.evidence)
      expect(field.evidence.text).toBe(text.slice(field.evidence.start, field.evidence.end));
  }
  return r;
}

const debrisText = (text: string, r: Extraction, kind: string) =>
  r.debris.filter((d) => d.kind === kind).map((d) => text.slice(d.start, d.end));

describe('a Jekyll post of a trends bot (front matter, link line, image line, RSS snippet)', () => {
  const text = real('real-corpus/000');
  const r = extract(text);

  it('takes the headline from the link line, without the bot keyword, and hides the header', () => {
    expect(r.title.value).toBe('Xã Tân An tổ chức lễ giỗ Bác Hồ');
    expect(debrisText(text, r, 'header')).toEqual([
      '---',
      'layout: post',
      'title: " [Bác Hồ] Xã Tân An tổ chức lễ giỗ Bác Hồ"',
      'date: Mon, 02 Sep 2024 11:00:00 +0700',
      'categories: entries VN',
      '---',
      expect.stringMatching(/^\[Xã Tân An tổ chức lễ giỗ Bác Hồ\]\(https:\/\/www\.baotravinh\.vn\//u),
      expect.stringMatching(/^!\[Xã Tân An/u),
    ]);
  });

  it("dates the lead's day and month by the capture date, never after it", () => {
    expect(r.published.value).toBe('2024-09-02');
    expect(r.published.evidence?.text).toBe('Sáng nay (02/9)');
  });

  it('reads the outlet from the link, the byline in capitals in title case, the district and its province', () => {
    expect(r.source.value).toBe('baotravinh.vn');
    expect(r.author.value).toBe('Kim Loan');
    expect(r.author.evidence?.text).toBe('KIM LOAN');
    expect(r.place.value).toBe('Càng Long, Trà Vinh');
    expect(r.language).toBe('vi');
  });

  it('lists the printed codes only, not the plenum resolution the text names without one', () => {
    expect(r.references.map((x) => x.value.code)).toEqual(['01-KL/TW', '05-CT/TW']);
  });
});

describe('a crawler key-value header (Title: / Source: / Published Date: / Author: / Content:)', () => {
  const text = real('real-corpus/026');
  const r = extract(text);

  it('reads every header, dropping the site suffix and the agencies after the author', () => {
    expect(r.title.value).toBe('Bên trong đường hầm Hamas giam con tin ở Gaza');
    expect(r.published.value).toBe('2024-02-07T23:41');
    expect(r.published.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r.source.value).toBe('VnExpress');
    expect(r.author.value).toBe('Huyền Lê');
    expect(r.author.evidence?.text).toBe('Huyền Lê (Theo AFP, Times of Israel)');
  });

  it('treats the header as debris up to the body, which starts after `Content:`', () => {
    const header = debrisText(text, r, 'header');
    expect(header[0]).toMatch(/^Title: /u);
    expect(header.at(-1)).toBe('Content: ');
  });

  it('gives foreign news no Vietnamese place', () => {
    expect(r.place.value).toBeNull();
  });

  it('falls back to the lead when the header says `Published Date: N/A`', () => {
    const other = extract(real('real-corpus/028'));
    expect(other.published.value).toBe('2023-01-31');
    expect(other.source.value).toBe('Báo Hà Tĩnh');
  });
});

describe('a corpus comment header (# doc_id = / # url = / # date =)', () => {
  const text = real('real-corpus/018');
  const r = extract(text);

  it('takes the title from the first line after the header and the date from `# date =`', () => {
    expect(r.title.value).toBe('Ngành tư pháp đón nhận Huân chương Lao động hạng Nhất');
    expect(r.published.value).toBe('2020-11-01');
    expect(r.source.value).toBe('dantri.com.vn');
    expect(debrisText(text, r, 'header')).toHaveLength(3);
  });
});

describe('headlines the aggregator cut short', () => {
  it('takes the full headline when the body prints it, with its date line under it', () => {
    const r = extract(real('real-corpus/008'));
    expect(r.title.value).toBe(
      'Kết luận về một số nội dung, nhiệm vụ tiếp tục sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị năm 2025',
    );
    expect(r.published.value).toBe('2025-02-19T14:15');
    // `[Kết luận 126-KL/TW]` is the bot's keyword in the front matter: the only place 126-KL/TW is printed.
    expect(r.references.map((x) => x.value.code)).toContain('126-KL/TW');
  });

  it('keeps the cut headline as printed when the body does not print it whole', () => {
    const r = extract(real('real-corpus/012'));
    expect(r.title.value).toBe('Điều động, bổ nhiệm Chánh Văn phòng Tỉnh ủy, Giám đốc Sở, chỉ ...');
  });
});

describe('what an aggregator gets wrong', () => {
  it('keeps the capture year for a day a little after the capture date (posts go out early)', () => {
    const r = extract(real('real-archive/trends/2024-06-16-lich-thi-dau-euro-2024-hom-nay.txt'));
    expect(r.published.value).toBe('2024-06-18');
    expect(r.published.evidence?.text).toBe('đêm 18-6');
  });

  it('takes `(Theo …)` after the writer for what they drew on, not for the outlet', () => {
    const r = extract(real('real-archive/trends/2025-01-28-thiep-chuc-mung-nam-moi.txt'));
    expect([r.author.value, r.source.value]).toEqual(['Anh Minh', 'vnexpress.net']);
  });
});

describe('bylines and photo credits', () => {
  it.each([
    ['real-corpus/010', 'Thành Duy'],
    ['real-corpus/020', 'PTT'],
    ['real-corpus/028', 'Ngọc Loan - Lê Tuấn'],
  ])('reads the byline of %s', (file, author) => {
    expect(extract(real(file)).author.value).toBe(author);
  });

  it.each([['real-corpus/014'], ['real-corpus/016'], ['real-corpus/024'], ['real-corpus/004']])(
    'takes neither a photo credit nor `PV` for the author in %s',
    (file) => {
      expect(extract(real(file)).author.value).toBeNull();
    },
  );

  it('marks a footer glued to the last paragraph as debris, and reads no licence in it as a reference', () => {
    const text = real('real-corpus/028');
    const r = extract(text);
    expect(debrisText(text, r, 'footer')[0]).toMatch(/^\{name\} - \{time\} Trả lời/u);
    expect(r.references).toEqual([]);
  });
});

describe('places from the gazetteer', () => {
  it.each([
    ['real-corpus/002', 'Thăng Bình, Quảng Nam'],
    ['real-corpus/022', 'Bình Liêu, Quảng Ninh'],
    ['real-corpus/010', 'Tân Kỳ, Nghệ An'],
    ['real-corpus/024', 'Đà Nẵng'],
  ])('reads the place of %s', (file, place) => {
    expect(extract(real(file)).place.value).toBe(place);
  });

  it('names no place for a trip abroad whose guests hold provincial posts', () => {
    expect(extract(real('real-corpus/014')).place.value).toBeNull();
  });
});

describe('State and Party documents in real reports', () => {
  it.each([
    ['real-corpus/010', ['14-KL/TW', '46/NQ-CP', '22/2013/QĐ-TTg']],
    ['real-corpus/020', ['178/2024/NĐ-CP', '135/2020/NĐ-CP', '29/2023/NĐ-CP']],
    ['real-corpus/022', ['02/20217/NĐ-CP']],
    ['real-corpus/004', ['1638-QĐNS/TW']],
  ])('reads the codes of %s', (file, codes) => {
    const refs = extract(real(file)).references;
    expect(refs.map((x) => x.value.code).sort()).toEqual([...codes].sort());
  });
});

describe('reports in other languages', () => {
  it('reads a German post for its structure only', () => {
    const r = extract(real('real-archive/trends/2024-05-07-dortmund.txt'));
    expect(r.language).toBe('de');
    expect(r.title.value).toBe('Polizeihund „Pit“ stoppte 17-jährigen Verdächtigen: Einbruch in ...');
    expect(r.source.value).toBe('ruhrnachrichten.de');
    // No date in the text: the image path's date, and not a Vietnamese guess.
    expect(r.published.value).toBe('2024-05-07');
    expect(r.published.confidence).toBeLessThan(0.5);
    expect([r.place.value, r.author.value, r.references, r.people]).toEqual([null, null, [], []]);
  });

  it('tells an English translation from the German its categories claim', () => {
    const r = extract(real('real-archive/trends/2024-04-03-luke-mockridge.txt'));
    expect(r.language).toBe('en');
    expect(r.title.value).toBe(
      "I am 'the one from Aulendorf': This is how Steffen experienced the show with Luke...",
    );
  });
});

describe('photo and video credits', () => {
  const captionTexts = (text: string) => extract(text).captions.map((c) => text.slice(c.start, c.end));

  it('takes a block ending in a video credit as a caption, with or without a full stop before it', () => {
    const text = real('real-archive/trends/2024-10-04-gam.txt');
    expect(captionTexts(text)).toContain('Xe công nghệ lùi ngang đường gây tai nạn Video: CTV');
  });

  it('never takes prose that mentions a video for a caption', () => {
    const text = real('real-archive/trends/2024-05-30-pimtha.txt');
    const prose = captionTexts(text).filter((c) => c.includes('Video chỉ kéo dài 22 giây'));
    expect(prose).toEqual([]);
  });
});
