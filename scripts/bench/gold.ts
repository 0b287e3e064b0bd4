// The comparison rules of `../shared/real-corpus/score.py`, so the bench and the tests can score extraction against
// hand-checked reports without running Python.
import fs from 'node:fs';

/** The fields score.py compares one by one. */
export const GOLD_FIELDS = ['title', 'published', 'source', 'author', 'place'] as const;
export type GoldField = (typeof GOLD_FIELDS)[number];

/** One report's hand-written metadata, with other accepted values in `_alt`. */
export interface GoldEntry {
  title: string | null;
  published: string | null;
  source: string | null;
  author: string | null;
  place: string | null;
  references: string[];
  _alt?: Partial<Record<GoldField, string[]>>;
}

/** What the extractor gave for one report, as `folio extract --json` prints it. */
export type Extracted = Partial<Record<GoldField, string | null>> & { references?: string[] };

/** Reads a gold file: report ids to entries, without the keys that start with `_`. */
export function readGold(file: string): Map<string, GoldEntry> {
  const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, GoldEntry>;
  return new Map(Object.entries(all).filter(([id]) => !id.startsWith('_')));
}

function fold(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  const bare = String(s)
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
  return bare.replace(/\s+/gu, ' ').trim();
}

const alnum = (s: string | null | undefined): string => fold(s).replace(/[^0-9a-z]+/g, '');
const words = (s: string | null | undefined): string =>
  fold(s)
    .replace(/[^0-9a-z]+/g, ' ')
    .trim();
const stripEllipsis = (s: string | null | undefined): string =>
  (s ?? '').replace(/(\s*(\.\.\.|…))+\s*$/u, '').trim();
const isEmpty = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

const DOMAIN_SUFFIX = /\.(com\.vn|org\.vn|gov\.vn|net\.vn|edu\.vn|info\.vn|vn|com|net|org|tv|info)$/;
function sourceKey(s: string | null | undefined): string {
  return fold(s)
    .replace(/^(https?:\/\/)?(www\.)?/, '')
    .replace(DOMAIN_SUFFIX, '')
    .replace(/[^0-9a-z]+/g, '');
}

function authorSet(s: string | null | undefined): string {
  const parts = String(s ?? '').split(/\s+[-–—]\s+|[,;/&]|\s+và\s+|\s+va\s+/u);
  return [...new Set(parts.map(alnum).filter(Boolean))].sort().join('|');
}

/** The key score.py compares references by: upper case, `TƯ` as `TW`, separators dropped. */
export function referenceKey(code: string): string {
  return code
    .normalize('NFC')
    .toUpperCase()
    .replace(/TƯ/g, 'TW')
    .replace(/[^0-9A-ZĐ]+/gu, '');
}

/** Whether the extracted value of one field counts as correct by score.py's rules. */
export function judge(field: GoldField, gold: GoldEntry, value: string | null | undefined): boolean {
  const expected = gold[field];
  const options = gold._alt?.[field] ?? [];
  const all = [...(expected === null ? [] : [expected]), ...options];
  switch (field) {
    case 'title': {
      if (expected === null && isEmpty(value)) return true;
      const v = words(stripEllipsis(value));
      return v !== '' && all.some((c) => v === words(stripEllipsis(c)));
    }
    case 'published': {
      const v = isEmpty(value) ? '' : value!.slice(0, 10);
      if (expected === null) return v === '' || options.some((o) => o.slice(0, 10) === v);
      return v !== '' && all.some((c) => c.slice(0, 10) === v);
    }
    case 'source':
      if (expected === null) return isEmpty(value) || options.some((o) => sourceKey(o) === sourceKey(value));
      return !isEmpty(value) && all.some((c) => sourceKey(c) === sourceKey(value));
    case 'author':
      if (expected === null) return isEmpty(value) || options.some((o) => authorSet(o) === authorSet(value));
      return !isEmpty(value) && all.some((c) => authorSet(c) === authorSet(value));
    case 'place': {
      const v = alnum(value);
      if (expected === null)
        return isEmpty(value) || options.some((o) => alnum(o) !== '' && v.includes(alnum(o)));
      return v !== '' && all.some((c) => alnum(c) !== '' && v.includes(alnum(c)));
    }
  }
}

/** Per-field hits and micro-averaged reference precision and recall over a gold set. */
export interface GoldScore {
  reports: number;
  hits: Record<GoldField, number>;
  precision: number;
  recall: number;
  misses: string[];
}

/** Scores extracted records against a gold set as score.py does. */
export function scoreAgainstGold(gold: Map<string, GoldEntry>, extracted: Map<string, Extracted>): GoldScore {
  const hits = Object.fromEntries(GOLD_FIELDS.map((f) => [f, 0])) as Record<GoldField, number>;
  const misses: string[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [id, entry] of gold) {
    const record = extracted.get(id);
    for (const field of GOLD_FIELDS) {
      if (record && judge(field, entry, record[field])) hits[field]++;
      else
        misses.push(
          `${id} ${field}: gold ${JSON.stringify(entry[field])}, got ${JSON.stringify(record?.[field])}`,
        );
    }
    const goldKeys = new Set(entry.references.map(referenceKey));
    const gotKeys = new Set((record?.references ?? []).map(referenceKey));
    const common = [...gotKeys].filter((k) => goldKeys.has(k)).length;
    tp += common;
    fp += gotKeys.size - common;
    fn += goldKeys.size - common;
    if (common !== goldKeys.size || common !== gotKeys.size) {
      misses.push(`${id} references: gold ${[...goldKeys].join(' ')}, got ${[...gotKeys].join(' ')}`);
    }
  }
  return {
    reports: gold.size,
    hits,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    misses,
  };
}
