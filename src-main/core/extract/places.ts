import { found, nothing } from './extracted';
import { WORD_START, foldKey, isLetterCode, phraseAlternation, squash } from './fold';
import {
  DISTRICT_KEYS,
  DISTRICT_KEYWORDS,
  PROVINCES,
  PROVINCE_KEYS,
  aliasNeedsPrefix,
  isNamePrefix,
  districtsByFoldedName,
  provinceByFoldedName,
} from './gazetteer';
import type { District, Province } from './gazetteer';
import { PhraseMatcher } from './phrases';
import type { Doc, Line } from './layout';
import type { Extracted, Span } from './types';

/** A place named in the text: a province, or a district with the provinces that have one of its name. */
export interface PlaceMention {
  /** Province name, or the district's name (`Thanh Trì`, `Quận 1`). */
  name: string;
  kind: 'province' | 'district';
  province: Province | null;
  /** For a district: every district of that name the gazetteer knows (one per province that has it). */
  districts: readonly District[];
  /** A district written without its keyword, trusted only where its province is known. */
  bare: boolean;
  start: number;
  end: number;
}

/** Every province-level name of 2024, for tests and callers. */
export const PROVINCE_NAMES: readonly string[] = PROVINCES.map((p) => p.name);

const MAX_LABEL = 40;
const PROVINCE = new PhraseMatcher(PROVINCE_KEYS);
const BARE_DISTRICT = new PhraseMatcher(DISTRICT_KEYS);
const LABEL_PREFIX = `(?:(?:${phraseAlternation(['tỉnh', 'thành phố'])})\\s+|tp\\.?\\s*)?`;
const PROVINCE_LABEL = new RegExp(`^${LABEL_PREFIX}(${phraseAlternation(PROVINCE_KEYS)})$`, 'u');
const CITY_PREFIX = new RegExp(`(?:${phraseAlternation(['thành phố', 'thành ủy'])}|tp)\\.?\\s*$`, 'u');
const KIND_BY_KEYWORD = new Map(DISTRICT_KEYWORDS.map(([k, kind]) => [foldKey(k), kind]));
const DISTRICT = new RegExp(
  `${WORD_START}(${phraseAlternation(DISTRICT_KEYWORDS.map(([k]) => k))})\\.?\\s+` +
    `(?:(?:${phraseAlternation(['quận', 'huyện', 'thị xã'])})\\s+)?`,
  'gu',
);
const DISTRICT_NAME =
  /\p{Lu}\p{Ll}*(?:[ \u00a0]\p{Lu}\p{Ll}*){0,2}(?![\p{L}\p{N}])|\d{1,2}(?![\p{L}\p{N}])/uy;

/** The province a line names when it holds nothing else (`Cần Thơ`, `Tỉnh Lạng Sơn`): a place label. */
export function provinceOfLine(doc: Doc, line: Line): string | null {
  if (line.contentEnd - line.contentStart > MAX_LABEL) return null;
  const m = PROVINCE_LABEL.exec(squash(doc.lineFolded(line)));
  return m ? (provinceByFoldedName(m[1]!.replace(/\s+/g, ' '))?.name ?? null) : null;
}

/** The province whose name (or alias) is exactly this text, if any. */
export function provinceNamed(text: string): string | null {
  return provinceByFoldedName(foldKey(text))?.name ?? null;
}

/** True when every word is capitalised, but for the keywords an alias may include (`Thành phố Hồ Chí Minh`). */
function wordsCapitalised(text: string): boolean {
  return Array.from(text.matchAll(/\p{L}+/gu)).every(
    (w) => /^\p{Lu}/u.test(w[0]) || isNamePrefix(foldKey(w[0])),
  );
}

/** True when a capitalised word other than a place keyword stands right before `start` (a longer name). */
function previousWordBlocks(text: string, folded: string, start: number): boolean {
  let i = start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u00a0')) i--;
  if (i === start) return false;
  let j = i;
  while (j > 0 && isLetterCode(text.charCodeAt(j - 1))) j--;
  if (j === i || !/^\p{Lu}/u.test(text.slice(j, i))) return false;
  return !isNamePrefix(folded.slice(j, i));
}

/** True when a capitalised word follows right after `end` (the name goes on: a person, a street). */
function nextWordContinues(text: string, end: number): boolean {
  return /^[ \u00a0]\p{Lu}/u.test(text.slice(end, end + 2));
}

/** Finds province names between `from` and `to`: capitalised, not the tail of a longer capitalised name. */
export function findProvinces(text: string, folded: string, from = 0, to = text.length): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const { start, end, phrase: key } of PROVINCE.find(folded, from, to)) {
    const province = provinceByFoldedName(key);
    if (!province || !wordsCapitalised(text.slice(start, end))) continue;
    if (aliasNeedsPrefix(key) && !CITY_PREFIX.test(folded.slice(Math.max(0, start - 12), start))) continue;
    if (previousWordBlocks(text, folded, start)) continue;
    mentions.push({
      name: province.name,
      kind: 'province',
      province,
      districts: [],
      bare: false,
      start,
      end,
    });
  }
  return mentions;
}

/** The district a written name stands for: the longest run of its words the gazetteer knows. */
function knownDistrict(name: string, kind: string): { name: string; districts: District[] } | null {
  const words = name.split(/[ \u00a0]/u);
  for (let n = words.length; n >= 1; n--) {
    const written = words.slice(0, n).join(' ');
    const all = districtsByFoldedName(foldKey(written));
    if (all.length === 0) continue;
    const ofKind = all.filter((d) => d.kind === kind);
    // A town that became a city keeps its old keyword in many reports, so any kind will do.
    return { name: written, districts: ofKind.length > 0 ? ofKind : [...all] };
  }
  return null;
}

/** Finds districts after their keyword (`huyện Càng Long`, `Huyện ủy Thanh Trì`, `Quận 1`). */
export function findDistricts(text: string, folded: string, from = 0, to = text.length): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const m of folded.slice(from, to).matchAll(DISTRICT)) {
    const start = from + m.index;
    DISTRICT_NAME.lastIndex = start + m[0].length;
    const written = DISTRICT_NAME.exec(text);
    if (!written || DISTRICT_NAME.lastIndex > to || provinceNamed(written[0])) continue;
    const kind = KIND_BY_KEYWORD.get(m[1]!.replace(/\s+/g, ' ')) ?? 'huyện';
    const name = /^\d/.test(written[0]) ? `Quận ${written[0]}` : written[0];
    const known = knownDistrict(name, kind);
    if (!known) continue;
    const end = DISTRICT_NAME.lastIndex - (name.length - known.name.length);
    mentions.push({
      name: known.name,
      kind: 'district',
      province: null,
      districts: known.districts,
      bare: false,
      start,
      end,
    });
  }
  return mentions;
}

/** Finds district names written without their keyword (`Thăng Bình kết nạp…`, `Bình Liêu: …`). */
export function findBareDistricts(text: string, folded: string, from = 0, to = text.length): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const { start, end, phrase } of BARE_DISTRICT.find(folded, from, to)) {
    const written = text.slice(start, end);
    if (!wordsCapitalised(written) || !written.includes(' ') || provinceNamed(written)) continue;
    if (previousWordBlocks(text, folded, start) || nextWordContinues(text, end)) continue;
    const districts = districtsByFoldedName(phrase);
    mentions.push({
      name: districts[0]!.name,
      kind: 'district',
      province: null,
      districts,
      bare: true,
      start,
      end,
    });
  }
  return mentions;
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
  /** The headline: searched in the unmasked text, and for district names without their keyword. */
  headline?: boolean;
}

/** What the place is chosen with besides the regions. */
export interface PlaceContext {
  /** The province of a provincial outlet, which settles which of several same-named districts is meant. */
  outletProvince: string | null;
  /** A line that names only a province (`Cần Thơ` under the title). */
  label: { span: Span; province: string } | null;
  /** The province of a provincial paper the report comes from, and where the text names that paper. */
  provincialOutlet: { province: string; evidence: Span } | null;
}

/** The texts a place is searched in: as written (the headline) and with debris masked (the rest). */
export interface PlaceTexts {
  source: string;
  folded: string;
  masked: string;
  maskedFolded: string;
}

/** Picks which of the same-named districts is meant: the one in a province named nearby or the outlet's. */
function resolveDistrict(
  mention: PlaceMention,
  named: ReadonlySet<string>,
  context: PlaceContext,
): District | null {
  const { districts } = mention;
  if (districts.length === 1) return districts[0]!;
  return (
    districts.find((d) => named.has(d.province.name)) ??
    districts.find((d) => d.province.name === context.outletProvince) ??
    null
  );
}

function placeValue(district: District | null, mention: PlaceMention): string {
  return district ? `${district.name}, ${district.province.name}` : mention.name;
}

/**
 * The place a report is about: the first place named in the headline, then in the lead (a district with
 * its province, the most specific named), else the place label.
 */
export function choosePlace(
  texts: PlaceTexts,
  regions: readonly PlaceRegion[],
  context: PlaceContext,
): Extracted<string | null> {
  const perRegion = regions.map((region) => {
    const [text, folded] = region.headline
      ? [texts.source, texts.folded]
      : [texts.masked, texts.maskedFolded];
    const { start, end } = region.span;
    const mentions = findPlaces(text, folded, start, end);
    // Without its keyword a district's name is read in the headline, and in the lead of its own province's paper.
    const searched = region.headline || context.outletProvince !== null;
    const bare = (searched ? findBareDistricts(text, folded, start, end) : []).filter(
      (m) => region.headline || m.districts.some((d) => d.province.name === context.outletProvince),
    );
    return { region, mentions: [...mentions, ...bare].sort((a, b) => a.start - b.start) };
  });
  const named = new Set(
    perRegion.flatMap((r) => r.mentions.flatMap((m) => (m.province ? [m.province.name] : []))),
  );
  if (context.outletProvince) named.add(context.outletProvince);
  for (const { region, mentions } of perRegion) {
    // A district without its keyword counts only where its province is known to be the report's.
    const usable = mentions.filter(
      (m) =>
        !m.bare ||
        m.districts.some((d) => named.has(d.province.name)) ||
        (m.start === region.span.start && /^\s*[:,–-]/u.test(texts.source.slice(m.end, m.end + 2))),
    );
    const first = usable[0];
    if (!first) continue;
    if (first.kind === 'province') {
      const inside = usable.find(
        (m) => m.kind === 'district' && m.districts.some((d) => d.province === first.province),
      );
      const district = inside?.districts.find((d) => d.province === first.province) ?? null;
      if (inside && district)
        return found(texts.source, placeValue(district, inside), region.confidence - 0.05, inside);
      return found(texts.source, first.name, region.confidence, first);
    }
    const resolved = resolveDistrict(first, named, context);
    return found(texts.source, placeValue(resolved, first), region.confidence - 0.05, first);
  }
  // A province named only further down is a passing mention (where a leader works, where someone lives);
  // a provincial paper that names its own province somewhere, and no other place first, reports on it.
  if (context.label) return found(texts.source, context.label.province, 0.75, context.label.span);
  const home = context.provincialOutlet;
  const namesHome =
    home && findProvinces(texts.masked, texts.maskedFolded).some((p) => p.name === home.province);
  return home && namesHome ? found(texts.source, home.province, 0.45, home.evidence) : nothing();
}
