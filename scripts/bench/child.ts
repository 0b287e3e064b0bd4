import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Corpus, exportReports } from '../../src-main/core';
import { reportFileOf } from '../../src-main/core/corpus/scan';
import { FolioService } from '../../src-main/service/folioService';
import { JsonPreferenceStore } from '../../src-main/service/preferences';
import type { ChildTask } from './args';
import { measureBrowser } from './browser';
import { measureConcurrentEdits } from './concurrency';
import { measureDiffs } from './diff';
import { measureExport } from './export';
import { formatBytes } from './format';
import { measureList } from './list';
import { MemoryCheckpoints, peakRss } from './memory';
import { ANALYSIS, measureOpens } from './open';
import { annotateOneReport, measureReanchor } from './reanchor';
import type { Measurement } from './rows';
import { searchMeasurement, timeNaiveScans, timeSearches } from './search';
import { collectGarbage } from './timing';

/** What a child process hands back to the parent through its `--out` file. */
export interface ChildResult {
  measurements: Measurement[];
  details: Record<string, unknown>;
}

/** Runs one child task and writes its result to the task's `--out` file. */
export async function runChild(task: ChildTask, log: (line: string) => void): Promise<void> {
  const result =
    task.task === 'corpus'
      ? await benchCorpus(task.dir, task.work, task.runs, log)
      : task.task === 'session'
        ? await benchSession(task.dir, task.work, log)
        : { measurements: measureDiffs(task.runs, task.seed, log), details: {} };
  writeFileSync(task.out, JSON.stringify(result));
}

/**
 * Measures everything that depends on the corpus, in this order: opens, then (on a corpus opened through the
 * service, as the shells do) search, library pages, re-anchoring and export, then the peak memory, and last the
 * naive search scan, whose own garbage must not count as Folio's memory. Runs in a fresh process per size so
 * sizes do not share memory or caches. The service is left open for the process to end with it.
 */
async function benchCorpus(
  dir: string,
  work: string,
  runs: number,
  log: (line: string) => void,
): Promise<ChildResult> {
  const memory = new MemoryCheckpoints();
  const opens = await openAndAnnotate(dir, runs, log, memory);
  collectGarbage();
  const service = new FolioService({
    preferences: new JsonPreferenceStore(path.join(work, 'preferences.json')),
    analysis: ANALYSIS,
  });
  const corpus = await service.open(dir);
  memory.mark('open through the service');
  log('search');
  const searches = timeSearches(corpus, runs);
  memory.mark('search');
  log('library pages');
  const list = await measureList(service, runs);
  memory.mark('library pages');
  log('re-anchoring');
  const reanchor = await measureReanchor(corpus, opens.annotated, runs);
  memory.mark('re-anchoring');
  log('export');
  const exports = await measureExport(corpus, path.join(work, 'export'), runs);
  memory.mark('export');
  log('concurrent edits');
  const concurrent = await measureConcurrentEdits(corpus, runs);
  log('browser');
  const browser = await measureBrowser(service, corpus, runs, log);
  const rss: Measurement = {
    id: 'peak-rss-timing',
    what: 'peak RSS of the timing process (every figure above, each run several times)',
    unit: 'bytes',
    samples: { values: [peakRss()] },
    reference: { what: 'report files on disk', samples: { values: [opens.corpusBytes] } },
    note:
      `maxRSS of the process that timed this size, before the naive scan; peak after ` +
      memory
        .toJSON()
        .map((m) => `${m.phase} ${formatBytes(m.peak)}`)
        .join(', '),
  };
  log('naive search scan');
  const search = searchMeasurement(searches, timeNaiveScans(corpus));
  return {
    measurements: [
      ...opens.measurements,
      search.measurement,
      ...list,
      ...reanchor.measurements,
      ...exports,
      concurrent,
      rss,
      ...browser,
    ],
    details: {
      reports: corpus.info().reports,
      skipped: corpus.info().skipped.length,
      corpusBytes: opens.corpusBytes,
      queries: search.queries,
      reanchored: { report: opens.annotated, kept: reanchor.kept, orphaned: reanchor.orphaned },
      memory: { peaks: memory.toJSON(), peakPhase: memory.peakPhase() },
    },
  };
}

/**
 * The memory of one editor's session, in a fresh process: a cold open through the service (the cache removed,
 * the sidecars kept), the query mix, library pages and an export as JSONL and CSV, once each. The timing
 * process opens the corpus over and over, which no session does, so its peak is shown apart.
 */
async function benchSession(dir: string, work: string, log: (line: string) => void): Promise<ChildResult> {
  await fs.rm(path.join(dir, '.folio', 'cache'), { recursive: true, force: true });
  const service = new FolioService({
    preferences: new JsonPreferenceStore(path.join(work, 'session-preferences.json')),
    analysis: ANALYSIS,
  });
  log('one session: cold open, searches, pages, export');
  const corpus = await service.open(dir);
  timeSearches(corpus, 1);
  await measureList(service, 1);
  // Exported directly: `measureExport` also reads the output back for its floor, which is the bench's memory.
  for (const format of ['jsonl', 'csv'] as const) {
    const out = path.join(work, `session-export-${format}`);
    await exportReports(corpus, { selection: { kind: 'all' }, format, out, force: true });
  }
  await corpus.flush();
  const files = await Promise.all(corpus.ids().map((id) => fs.stat(path.join(dir, reportFileOf(id)))));
  const rss: Measurement = {
    id: 'peak-rss',
    what: 'peak RSS of a session (one cold open, searches, pages, export)',
    unit: 'bytes',
    samples: { values: [peakRss()] },
    reference: {
      what: 'report files on disk',
      samples: { values: [files.reduce((sum, stat) => sum + stat.size, 0)] },
    },
    note: 'maxRSS of a fresh process that did one session of work on the corpus, worker threads included',
  };
  return { measurements: [rss], details: {} };
}

/** The open measurements and the id of the report given 1,000 annotations; the corpora they used are let go. */
async function openAndAnnotate(
  dir: string,
  runs: number,
  log: (line: string) => void,
  memory: MemoryCheckpoints,
) {
  const opens = await measureOpens(dir, runs, log, memory);
  return { ...opens, annotated: await annotateOneReport(await Corpus.open(dir, { analysis: ANALYSIS })) };
}
