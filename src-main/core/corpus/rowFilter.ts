import type { ReportFilters, ReportSummary } from '../../contract/types';

/**
 * A test for library rows against `filters`. Filter values match case- and normalisation-insensitively, so
 * `thanh trì` selects `Thanh Trì`; each distinct value is folded once, not once per row.
 */
export function rowFilter(filters: ReportFilters): (row: ReportSummary) => boolean {
  const keys = new Map<string, string>();
  const keyOf = (value: string) => {
    let key = keys.get(value);
    if (key === undefined) keys.set(value, (key = value.normalize('NFC').toLocaleLowerCase('vi')));
    return key;
  };
  const anyOf = (wanted: string[] | undefined) => {
    if (!wanted?.length) return () => true;
    const accepted = new Set(wanted.map(keyOf));
    return (values: ReadonlyArray<string | null>) => values.some((v) => v !== null && accepted.has(keyOf(v)));
  };
  const tags = anyOf(filters.tags);
  const status = anyOf(filters.status);
  const source = anyOf(filters.source);
  const place = anyOf(filters.place);
  const label = anyOf(filters.label);
  const reference = anyOf(filters.reference);
  const { publishedFrom: from, publishedTo: to } = filters;
  return (row) =>
    tags(row.tags) &&
    status([row.status]) &&
    source([row.source]) &&
    place([row.place]) &&
    label(row.labels) &&
    reference(row.references) &&
    (!from || (row.published !== null && row.published.slice(0, 10) >= from)) &&
    (!to || (row.published !== null && row.published.slice(0, 10) <= to));
}

/** Whether any filter is set. */
export function hasFilters(filters: ReportFilters): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
}
