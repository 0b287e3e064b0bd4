import type { Facets } from '../../contract/operations';
import type { ReportFilters, ReportSummary } from '../../contract/types';
import { FACETS, type Facet } from '../../contract/vocabulary';
import type { ReferenceKeys } from './referenceKeys';
import { FACET_VALUES, rowTests } from './rowFilter';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * How many of `rows` have each value of each facet, most first, as faceted search counts: each facet among
 * the rows that pass the dates and every other facet's filter but not its own, so the values left unticked
 * stay listed with the reports ticking them would add. References count once per document (`references`).
 */
export function countFacets(
  rows: readonly ReportSummary[],
  filters: ReportFilters,
  references: ReferenceKeys,
): Facets {
  const counts = new Map(FACETS.map((facet) => [facet, new Map<string, number>()]));
  const add = (counted: Map<string, number>, value: string) =>
    counted.set(value, (counted.get(value) ?? 0) + 1);
  const valuesOf = (facet: Facet, row: ReportSummary) =>
    // Two spellings of one document in a report count once.
    facet === 'reference' ? references.keysOf(row.references) : FACET_VALUES[facet](row);
  const count = (facet: Facet, row: ReportSummary) => {
    const counted = counts.get(facet)!;
    for (const value of valuesOf(facet, row)) if (value) add(counted, value);
  };
  const { facets: tests, dates } = rowTests(filters, references);
  for (const row of rows) {
    if (!dates(row)) continue;
    let failed: Facet | null = null;
    let failures = 0;
    for (const test of tests) {
      if (test.passes(row)) continue;
      failed = test.facet;
      if (++failures > 1) break;
    }
    // A row that fails one facet's filter still counts for that facet: ticking one of its values adds it.
    if (failures === 0) for (const facet of FACETS) count(facet, row);
    else if (failures === 1) count(failed!, row);
  }
  const sorted = (facet: Facet) =>
    [...counts.get(facet)!]
      .map(([value, n]) => ({ value: facet === 'reference' ? references.nameOf(value) : value, count: n }))
      .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
  return Object.fromEntries(FACETS.map((facet) => [facet, sorted(facet)])) as Facets;
}
