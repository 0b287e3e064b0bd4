import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

// franc ranks a sample against each language's trigram model; its own code makes a string and an object
// key of every trigram, which cost more than all of Folio's prose stages on a report in another language.
// For text mostly in Latin letters, these are franc's models and its scoring, with trigrams as numbers.

const LATIN = expressions.Latin!;
/** What franc adds to a distance for a trigram its model does not have. */
const MAX_DIFFERENCE = 300;

/** The candidates' models merged: each trigram any of them lists, with its rank in each (-1 when absent). */
interface Models {
  codes: string[];
  /** A number for each UTF-16 unit some model uses (from 1), 0 for the rest. */
  unitIds: Uint16Array;
  units: number;
  /** By trigram (its units' numbers in base `units + 1`), its row in `ranks`; -1 for one no model lists. */
  rowOf: Int32Array;
  /** Row-major: one rank per candidate. */
  ranks: Int16Array;
  /** How often each row's trigram occurs in the sample being read (all 0 between samples). */
  counts: Int32Array;
}

function buildModels(only: readonly string[]): Models {
  const latin = data.Latin!;
  const codes = Object.keys(latin).filter((code) => only.includes(code));
  // A model entry that is not three units long can never equal a trigram of the sample.
  const lists = codes.map((code) => latin[code]!.split('|').filter((t) => t.length === 3));
  const unitIds = new Uint16Array(0x10000);
  let units = 0;
  for (const list of lists)
    for (const trigram of list) for (let i = 0; i < 3; i++) unitIds[trigram.charCodeAt(i)] ||= ++units;
  const base = units + 1;
  const keyOf = (t: string): number =>
    (unitIds[t.charCodeAt(0)]! * base + unitIds[t.charCodeAt(1)]!) * base + unitIds[t.charCodeAt(2)]!;
  const rowOf = new Int32Array(base * base * base).fill(-1);
  let rows = 0;
  for (const list of lists)
    for (const trigram of list) if (rowOf[keyOf(trigram)] === -1) rowOf[keyOf(trigram)] = rows++;
  const ranks = new Int16Array(rows * codes.length).fill(-1);
  lists.forEach((list, m) => {
    // Listed twice, a trigram keeps its first rank, as franc reads a model.
    for (let rank = list.length - 1; rank >= 0; rank--)
      ranks[rowOf[keyOf(list[rank]!)]! * codes.length + m] = rank;
  });
  return { codes, unitIds, units, rowOf, ranks, counts: new Int32Array(rows) };
}

const built = new Map<string, Models>();

function modelsOf(only: readonly string[]): Models {
  const id = only.join(',');
  let models = built.get(id);
  if (!models) built.set(id, (models = buildModels(only)));
  return models;
}

/** The sample as franc's trigram step reads it: ASCII punctuation and digits to spaces, spaces collapsed, lower case. */
function cleaned(sample: string): string {
  return ` ${sample
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
}

const LATIN_AT = new RegExp(LATIN.source, 'y');
/** Per UTF-16 unit outside the surrogates, filled on first sight: 1 when not Latin, 2 when Latin. */
const latinUnits = new Uint8Array(0x10000);

/** How many units long franc's Latin pattern matches at `at` (0 when it does not). */
function latinAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdfff) {
    LATIN_AT.lastIndex = at;
    return LATIN_AT.exec(text)?.[0].length ?? 0;
  }
  let known = latinUnits[code]!;
  if (known === 0) {
    LATIN_AT.lastIndex = 0;
    latinUnits[code] = known = LATIN_AT.test(String.fromCharCode(code)) ? 2 : 1;
  }
  return known - 1;
}

/**
 * True when more than half of the sample's units are Latin letters by franc's own pattern. No other script's
 * pattern matches a unit that one does, so Latin is then franc's top script, whatever order it counts them in.
 */
export function isMostlyLatin(sample: string): boolean {
  let latin = 0;
  for (let i = 0; i < sample.length;) {
    const length = latinAt(sample, i);
    if (length > 0) latin++;
    i += Math.max(1, length);
  }
  return 2 * latin > sample.length;
}

/** franc's language for a sample that `isMostlyLatin`, among the Latin-script languages `only` (ISO 639-3). */
export function nearestLatinLanguage(sample: string, only: readonly string[]): string {
  const { codes, unitIds, units, rowOf, ranks, counts } = modelsOf(only);
  const text = cleaned(sample);
  const base = units + 1;
  // A trigram no candidate lists adds the same to every distance, so it is left out.
  const seen: number[] = [];
  for (let i = 0; i + 3 <= text.length; i++) {
    const a = unitIds[text.charCodeAt(i)]!;
    const b = unitIds[text.charCodeAt(i + 1)]!;
    const c = unitIds[text.charCodeAt(i + 2)]!;
    if (a === 0 || b === 0 || c === 0) continue;
    const row = rowOf[(a * base + b) * base + c]!;
    if (row >= 0 && counts[row]!++ === 0) seen.push(row);
  }
  const distances = new Float64Array(codes.length);
  for (const row of seen) {
    const count = counts[row]!;
    counts[row] = 0;
    for (let m = 0; m < codes.length; m++) {
      const rank = ranks[row * codes.length + m]!;
      distances[m]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
  }
  // The nearest model; on a tie, the first in franc's order.
  let best = 0;
  for (let m = 1; m < codes.length; m++) if (distances[m]! < distances[best]!) best = m;
  return codes[best] ?? 'und';
}
