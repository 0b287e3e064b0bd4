import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src-main/core';
import { findReportFiles } from '../../src-main/core/corpus/scan';
import type { MemoryCheckpoints } from './memory';
import type { Measurement } from './rows';
import { median } from './stats';
import { collectGarbage, timeAsync } from './timing';

const FLOOR_CONCURRENCY = 16;

/** The analysis worker `scripts/bundle.mjs bench` puts beside the bench, as the shells have theirs. */
export const ANALYSIS = { workerScript: new URL('./analyze-worker.mjs', import.meta.url) };

/** What opening the corpus cost, and the floor it is compared with. */
export interface OpenResults {
  measurements: Measurement[];
  /** Bytes of the report files, as the floor read them. */
  corpusBytes: number;
}

/** One timed open: how long it took, when its progress events came, and how many reports it found. */
interface TimedOpen {
  ms: number;
  /** How long the cache save that opening started took to finish after the open resolved. */
  saveMs: number;
  gaps: ProgressGaps;
  events: number;
  reports: number;
}

/**
 * Times cold opens (no `.folio/` cache), the largest pause between their progress events, and warm opens
 * (cache present), each beside the floor: reading every report file's bytes and nothing else. The last cold
 * open leaves the cache for the warm ones.
 */
export async function measureOpens(
  dir: string,
  runs: number,
  log: (line: string) => void,
  memory: MemoryCheckpoints,
): Promise<OpenResults> {
  const floor: number[] = [];
  let corpusBytes = 0;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    floor.push(await timeAsync(async () => (corpusBytes = await readEveryReport(dir))));
  }
  log(`floor ${Math.round(median(floor))} ms`);
  memory.mark('floor reads');

  const cold: TimedOpen[] = [];
  for (let run = 0; run < runs; run++) {
    await fs.rm(path.join(dir, '.folio'), { recursive: true, force: true });
    cold.push(await timeOpen(dir));
    log(
      `cold open ${run + 1}/${runs}: ${Math.round(cold.at(-1)!.ms)} ms, ${cold.at(-1)!.events} progress events`,
    );
  }
  memory.mark('cold opens');

  const warm: TimedOpen[] = [];
  for (let run = 0; run < runs; run++) {
    warm.push(await timeOpen(dir));
    log(`warm open ${run + 1}/${runs}: ${Math.round(warm.at(-1)!.ms)} ms`);
  }
  memory.mark('warm opens');
  const counts = new Set([...cold, ...warm].map((open) => open.reports));
  if (counts.size > 1)
    throw new Error(`bench: ${dir}: opens found different numbers of reports: ${[...counts]}`);

  const floorReference = { what: 'fs.readFile of every file', samples: { values: floor } };
  const pick = (key: keyof ProgressGaps) => median(cold.map((open) => open.gaps[key]));
  return {
    corpusBytes,
    measurements: [
      {
        id: 'cold-open',
        what: 'cold open (no .folio/ cache)',
        samples: { values: cold.map((open) => open.ms) },
        reference: floorReference,
      },
      {
        id: 'cold-open-gap',
        what: 'cold open: longest wait for a progress event',
        samples: { values: cold.map((open) => open.gaps.longest) },
        note:
          `counts the call to the first event and the last event to the open resolving; medians: ` +
          `before the first ${Math.round(pick('beforeFirst'))} ms, between events ${Math.round(pick('between'))} ms, ` +
          `after the last ${Math.round(pick('afterLast'))} ms`,
      },
      {
        id: 'cold-open-save',
        what: 'cold open: saving the cache afterwards, in the background',
        samples: { values: cold.map((open) => open.saveMs) },
      },
      {
        id: 'warm-open',
        what: 'warm open (unchanged, cache present)',
        samples: { values: warm.map((open) => open.ms) },
        reference: floorReference,
      },
    ],
  };
}

/**
 * Opens the corpus once and lets it go: only figures leave this function, so no corpus outlives its own
 * measurement and inflates the next one's memory.
 */
async function timeOpen(dir: string): Promise<TimedOpen> {
  collectGarbage();
  const stamps: number[] = [];
  const start = performance.now();
  const corpus = await Corpus.open(dir, {
    onProgress: () => stamps.push(performance.now()),
    analysis: ANALYSIS,
  });
  const end = performance.now();
  // Opening returns once the corpus is usable and saves the cache in the background: wait for that save,
  // timed apart, so the next open finds it.
  await corpus.flush();
  return {
    ms: end - start,
    saveMs: performance.now() - end,
    gaps: progressGaps(start, stamps, end),
    events: stamps.length,
    reports: corpus.info().reports,
  };
}

/** Reads the bytes of every `.txt` file in `dir`, a few at a time, and returns how many bytes that was. */
async function readEveryReport(dir: string): Promise<number> {
  // The files the corpus opens, nested folders included, so a real archive's floor reads what Folio reads.
  const files = (await findReportFiles(dir)).files.map((f) => f.file);
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const content = await fs.readFile(path.join(dir, files[next++]!));
      bytes += content.length;
    }
  };
  await Promise.all(Array.from({ length: FLOOR_CONCURRENCY }, worker));
  return bytes;
}

/** How long the UI would wait for news while a corpus opens. */
interface ProgressGaps {
  longest: number;
  beforeFirst: number;
  between: number;
  afterLast: number;
}

function progressGaps(start: number, stamps: readonly number[], end: number): ProgressGaps {
  let between = 0;
  for (let i = 1; i < stamps.length; i++) between = Math.max(between, stamps[i]! - stamps[i - 1]!);
  const beforeFirst = (stamps[0] ?? end) - start;
  const afterLast = end - (stamps.at(-1) ?? start);
  return { longest: Math.max(beforeFirst, between, afterLast), beforeFirst, between, afterLast };
}
