import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Prng } from './prng';
import { loadSampleParagraphs } from './samples';
import {
  CITIES,
  DIRECTIVE_NUMBERS,
  DISTRICTS,
  FAMILY_NAMES,
  FOOTER_DEBRIS,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  OUTLETS,
  PROVINCES,
  RESOLUTION_NUMBERS,
  SAMPLE_PEOPLE,
  SAMPLE_PLACES,
  SECTION_LABELS,
  WEEKDAYS,
} from './vocabulary';

/** A synthetic corpus written to disk. */
export interface SyntheticCorpus {
  dir: string;
  files: number;
  /** Total size of the report files in bytes. */
  bytes: number;
}

/** The facts one synthetic report is about; every sample paragraph is rewritten to agree with them. */
interface Setting {
  org: string;
  place: string;
  district: string;
  date: Date;
  resolution: string;
  directive: string;
  people: Map<string, string>;
  oldTones: boolean;
}

const MIN_BYTES = 3 * 1024;
const MAX_BYTES = 10 * 1024;
const FIRST_DAY = Date.UTC(2018, 0, 1);
const DAYS = 8 * 365;
const WRITE_BATCH = 64;
/** Tone marks placed the current way and the old way (`ủy` / `uỷ`); only open syllables differ (`toàn` never does). */
const TONE_PAIRS = [
  ['ủy', 'uỷ'],
  ['Ủy', 'Uỷ'],
  ['óa', 'oá'],
  ['òa', 'oà'],
].map(([current, old]) => ({
  current: current!,
  old: old!,
  currentAtEnd: new RegExp(`${current}(?!\\p{L})`, 'gu'),
  oldAtEnd: new RegExp(`${old}(?!\\p{L})`, 'gu'),
}));

/**
 * Writes `size` synthetic reports into `dir`. Report `i` depends only on `seed` and `i`, so a smaller corpus is
 * a prefix of a larger one with the same seed.
 */
export async function writeSyntheticCorpus(
  dir: string,
  size: number,
  seed: number,
): Promise<SyntheticCorpus> {
  const paragraphs = loadSampleParagraphs();
  await fs.mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let start = 0; start < size; start += WRITE_BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(size, start + WRITE_BATCH); i++) {
      const report = syntheticReport(paragraphs, Prng.forItem(seed, i), i);
      bytes += report.bytes.length;
      batch.push(fs.writeFile(path.join(dir, report.file), report.bytes));
    }
    await Promise.all(batch);
  }
  return { dir, files: size, bytes };
}

/** One synthetic report file: real sample paragraphs recombined under a new title, date, place and people. */
function syntheticReport(
  paragraphs: readonly string[],
  r: Prng,
  index: number,
): { file: string; bytes: Buffer } {
  const setting = chooseSetting(r);
  const head = header(r, setting);
  const foot = footer(r, setting);
  const target = r.int(MIN_BYTES, MAX_BYTES);
  const body: string[] = [];
  let size = byteLength([...head, ...foot]);
  for (const paragraph of r.shuffle(paragraphs)) {
    if (size >= target) break;
    const rewritten = rewrite(paragraph, setting);
    const fitted = fitParagraph(rewritten, MAX_BYTES - size - 4);
    if (fitted === null) break;
    body.push(fitted);
    size += Buffer.byteLength(fitted) + 2;
    if (body.length > 1 && r.chance(0.15)) body.push(caption(r, setting));
  }
  const text = damage(r, withTones([...head, ...body, ...foot].join('\n\n') + '\n', setting.oldTones));
  const file = `${String(index).padStart(6, '0')}_${r.hex(16)}.txt`;
  return { file, bytes: encode(r, text) };
}

function chooseSetting(r: Prng): Setting {
  const city = r.chance(0.4);
  const oldTones = r.chance(0.3);
  const people = new Map(SAMPLE_PEOPLE.map((name) => [name, personName(r)]));
  return {
    org: city ? (oldTones ? 'Thành uỷ' : 'Thành ủy') : oldTones ? 'Tỉnh uỷ' : 'Tỉnh ủy',
    place: city ? r.pick(CITIES) : r.pick(PROVINCES),
    district: r.pick(DISTRICTS),
    date: new Date(FIRST_DAY + r.int(0, DAYS) * 86_400_000 + r.int(6 * 60, 22 * 60) * 60_000),
    resolution: r.pick(RESOLUTION_NUMBERS),
    directive: r.pick(DIRECTIVE_NUMBERS),
    people,
    oldTones,
  };
}

function personName(r: Prng): string {
  return `${r.pick(FAMILY_NAMES)} ${r.pick(MIDDLE_NAMES)} ${r.pick(GIVEN_NAMES)}`;
}

/** Title, date line and lead in one of the four page layouts the samples show. */
function header(r: Prng, s: Setting): string[] {
  const { day, month, year, hh, mm, dd, mo } = dateParts(s.date);
  const years = r.pick(['10', '15', '5']);
  const meeting = `tổ chức Hội nghị tổng kết ${years} năm thực hiện Nghị quyết số ${s.resolution}-NQ/TW của Ban Chấp hành Trung ương`;
  const chair = `Đồng chí ${s.people.get(SAMPLE_PEOPLE[0])}, Ủy viên Trung ương Đảng, Bí thư ${s.org} chủ trì hội nghị.`;
  switch (r.int(0, 3)) {
    case 0:
      return [
        `${s.org} ${s.place} tổng kết ${years} năm thực hiện Nghị quyết số ${s.resolution}-NQ/TW của Ban Chấp hành Trung ương (khoá X) và Chỉ thị số ${s.directive}-CT/TW của Bộ Chính trị\n${hh}:${mm} - ${dd}/${mo}/${year}`,
        `(TGCT)\u00a0Ngày ${dd}/${month}/${year}, ${s.org} ${s.place} ${meeting} (khoá X) “Về nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên”. ${chair}`,
      ];
    case 1:
      return [
        r.pick(SECTION_LABELS),
        `Huyện ${s.district} tổng kết ${years} năm thực hiện NQ TW6\nNgày đăng ${dd}/${mo}/${year} | ${hh}:${mm}  | View count: ${r.int(20, 5000)}`,
        `Ngày ${day}.${month}.${year}, Huyện ủy ${s.district} tổ chức hội nghị tổng kết ${years} năm thực hiện Nghị quyết TW 6, khóa X về “Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở Đảng và chất lượng đội ngũ cán bộ, đảng viên”. Đồng chí : ${s.people.get(SAMPLE_PEOPLE[5])}, Ủy viên BTV ${s.org}- Trưởng ban dân vận ${s.org} đã tới dự.`,
      ];
    case 2: {
      const page = new Date(s.date.getTime() + r.int(0, 3) * 86_400_000);
      const p = dateParts(page);
      return [
        `${WEEKDAYS[page.getUTCDay()]},\u00a0${p.dd}/${p.mo}/${p.year}`,
        `${s.org} ${s.place} tổng kết thực hiện Nghị quyết số ${s.resolution} của Ban Chấp hành Trung ương khóa X và Chỉ thị số ${s.directive} của Bộ Chính trị khóa XI`,
        `LSO-${r.pick(['Sáng nay', 'Chiều nay', 'Sáng'])} (${day}/${month}), ${s.org} ${s.place} ${meeting} khóa X và Chỉ thị số ${s.directive}- CT/TW của Bộ Chính trị. ${chair}`,
      ];
    }
    default:
      return [
        r.pick(SECTION_LABELS),
        r.pick([
          'Xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh',
          `${s.place} không còn ấp, khu vực chưa có tổ chức Đảng, đảng viên`,
          `Nâng cao chất lượng sinh hoạt chi bộ ở ${s.place}`,
          `${s.place}: kết nạp ${r.int(200, 3000)} đảng viên mới`,
        ]),
        s.place,
        `TTXVN- ${r.pick(['Chiều', 'Sáng'])} ${day}/${month}, ${s.org} ${s.place} ${meeting} và công tác xây dựng Đảng năm ${year}. ${chair}`,
      ];
  }
}

function footer(r: Prng, s: Setting): string[] {
  const byline = r.pick([
    `Tin, ảnh: ${r.pick(MIDDLE_NAMES)} ${r.pick(GIVEN_NAMES)}`,
    `${r.pick(MIDDLE_NAMES)} ${r.pick(GIVEN_NAMES)}/${r.pick(OUTLETS)}`,
    `${r.pick(FAMILY_NAMES)} ${r.pick(GIVEN_NAMES)}`,
  ]);
  const blocks = [byline];
  if (r.chance(0.3)) blocks.push(String(r.int(50, 2000)));
  if (r.chance(0.5)) blocks.push(r.pick(FOOTER_DEBRIS).replace('Hà Nội', s.place));
  return blocks;
}

function caption(r: Prng, s: Setting): string {
  return r.pick([
    `Đồng chí ${s.people.get(r.pick(SAMPLE_PEOPLE))}, Bí thư ${s.org} phát biểu kết luận tại hội nghị`,
    'Các đại biểu tham dự hội nghị',
    `Quang cảnh hội nghị. \nẢnh: ${r.pick(MIDDLE_NAMES)} ${r.pick(GIVEN_NAMES)}/TTXVN`,
  ]);
}

/** A sample paragraph moved to this report's place, people and documents. */
function rewrite(paragraph: string, s: Setting): string {
  let text = paragraph;
  for (const [from, to] of s.people) text = text.replaceAll(from, to);
  for (const city of SAMPLE_PLACES.cities) text = text.replaceAll(city, s.place);
  text = text
    .replaceAll(SAMPLE_PLACES.district, s.district)
    .replace(/(?:Thành|Tỉnh) [uủ][ỷy]/gu, s.org)
    .replace(/(Nghị quyết (?:số )?)22\b/gu, `$1${s.resolution}`)
    .replace(/\b22(\s?[-–]\s?NQ\/TW)/gu, `${s.resolution}$1`)
    .replace(/(Chỉ thị (?:số )?)36\b/gu, `$1${s.directive}`)
    .replace(/\b36(\s?[-–]\s?CT\/TW)/gu, `${s.directive}$1`);
  return text;
}

/** The text with every tone mark placed one way: the old (`uỷ`, `hoá`) or the current (`ủy`, `hóa`). */
function withTones(text: string, old: boolean): string {
  let out = text;
  for (const pair of TONE_PAIRS) {
    out = old ? out.replace(pair.currentAtEnd, pair.old) : out.replace(pair.oldAtEnd, pair.current);
  }
  return out;
}

/** The paragraph, or its leading sentences that fit in `room` bytes; null when not even one fits. */
function fitParagraph(paragraph: string, room: number): string | null {
  if (Buffer.byteLength(paragraph) <= room) return paragraph;
  let cut = paragraph.lastIndexOf('. ');
  while (cut > 0 && Buffer.byteLength(paragraph.slice(0, cut + 1)) > room) {
    cut = paragraph.lastIndexOf('. ', cut - 1);
  }
  return cut > 0 ? paragraph.slice(0, cut + 1) : null;
}

/** Scraping damage the samples show: a typo, stray non-breaking spaces, doubled spaces. */
function damage(r: Prng, text: string): string {
  let out = text;
  if (r.chance(0.2)) out = out.replace('thành phố', 'thánh phố');
  if (r.chance(0.1)) out = out.replace('Doanh nghiệp', 'Doanh nghệp');
  if (r.chance(0.25)) out = out.replace(/ /g, () => (r.chance(0.02) ? '\u00a0' : ' '));
  if (r.chance(0.2)) out = out.replace(/, /g, () => (r.chance(0.05) ? ',  ' : ', '));
  return out;
}

/** Bytes as scrapers save them: mostly UTF-8 NFC with LF, sometimes CRLF, NFD or a BOM. */
function encode(r: Prng, text: string): Buffer {
  let out = text;
  if (r.chance(0.15)) out = out.replace(/\n/g, '\r\n');
  if (r.chance(0.05)) out = out.normalize('NFD');
  const bytes = Buffer.from(out, 'utf8');
  return r.chance(0.05) ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

function dateParts(date: Date) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  return {
    day,
    month,
    year: date.getUTCFullYear(),
    dd: pad(day),
    mo: pad(month),
    hh: pad(date.getUTCHours()),
    mm: pad(date.getUTCMinutes()),
  };
}

function byteLength(blocks: readonly string[]): number {
  return blocks.reduce((sum, block) => sum + Buffer.byteLength(block) + 2, 0);
}
