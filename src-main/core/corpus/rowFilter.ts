import type { ReportFilters, ReportSummary } from '../../contract/types';
import { FACETS, type Facet } from '../../contract/vocabulary';
import type { ReferenceKeys } from './referenceKeys';

/** The values a library row has for each facet. */
export const FACET_VALUES: Record<Facet, (row: ReportSummary) => ReadonlyArray<string | null>> = {
  tags: (row) => row.tags,
  status: (row) => [row.status],
  source: (row) => [row.source],
  place: (row) => [row.place],
  label: (row) => row.labels,
  reference: (row) => row.references,
  language: (row) => [row.language],
};

/** The tests `filters` set on library rows: one per facet with ticked values, and the published-date bounds. */
export interface RowTests {
  /** A row passes a facet's test when it has any of the facet's ticked values. */
  facets: Array<{ facet: Facet; passes: (row: ReportSummary) => boolean }>;
  dates: (row: ReportSummary) => boolean;
}

/**
 * The tests of `filters`, one per facet that has values. Values match case- and normalisation-insensitively,
 * so `thanh trì` selects `Thanh Trì`, and references by document (`references`' keys), so `22-NQ/TW` selects
 * a report citing `22-NQ` where that is the corpus's one Resolution 22; each distinct value is folded once.
 */
export function rowTests(filters: ReportFilters, references: ReferenceKeys): RowTests {
  const keys = new Map<string, string>();
  const folded = (value: string) => {
    let key = keys.get(value);
    if (key === undefined) keys.set(value, (key = value.normalize('NFC').toLocaleLowerCase('vi')));
    return key;
  };
  const facets = FACETS.flatMap((facet): RowTests['facets'] => {
    const wanted = filters[facet];
    if (!wanted?.length) return [];
    if (facet === 'reference') {
      const accepted = new Set(wanted.map((code) => references.keyOf(code)));
      const passes = (row: ReportSummary) =>
        references.keysOf(row.references).some((key) => accepted.has(key));
      return [{ facet, passes }];
    }
    const accepted = new Set(wanted.map(folded));
    const values = FACET_VALUES[facet];
    const passes = (row: ReportSummary) => values(row).some((v) => v !== null && accepted.has(folded(v)));
    return [{ facet, passes }];
  });
  const { publishedFrom: from, publishedTo: to } = filters;
  const dates = (row: ReportSummary) =>
    (!from || (row.published !== null && row.published.slice(0, 10) >= from)) &&
    (!to || (row.published !== null && row.published.slice(0, 10) <= to));
  return { facets, dates };
}

/** A test for library rows against `filters`: every facet's test (values within one facet are alternatives) and the dates. */
export function rowFilter(
  filters: ReportFilters,
  references: ReferenceKeys,
): (row: ReportSummary) => boolean {
  const { facets, dates } = rowTests(filters, references);
  return (row) => dates(row) && facets.every((test) => test.passes(row));
}

/** Whether any filter is set. */
export function hasFilters(filters: ReportFilters): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
}
