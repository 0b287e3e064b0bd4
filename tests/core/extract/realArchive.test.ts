import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src-main/core/extract';
import { decodeReport } from '../../../src-main/core/text/decode';

const ARCHIVE = path.resolve(import.meta.dirname, '../../../../shared/real-archive');
const TODAY = { year: 2026, month: 12, day: 1 };
/** What a scraper's header line looks like: a title that reads like one is a header taken for the headline. */
const HEADER_LINE =
  /^(?:(?:---|\+\+\+)$|layout:|title:|date:|categories:|#\s*[\w-]+\s*=|(?:Title|Source|Link|Published Date|Author|Tags|Summary|Content):|!?\[[^\]]*\]\(https?:)/u;

function* files(dir: string): Generator<string> {
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

describe('the 18,322 reports of ../shared/real-archive', () => {
  it('all extract; no title is a header line; few Vietnamese reports lack a title, date or outlet', () => {
    const failed: string[] = [];
    const headerTitles: string[] = [];
    const empty = { title: 0, published: 0, source: 0 };
    let reports = 0;
    let vietnamese = 0;
    for (const file of files(ARCHIVE)) {
      reports++;
      try {
        const r = extractMetadata(decodeReport(fs.readFileSync(file), file).text, { today: TODAY });
        if (r.title.value && HEADER_LINE.test(r.title.value)) headerTitles.push(`${file}: ${r.title.value}`);
        if (r.language !== 'vi') continue;
        vietnamese++;
        for (const field of ['title', 'published', 'source'] as const)
          if (r[field].value === null) empty[field]++;
      } catch (error) {
        failed.push(`${file}: ${String(error)}`);
      }
    }
    expect(reports).toBe(18_322);
    expect(failed).toEqual([]);
    expect(headerTitles).toEqual([]);
    expect(vietnamese).toBeGreaterThan(10_000);
    for (const field of ['title', 'published', 'source'] as const) {
      expect(empty[field] / vietnamese, field).toBeLessThanOrEqual(0.05);
    }
  }, 300_000);
});
