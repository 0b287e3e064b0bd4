import { budgetFor, judge, type Check } from './budgets';
import { median, percentile } from './stats';

/** The unit of a figure and its reference. */
export type Unit = 'ms' | 'bytes';

/** A measured figure: the median of its samples and, for latencies, the 95th percentile. */
export interface Figure {
  median: number;
  p95: number | null;
  samples: number;
  /** The operation hit its time limit, so `median` is a lower bound. */
  timedOut: boolean;
}

/** What a figure is compared with, measured in the same run. */
export interface Reference extends Figure {
  what: string;
}

/** One line of the result table. */
export interface BenchRow {
  /** Stable key, e.g. `cold-open` or `diff-1mb-50pct`. */
  id: string;
  /** Reports in the corpus; null for rows that do not depend on the corpus (diffs). */
  size: number | null;
  what: string;
  unit: Unit;
  figure: Figure;
  reference: Reference | null;
  /** `figure.median / reference.median`. */
  ratio: number | null;
  budget: string | null;
  checks: Check[];
  /** PASS when every check holds, MISS when one does not, null without a budget. */
  verdict: 'PASS' | 'MISS' | null;
  note: string | null;
}

/** Samples of one measurement; a timed-out sample counts as its time limit. */
export interface Samples {
  values: number[];
  timedOut?: boolean;
  /** Report the 95th percentile too (for latencies). */
  latency?: boolean;
}

/** What a scenario measured, before budgets are applied. */
export interface Measurement {
  id: string;
  what: string;
  unit?: Unit;
  samples: Samples;
  reference?: { what: string; samples: Samples };
  note?: string;
}

/** Summarises samples as a figure. */
function figureOf(samples: Samples): Figure {
  return {
    median: median(samples.values),
    p95: samples.latency ? percentile(samples.values, 95) : null,
    samples: samples.values.length,
    timedOut: samples.timedOut ?? false,
  };
}

/** A table row for a measurement at a corpus size (null for size-independent rows), judged against its budget. */
export function toRow(size: number | null, m: Measurement): BenchRow {
  const figure = figureOf(m.samples);
  const reference = m.reference ? { what: m.reference.what, ...figureOf(m.reference.samples) } : null;
  const ratio = reference && reference.median > 0 ? figure.median / reference.median : null;
  const budget = budgetFor(m.id, size);
  const checks = budget ? judge(budget, figure, reference) : [];
  return {
    id: m.id,
    size,
    what: m.what,
    unit: m.unit ?? 'ms',
    figure,
    reference,
    ratio,
    budget: budget?.text ?? null,
    checks,
    verdict: checks.length === 0 ? null : checks.every((c) => c.pass) ? 'PASS' : 'MISS',
    note: m.note ?? null,
  };
}

/** A row saying measurements could not be taken (their process failed); it is a MISS, never left out. */
export function failedRow(size: number | null, what: string, reason: string): BenchRow {
  return {
    id: 'failed',
    size,
    what,
    unit: 'ms',
    figure: { median: Number.NaN, p95: null, samples: 0, timedOut: false },
    reference: null,
    ratio: null,
    budget: null,
    checks: [],
    verdict: 'MISS',
    note: `not measured: ${reason}`,
  };
}
