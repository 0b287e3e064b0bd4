import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractedRecord } from '../../../scripts/bench/extraction';
import { GOLD_FIELDS, readGold, scoreAgainstGold } from '../../../scripts/bench/gold';
import type { Extracted, GoldField, GoldScore } from '../../../scripts/bench/gold';

const SHARED = path.resolve(import.meta.dirname, '../../../../shared');
const REAL_CORPUS = path.join(SHARED, 'real-corpus');
const SAMPLE_CORPUS = path.resolve(import.meta.dirname, '../../../resources/sample-corpus');
const SAMPLE_GOLD = path.resolve(import.meta.dirname, '../../fixtures/sample-gold.json');
const ARCHIVE = path.join(SHARED, 'real-archive');
const ARCHIVE_GOLD = path.resolve(import.meta.dirname, '../../fixtures/archive-gold.json');

/** The day the reports are read on, pinned so that no date depends on when the tests run. */
const TODAY = { year: 2026, month: 12, day: 1 };

/** Extracts the reports of a folder (every `.txt`, or the ones named, as ids without the extension). */
function extractFolder(dir: string, ids?: Iterable<string>): Map<string, Extracted> {
  const records = new Map<string, Extracted>();
  const files = ids
    ? [...ids].map((id) => `${id}.txt`)
    : fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
  for (const file of files) {
    records.set(file.replace(/\.txt$/u, ''), extractedRecord(path.join(dir, file), { today: TODAY }));
  }
  return records;
}

/** The figures the extractor reaches today: a change that lowers one fails here, with the misses listed. */
type Floors = Record<GoldField, number> & { precision: number; recall: number };
const FLOORS: Record<'real' | 'archive' | 'samples', Floors> = {
  real: { title: 17, published: 17, source: 17, author: 17, place: 17, precision: 1, recall: 1 },
  archive: { title: 40, published: 39, source: 40, author: 39, place: 39, precision: 1, recall: 1 },
  samples: { title: 5, published: 5, source: 5, author: 5, place: 5, precision: 1, recall: 1 },
};

function expectFloors(score: GoldScore, floors: Floors): void {
  const reached = { ...score.hits, precision: score.precision, recall: score.recall };
  const below = Object.entries(floors).filter(([k, floor]) => reached[k as keyof typeof reached] < floor);
  expect(below, score.misses.join('\n')).toEqual([]);
}

describe('extraction scored against hand-written metadata', () => {
  it('holds its figures on the 17 real reports of ../shared/real-corpus', () => {
    const score = scoreAgainstGold(readGold(path.join(REAL_CORPUS, 'gold.json')), extractFolder(REAL_CORPUS));
    expect(score.reports).toBe(17);
    expectFloors(score, FLOORS.real);
  });

  it('holds its figures on 40 reports of ../shared/real-archive, checked by hand after the rules were written', () => {
    const gold = readGold(ARCHIVE_GOLD);
    const score = scoreAgainstGold(gold, extractFolder(ARCHIVE, gold.keys()));
    expect(score.reports).toBe(40);
    expectFloors(score, FLOORS.archive);
  });

  it('holds its figures on the five samples', () => {
    const score = scoreAgainstGold(readGold(SAMPLE_GOLD), extractFolder(SAMPLE_CORPUS));
    expect(score.reports).toBe(5);
    expectFloors(score, FLOORS.samples);
  });

  it('scores a field as missed when it is wrong, so the floors above can fail', () => {
    const gold = readGold(path.join(REAL_CORPUS, 'gold.json'));
    const records = extractFolder(REAL_CORPUS);
    for (const record of records.values()) record.place = 'Hà Nội';
    const score = scoreAgainstGold(gold, records);
    expect(score.hits.place).toBeLessThan(FLOORS.real.place);
    expect(GOLD_FIELDS.filter((f) => f !== 'place').every((f) => score.hits[f] === FLOORS.real[f])).toBe(
      true,
    );
  });
});
