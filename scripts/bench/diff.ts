import { diffWords } from 'diff';
import { applyChanges, diffTexts } from '../../src-main/core';
import { Prng } from './prng';
import type { Measurement } from './rows';
import { loadSampleParagraphs } from './samples';
import { timeSync } from './timing';

/** Text sizes the diff is measured at. */
const DIFF_SIZES = [
  { label: '10kb', title: '10 KB', bytes: 10 * 1024 },
  { label: '100kb', title: '100 KB', bytes: 100 * 1024 },
  { label: '1mb', title: '1 MB', bytes: 1024 * 1024 },
] as const;
/** Percentages of words changed between the original and the corrected text. */
const DIFF_CHANGES = [1, 10, 50] as const;

/** jsdiff's worst case is quadratic: its own `timeout` option stops it, and the table prints "timeout". */
const REFERENCE_TIMEOUT_MS = 2000;
const WORD = /[\p{L}\p{N}]+/gu;
const REPLACEMENTS = ['thành phố', 'Tỉnh ủy', 'đồng chí', 'nghị quyết', 'cán bộ', 'năm', 'đã', 'triển khai'];

/**
 * Times `diffTexts` between an original and a corrected text (10 KB, 100 KB, 1 MB; 1 %, 10 %, 50 % of words
 * replaced) beside plain `diffWords` from jsdiff on the same inputs, and checks each diff reproduces the text.
 */
export function measureDiffs(runs: number, seed: number, log: (line: string) => void): Measurement[] {
  const paragraphs = loadSampleParagraphs();
  const measurements: Measurement[] = [];
  for (const size of DIFF_SIZES) {
    const original = textOfSize(paragraphs, size.bytes, new Prng(seed));
    for (const percent of DIFF_CHANGES) {
      const corrected = replaceWords(original, percent / 100, Prng.forItem(seed, percent));
      if (applyChanges(original, diffTexts(original, corrected)) !== corrected) {
        throw new Error(
          `bench: diffTexts did not reproduce the ${size.label} text with ${percent} % changed`,
        );
      }
      const times: number[] = [];
      for (let run = 0; run < runs; run++) times.push(timeSync(() => diffTexts(original, corrected)));
      const reference = timeReference(original, corrected, runs);
      log(`diff ${size.label} ${percent} %: ${times.map(Math.round).join(', ')} ms`);
      measurements.push({
        id: `diff-${size.label}-${percent}pct`,
        what: `diff ${size.title}, ${percent} % of words changed`,
        samples: { values: times },
        reference: { what: 'jsdiff diffWords', samples: reference },
      });
    }
  }
  return measurements;
}

/** jsdiff on the same inputs; after one run hits the time limit the rest would too, so they are skipped. */
function timeReference(
  original: string,
  corrected: string,
  runs: number,
): { values: number[]; timedOut: boolean } {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) {
    let result: unknown;
    values.push(timeSync(() => (result = diffWords(original, corrected, { timeout: REFERENCE_TIMEOUT_MS }))));
    if (result === undefined) return { values, timedOut: true };
  }
  return { values, timedOut: false };
}

/** Sample paragraphs in a seeded order, repeated as needed, up to about `bytes` of UTF-8. */
function textOfSize(paragraphs: readonly string[], bytes: number, r: Prng): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    for (const paragraph of r.shuffle(paragraphs)) {
      const cost = Buffer.byteLength(paragraph) + 2;
      if (size + cost > bytes && parts.length > 0) return parts.join('\n\n');
      parts.push(paragraph);
      size += cost;
    }
  }
  return parts.join('\n\n');
}

/** The text with a share of its words replaced by other words, as a heavy correction would. */
function replaceWords(text: string, share: number, r: Prng): string {
  const words = [...text.matchAll(WORD)];
  const chosen = r
    .shuffle(words.map((_, i) => i))
    .slice(0, Math.round(words.length * share))
    .sort((a, b) => a - b);
  let out = '';
  let cursor = 0;
  for (const i of chosen) {
    const word = words[i]!;
    out += text.slice(cursor, word.index) + r.pick(REPLACEMENTS);
    cursor = word.index + word[0].length;
  }
  return out + text.slice(cursor);
}
