import data from '../../../resources/extract/vi/gazetteer.json';
import { foldKey } from './fold';

/** A district-level unit of 2024: huyện, quận, thị xã or a city under a province. */
export interface District {
  name: string;
  kind: string;
  province: Province;
}

/** A province-level unit of 2024 with its districts and the unit it belongs to since July 2025. */
export interface Province {
  name: string;
  kind: string;
  aliases: readonly string[];
  successor: string;
  districts: readonly District[];
}

interface ProvinceData {
  name: string;
  kind: string;
  aliases: string[];
  successor: string;
  districts: { name: string; kind: string }[];
}

const provinces: Province[] = (data.provinces as ProvinceData[]).map((p) => {
  const province: Province = { ...p, districts: [] };
  province.districts = p.districts.map((d) => ({ ...d, province }));
  return province;
});

const provinceByKey = new Map<string, Province>();
const districtsByKey = new Map<string, District[]>();
for (const p of provinces) {
  for (const name of [p.name, ...p.aliases]) provinceByKey.set(foldKey(name), p);
  for (const d of p.districts) {
    const key = foldKey(d.name);
    const list = districtsByKey.get(key);
    if (list) list.push(d);
    else districtsByKey.set(key, [d]);
  }
}

const needsPrefix = new Set(data.needsPrefix.aliases.map(foldKey));
const namePrefixes = new Set(data.namePrefixes.words.map(foldKey));

/** The 63 province-level units of 2024 (and through their `successor`, the 34 of July 2025). */
export const PROVINCES: readonly Province[] = provinces;

/** Every folded province name and alias, for building matchers. */
export const PROVINCE_KEYS: readonly string[] = [...provinceByKey.keys()];

/** The words a district's name follows in prose (`huyện`, `Huyện ủy`, `TP`), each with the kind of unit it names. */
export const DISTRICT_KEYWORDS: readonly (readonly [string, string])[] = Object.entries(
  data.districtKeywords,
);

/** Every folded district name, for building matchers. */
export const DISTRICT_KEYS: readonly string[] = [...districtsByKey.keys()];

/** The province a folded name or alias stands for. */
export function provinceByFoldedName(folded: string): Province | undefined {
  return provinceByKey.get(folded);
}

/** The districts a folded name stands for (several provinces may have one of that name). */
export function districtsByFoldedName(folded: string): readonly District[] {
  return districtsByKey.get(folded) ?? [];
}

/** True for a capitalised word that may stand before a place name without being part of it (`UBND`, `Tỉnh`). */
export function isNamePrefix(folded: string): boolean {
  return namePrefixes.has(folded);
}

/** True for an alias read as a place only after `TP`/`Thành phố` (`Hồ Chí Minh` alone is the President). */
export function aliasNeedsPrefix(folded: string): boolean {
  return needsPrefix.has(folded);
}
