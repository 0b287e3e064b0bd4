import { foldForSearch, type Corpus, type ReportFilters } from '../../src-main/core';
import { parseQuery } from '../../src-main/core/search/query';
import { QUERY_MIX, type BenchQuery } from './queries';
import type { Measurement } from './rows';
import { median } from './stats';
import { timeSync } from './timing';

const LIMIT = 50;

/** The fields of a report the naive scan reads. */
interface ScannedReport {
  text: string;
  place: string | null;
  published: string | null;
  references: string[];
}

/** How one query of the mix did. */
export interface QueryOutcome {
  kind: string;
  query: string;
  medianMs: number;
  naiveMs: number;
  /** Results `corpus.search` returned (at most 50). */
  results: number;
  /** Reports the naive scan matched. */
  naiveHits: number;
}

/** Timings of `corpus.search` over the query mix, per query, and how many results each returned. */
export interface SearchTimings {
  perQuery: number[][];
  results: number[];
  runs: number;
}

/** Timings of the naive scan, one per query, and how many reports each matched. */
export interface NaiveTimings {
  times: number[];
  hits: number[];
}

/** Times `corpus.search(query, filters, 50)` over the query mix: `runs` passes after one warm-up pass. */
export function timeSearches(corpus: Corpus, runs: number): SearchTimings {
  for (const q of QUERY_MIX) corpus.search(q.query, q.filters, LIMIT);
  const perQuery = QUERY_MIX.map(() => [] as number[]);
  const results = QUERY_MIX.map(() => 0);
  for (let run = 0; run < runs; run++) {
    QUERY_MIX.forEach((q, i) => {
      perQuery[i]!.push(timeSync(() => (results[i] = corpus.search(q.query, q.filters, LIMIT).length)));
    });
  }
  return { perQuery, results, runs };
}

/**
 * Times the naive reference once per query: fold every text with the core's `foldForSearch`, then look for each
 * term with `includes()`. One pass is enough: each of its timings already folds the whole corpus.
 */
export function timeNaiveScans(corpus: Corpus): NaiveTimings {
  const reports: ScannedReport[] = corpus.ids().map((id) => {
    const { text, place, published, references } = corpus.report(id);
    return { text, place, published, references };
  });
  const hits = QUERY_MIX.map(() => 0);
  const times = QUERY_MIX.map((q, i) => timeSync(() => (hits[i] = naiveScan(reports, q))));
  return { times, hits };
}

/** The search row: the core's latencies beside the naive scan's, and how each query of the mix did. */
export function searchMeasurement(
  search: SearchTimings,
  naive: NaiveTimings,
): { measurement: Measurement; queries: QueryOutcome[] } {
  return {
    measurement: {
      id: 'search',
      what: `search: ${QUERY_MIX.length} queries, top ${LIMIT}`,
      samples: { values: search.perQuery.flat(), latency: true },
      reference: { what: 'naive scan: fold + includes()', samples: { values: naive.times, latency: true } },
      note: `${search.runs} pass(es) of the ${QUERY_MIX.length} queries after one warm-up pass; the naive scan once`,
    },
    queries: QUERY_MIX.map((q, i) => ({
      kind: q.kind,
      query: q.query,
      medianMs: median(search.perQuery[i]!),
      naiveMs: naive.times[i]!,
      results: search.results[i]!,
      naiveHits: naive.hits[i]!,
    })),
  };
}

function naiveScan(reports: readonly ScannedReport[], q: BenchQuery): number {
  const parsed = parseQuery(q.query);
  const needles = [...parsed.words, ...parsed.phrases.map((phrase) => phrase.join(' '))];
  let hits = 0;
  for (const report of reports) {
    const folded = foldForSearch(report.text);
    if (passes(report, q.filters) && needles.every((needle) => folded.includes(needle))) hits++;
  }
  return hits;
}

function passes(report: ScannedReport, filters: ReportFilters): boolean {
  const same = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
  if (filters.place && !filters.place.some((p) => report.place !== null && same(p, report.place)))
    return false;
  if (filters.reference && !filters.reference.some((r) => report.references.some((own) => same(r, own)))) {
    return false;
  }
  const day = report.published?.slice(0, 10) ?? null;
  if (filters.publishedFrom && (day === null || day < filters.publishedFrom)) return false;
  return !(filters.publishedTo && (day === null || day > filters.publishedTo));
}
