import type { ReportSummary } from '../core';
import type { SortField } from '../contract/operations';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Sorts library rows by a column: Vietnamese collation for text, missing values last either way, id order
 * breaking ties. The order of every report by a column is worked out once and kept until the corpus changes,
 * so a page of 100,000 rows is placed by position in one pass rather than sorted again.
 */
export class RowOrder {
  /** Per column and direction: each report's position in that order. */
  private readonly positions = new Map<string, Map<string, number>>();

  constructor(private readonly allRows: () => ReportSummary[]) {}

  /** Forgets every order: a report was added, changed or removed. */
  invalidate(): void {
    this.positions.clear();
  }

  /** `rows` (some of the corpus's reports) in the order of `field`. */
  sort(rows: ReportSummary[], field: SortField, descending: boolean): ReportSummary[] {
    let positions = this.positionsBy(field, descending);
    if (rows.some((row) => !positions.has(row.id))) {
      // A report this order has not seen: the corpus changed without telling; work the order out again.
      this.invalidate();
      positions = this.positionsBy(field, descending);
    }
    const placed: Array<ReportSummary | undefined> = new Array(positions.size);
    for (const row of rows) placed[positions.get(row.id)!] = row;
    return placed.filter((row) => row !== undefined);
  }

  private positionsBy(field: SortField, descending: boolean): Map<string, number> {
    const key = `${field}:${descending}`;
    let positions = this.positions.get(key);
    if (!positions) {
      const rows = [...this.allRows()].sort(compareBy(field, descending));
      positions = new Map(rows.map((row, position) => [row.id, position]));
      this.positions.set(key, positions);
    }
    return positions;
  }
}

/** Orders rows by a column, Vietnamese collation for text, missing values last either way, id breaking ties. */
function compareBy(field: SortField, descending: boolean): (a: ReportSummary, b: ReportSummary) => number {
  const direction = descending ? -1 : 1;
  return (a, b) => {
    const x = a[field];
    const y = b[field];
    if (x === y) return collator.compare(a.id, b.id);
    if (x === null) return 1;
    if (y === null) return -1;
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return direction * order || collator.compare(a.id, b.id);
  };
}
