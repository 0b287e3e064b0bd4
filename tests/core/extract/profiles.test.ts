import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src-main/core/extract';
import { profileFor } from '../../../src-main/core/extract/profile';
import { STRUCTURE_ONLY } from '../../../src-main/core/extract/profiles/structureOnly';
import { VIETNAMESE_NEWS } from '../../../src-main/core/extract/profiles/vietnameseNews';
import { decodeReport } from '../../../src-main/core/text/decode';

const SHARED = path.resolve(import.meta.dirname, '../../../../shared');
const TODAY = { year: 2026, month: 12, day: 1 };

function real(relative: string): string {
  const file = path.join(SHARED, relative);
  return decodeReport(fs.readFileSync(file), file).text;
}

describe('profiles', () => {
  it('reads Vietnamese, and text too short to tell, as Vietnamese news; other languages by structure only', () => {
    expect(profileFor('vi')).toBe(VIETNAMESE_NEWS);
    expect(profileFor(null)).toBe(VIETNAMESE_NEWS);
    expect(profileFor('de')).toBe(STRUCTURE_ONLY);
    expect(profileFor('en')).toBe(STRUCTURE_ONLY);
  });

  it('decide which stages read a report: by its structure only, a Vietnamese report gets no field read from prose', () => {
    const text = real('real-corpus/000_baotravinh-tan-an-gio-bac.txt');
    const news = extractMetadata(text, { today: TODAY });
    const structural = extractMetadata(text, { today: TODAY, profile: STRUCTURE_ONLY });
    expect(news.place.value).not.toBeNull();
    expect(news.people.length).toBeGreaterThan(0);
    expect(news.references.length).toBeGreaterThan(0);
    expect(structural.title).toEqual(news.title);
    expect(structural.language).toBe('vi');
    expect([
      structural.place.value,
      structural.section.value,
      structural.references,
      structural.people,
    ]).toEqual([null, null, [], []]);
    // Only the scraper's header is debris when no stage reads the page around the report.
    expect(new Set(structural.debris.map((d) => d.kind))).toEqual(new Set(['header']));
  });

  it('read the same report the same way, whichever way the profile is chosen', () => {
    const text = real('real-archive/trends/2024-05-07-dortmund.txt');
    expect(extractMetadata(text, { today: TODAY, profile: STRUCTURE_ONLY })).toEqual(
      extractMetadata(text, { today: TODAY }),
    );
  });
});
