import { found, nothing } from './extracted';
import { WORD_END, WORD_START, foldKey, isLetterCode, phraseAlternation, squash } from './fold';
import type { Extracted, Span } from './types';

/** A province-level unit: its usual name and the other ways reports write it. */
interface ProvinceEntry {
  name: string;
  aliases?: readonly string[];
  /** Only a place after `TP`/`Thành phố`/`Thành ủy` (`Hồ Chí Minh` alone is usually the person). */
  needsPrefix?: boolean;
}

/** A place named in the text. */
export interface PlaceMention {
  /** Province/city name, or the district name for a district mention. */
  name: string;
  kind: 'province' | 'district';
  start: number;
  end: number;
}

/**
 * The 63 provinces and centrally-run cities before the 2025 merger, plus Huế (centrally-run since 2025);
 * the 34 units after the merger all keep one of these names.
 */
const PROVINCES: readonly ProvinceEntry[] = [
  { name: 'Hà Nội' },
  { name: 'TP Hồ Chí Minh', aliases: ['TP.HCM', 'TPHCM', 'TP HCM', 'TP. HCM'] },
  { name: 'Hồ Chí Minh', needsPrefix: true },
  { name: 'Hải Phòng' },
  { name: 'Đà Nẵng' },
  { name: 'Cần Thơ' },
  { name: 'Huế' },
  { name: 'Thừa Thiên Huế', aliases: ['Thừa Thiên - Huế', 'Thừa Thiên-Huế'] },
  { name: 'An Giang' },
  { name: 'Bà Rịa - Vũng Tàu', aliases: ['Bà Rịa-Vũng Tàu', 'Bà Rịa – Vũng Tàu', 'Bà Rịa Vũng Tàu'] },
  { name: 'Bạc Liêu' },
  { name: 'Bắc Giang' },
  { name: 'Bắc Kạn', aliases: ['Bắc Cạn'] },
  { name: 'Bắc Ninh' },
  { name: 'Bến Tre' },
  { name: 'Bình Dương' },
  { name: 'Bình Định' },
  { name: 'Bình Phước' },
  { name: 'Bình Thuận' },
  { name: 'Cà Mau' },
  { name: 'Cao Bằng' },
  { name: 'Đắk Lắk', aliases: ['Đắc Lắc', 'Đắk Lăk', 'Đăk Lăk', 'Đắc Lắk'] },
  { name: 'Đắk Nông', aliases: ['Đắc Nông', 'Đăk Nông'] },
  { name: 'Điện Biên' },
  { name: 'Đồng Nai' },
  { name: 'Đồng Tháp' },
  { name: 'Gia Lai' },
  { name: 'Hà Giang' },
  { name: 'Hà Nam' },
  { name: 'Hà Tĩnh' },
  { name: 'Hải Dương' },
  { name: 'Hậu Giang' },
  { name: 'Hòa Bình' },
  { name: 'Hưng Yên' },
  { name: 'Khánh Hòa' },
  { name: 'Kiên Giang' },
  { name: 'Kon Tum' },
  { name: 'Lai Châu' },
  { name: 'Lâm Đồng' },
  { name: 'Lạng Sơn' },
  { name: 'Lào Cai' },
  { name: 'Long An' },
  { name: 'Nam Định' },
  { name: 'Nghệ An' },
  { name: 'Ninh Bình' },
  { name: 'Ninh Thuận' },
  { name: 'Phú Thọ' },
  { name: 'Phú Yên' },
  { name: 'Quảng Bình' },
  { name: 'Quảng Nam' },
  { name: 'Quảng Ngãi' },
  { name: 'Quảng Ninh' },
  { name: 'Quảng Trị' },
  { name: 'Sóc Trăng' },
  { name: 'Sơn La' },
  { name: 'Tây Ninh' },
  { name: 'Thái Bình' },
  { name: 'Thái Nguyên' },
  { name: 'Thanh Hóa' },
  { name: 'Tiền Giang' },
  { name: 'Trà Vinh' },
  { name: 'Tuyên Quang' },
  { name: 'Vĩnh Long' },
  { name: 'Vĩnh Phúc' },
  { name: 'Yên Bái' },
];

/** Every province-level name the gazetteer knows, for tests and callers. */
export const PROVINCE_NAMES: readonly string[] = [
  ...new Set(PROVINCES.map((p) => (p.name === 'Hồ Chí Minh' ? 'TP Hồ Chí Minh' : p.name))),
];

const MAX_LABEL = 40;

const BY_KEY = new Map<string, ProvinceEntry>();
for (const p of PROVINCES) for (const alias of [p.name, ...(p.aliases ?? [])]) BY_KEY.set(foldKey(alias), p);

const PROVINCE = new RegExp(`${WORD_START}(?:${phraseAlternation([...BY_KEY.keys()])})${WORD_END}`, 'gu');
const LABEL_PREFIX = `(?:(?:${phraseAlternation(['tỉnh', 'thành phố'])})\\s+|tp\\.?\\s*)?`;
const PROVINCE_LABEL = new RegExp(`^${LABEL_PREFIX}(${phraseAlternation([...BY_KEY.keys()])})$`, 'u');
const CITY_PREFIX = new RegExp(`(?:${phraseAlternation(['thành phố', 'thành ủy'])}|tp)\\.?\\s*$`, 'u');
const DISTRICT = new RegExp(
  `${WORD_START}(?:${phraseAlternation([
    'huyện ủy',
    'quận ủy',
    'thị ủy',
    'thị xã',
    'huyện',
    'quận',
    'thành phố',
  ])}|tp\\.?)\\s+(?:(?:${phraseAlternation(['quận', 'huyện', 'thị xã'])})\\s+)?`,
  'gu',
);
const DISTRICT_NAME =
  /\p{Lu}\p{Ll}*(?:[ \u00a0]\p{Lu}\p{Ll}*){0,2}(?![\p{L}\p{N}])|\d{1,2}(?![\p{L}\p{N}])/uy;
/** Capitalised words that may sit right before a province name without making it part of a longer name. */
const PREFIX_WORDS = new Set(['tỉnh', 'thành', 'phố', 'tp', 'ủy', 'uỷ', 'xã'].map(foldKey));

function canonical(entry: ProvinceEntry): string {
  return entry.name === 'Hồ Chí Minh' ? 'TP Hồ Chí Minh' : entry.name;
}

/** The province a line names when it holds nothing else (`Cần Thơ`, `Tỉnh Lạng Sơn`): a place label. */
export function provinceOfLabel(foldedLine: string): string | null {
  if (foldedLine.length > MAX_LABEL) return null;
  const m = PROVINCE_LABEL.exec(squash(foldedLine));
  const entry = m ? BY_KEY.get(m[1]!.replace(/\s+/g, ' ')) : undefined;
  return entry ? canonical(entry) : null;
}

/** The province whose name (or alias) is exactly this text, if any. */
export function provinceNamed(text: string): string | null {
  const entry = BY_KEY.get(foldKey(text));
  return entry ? canonical(entry) : null;
}

function wordsCapitalised(text: string): boolean {
  return Array.from(text.matchAll(/\p{L}+/gu)).every((w) => /^\p{Lu}/u.test(w[0]));
}

function previousWordBlocks(text: string, folded: string, start: number): boolean {
  let i = start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u00a0')) i--;
  if (i === start) return false;
  let j = i;
  while (j > 0 && isLetterCode(text.charCodeAt(j - 1))) j--;
  if (j === i || !/^\p{Lu}/u.test(text.slice(j, i))) return false;
  return !PREFIX_WORDS.has(folded.slice(j, i));
}

/** Finds province names between `from` and `to`: capitalised, not the tail of a longer capitalised name. */
export function findProvinces(text: string, folded: string, from = 0, to = text.length): PlaceMention[] {
  const found: PlaceMention[] = [];
  const slice = folded.slice(from, to);
  for (const m of slice.matchAll(PROVINCE)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const entry = BY_KEY.get(m[0].replace(/\s+/g, ' '));
    if (!entry || !wordsCapitalised(text.slice(start, end))) continue;
    if (entry.needsPrefix && !CITY_PREFIX.test(folded.slice(Math.max(0, start - 12), start))) continue;
    if (previousWordBlocks(text, folded, start)) continue;
    found.push({ name: canonical(entry), kind: 'province', start, end });
  }
  return found;
}

/** Finds districts (`Huyện Thanh Trì`, `Huyện ủy Thanh Trì`, `Quận 1`); the span includes the keyword. */
export function findDistricts(text: string, folded: string, from = 0, to = text.length): PlaceMention[] {
  const found: PlaceMention[] = [];
  const slice = folded.slice(from, to);
  for (const m of slice.matchAll(DISTRICT)) {
    const start = from + m.index;
    DISTRICT_NAME.lastIndex = start + m[0].length;
    const name = DISTRICT_NAME.exec(text);
    if (!name || DISTRICT_NAME.lastIndex > to) continue;
    if (provinceNamed(name[0])) continue;
    // Numbered urban districts are named with their keyword: `Quận 1`.
    const written = /^\d/.test(name[0]) ? `Quận ${name[0]}` : name[0].replace(/\u00a0/g, ' ');
    found.push({ name: written, kind: 'district', start, end: DISTRICT_NAME.lastIndex });
  }
  return found;
}

/** All place mentions between `from` and `to`, in text order. */
export function findPlaces(text: string, folded: string, from = 0, to = text.length): PlaceMention[] {
  return [...findProvinces(text, folded, from, to), ...findDistricts(text, folded, from, to)].sort(
    (a, b) => a.start - b.start,
  );
}

/** A stretch of text searched for the place, with the confidence a place found there gets. */
export interface PlaceRegion {
  span: Span;
  confidence: number;
}

function provinceNear(
  text: string,
  folded: string,
  district: PlaceMention,
  regions: readonly Span[],
): PlaceMention | undefined {
  for (const span of [...regions, { start: 0, end: text.length }]) {
    const list = findProvinces(text, folded, span.start, span.end);
    const near = list.find((p) => p.start > district.end) ?? list[0];
    if (near) return near;
  }
  return undefined;
}

/** The place: first named in the regions (a district with its province), else the label or the most named. */
export function choosePlace(
  source: string,
  text: string,
  folded: string,
  regions: readonly PlaceRegion[],
  label: { span: Span; province: string } | null,
): Extracted<string | null> {
  for (const region of regions) {
    const first = findPlaces(text, folded, region.span.start, region.span.end)[0];
    if (!first) continue;
    if (first.kind === 'province') return found(source, first.name, region.confidence, first);
    const province = provinceNear(
      text,
      folded,
      first,
      regions.map((r) => r.span),
    );
    const value = province ? `${first.name}, ${province.name}` : first.name;
    return found(source, value, region.confidence - 0.05, first);
  }
  if (label) return found(source, label.province, 0.75, label.span);
  const all = findProvinces(text, folded);
  const counts = new Map<string, number>();
  for (const p of all) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  let best: PlaceMention | null = null;
  for (const p of all) if (!best || counts.get(p.name)! > counts.get(best.name)!) best = p;
  return best ? found(source, best.name, 0.4, best) : nothing();
}
