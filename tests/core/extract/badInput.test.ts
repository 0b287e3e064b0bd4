import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src-main/core/extract';
import type { Extraction } from '../../../src-main/core/extract';
import { dateInUrl, parseDateValue } from '../../../src-main/core/extract/dateValue';

const TODAY = { year: 2026, month: 12, day: 1 };
const PROSE =
  'Sáng 3/7, Huyện ủy Thăng Bình tổ chức hội nghị đánh giá tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2024 ' +
  'và triển khai nhiệm vụ 6 tháng cuối năm.';

const extract = (text: string): Extraction => extractMetadata(text, { today: TODAY });
const headerDebris = (text: string, r: Extraction) =>
  r.debris.filter((d) => d.kind === 'header').map((d) => text.slice(d.start, d.end));

describe('headers in bad shape give a clear result for that report', () => {
  it('reads a front matter that never closes only as far as its key lines go', () => {
    const text = `---\ntitle: "Thăng Bình kết nạp 59 đảng viên"\ndate: Wed, 03 Jul 2024 18:00:00 +0700\n${PROSE}\n\n${PROSE}`;
    const r = extract(text);
    expect(r.title.value).toBe('Thăng Bình kết nạp 59 đảng viên');
    expect(headerDebris(text, r)).toEqual([
      '---',
      'title: "Thăng Bình kết nạp 59 đảng viên"',
      'date: Wed, 03 Jul 2024 18:00:00 +0700',
    ]);
    expect(r.published.value).toBe('2024-07-03T18:00');
  });

  it('reads a header block with no body', () => {
    const text =
      'Title: Dầu vón cục dạt vào bờ biển Hà Tĩnh - VnExpress\nSource: VnExpress\nAuthor: \nContent:';
    const r = extract(text);
    expect([r.title.value, r.source.value, r.author.value]).toEqual([
      'Dầu vón cục dạt vào bờ biển Hà Tĩnh',
      'VnExpress',
      null,
    ]);
  });

  it('ignores header values in the wrong shape instead of guessing', () => {
    const text = `---\ntitle: [a, b]\ndate: yesterday\nurl: not a link\n---\n\n${PROSE}`;
    const r = extract(text);
    expect(r.title.value).toBeNull();
    expect(r.source.value).toBeNull();
    // No year in the header or the lead's words: the lead's day and month take the year its text gives.
    expect(r.published.value).toBe('2024-07-03');
    expect(headerDebris(text, r)).toHaveLength(5);
  });

  it('reads a header and a 10 MB single line without failing', () => {
    const line = `${PROSE} `.repeat(Math.ceil(10_000_000 / (PROSE.length + 1)));
    const text = `# doc_id = x\n# url = https://dantri.com.vn/xa-hoi/a-20240703101010000.htm\n${line}`;
    const r = extract(text);
    expect(r.source.value).toBe('dantri.com.vn');
    expect(r.published.value).toBe('2024-07-03');
    expect(r.place.value).toBe('Thăng Bình, Quảng Nam');
  });

  it('takes a lone rule or list of keys in prose for prose', () => {
    const text = `Tiêu đề của bài báo\n\n${PROSE}\n\n---\n\nKết luận: hội nghị thành công.`;
    const r = extract(text);
    expect(r.title.value).toBe('Tiêu đề của bài báo');
    expect(headerDebris(text, r)).toEqual([]);
  });
});

describe('date values', () => {
  it.each([
    ['Mon, 02 Sep 2024 11:00:00 +0700', '2024-09-02 11:00'],
    ['Wed, 03 Apr 2024 13 00 00 +0200', '2024-04-03 13:00'],
    ['Thứ tư, 7/2/2024, 23:41 (GMT+7)', '2024-02-07 23:41'],
    ['20201218', '2020-12-18'],
    ['2024-02-07T10:00:00Z', '2024-02-07 10:00'],
    ['ngày 7 tháng 2 năm 2024', '2024-02-07'],
    ['February 7, 2024', '2024-02-07'],
    ['7. Februar 2024', '2024-02-07'],
  ])('reads %s', (raw, expected) => {
    const v = parseDateValue(raw)!;
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${v.date.year}-${pad(v.date.month)}-${pad(v.date.day)}`;
    expect(v.time ? `${day} ${pad(v.time.hour)}:${pad(v.time.minute)}` : day).toBe(expected);
  });

  it.each([['N/A'], ['yesterday'], ['31/02/2024'], ['2024-13-01']])('reads %s as no date', (raw) => {
    expect(parseDateValue(raw)).toBeNull();
  });

  it('reads dates in addresses: a dated path, an id that starts with the time', () => {
    expect(dateInUrl('https://cdn.baotravinh.vn/uploads/NewsThumbnail/2024/09/02/a.JPG')?.date).toEqual({
      year: 2024,
      month: 9,
      day: 2,
    });
    expect(dateInUrl('https://dantri.com.vn/xa-hoi/x-20201101174653039.htm')).toEqual({
      date: { year: 2020, month: 11, day: 1 },
      time: { hour: 17, minute: 46 },
    });
    expect(dateInUrl('https://vnexpress.net/ben-trong-duong-ham-4710111.html')).toBeNull();
  });
});

describe('years of a day and month written without one', () => {
  const lead = (prose: string, header = '') => extract(`${header}Tiêu đề\n\n${prose}`).published;

  it('never takes a year from a term range or a target', () => {
    expect(lead('Sáng 3/7, Đại hội nhiệm kỳ 2025-2030 hướng tới năm 2045; năm 2024 đạt kết quả.').value).toBe(
      '2024-07-03',
    );
  });

  it('never dates a report after the day it is read', () => {
    expect(lead('Sáng 25/12, tổng kết năm 2026.').value).toBeNull();
  });

  it('dates by the capture date as an upper bound, even across a new year', () => {
    const header =
      '---\ntitle: "Tiêu đề"\ndate: Fri, 03 Jan 2025 08:00:00 +0700\n---\n[Tiêu đề](https://baoquangnam.vn/a.html)\n\n';
    const p = extract(`${header}Chiều 30/12, hội nghị tổng kết năm 2025 được tổ chức.`).published;
    expect(p.value).toBe('2024-12-30');
  });
});
