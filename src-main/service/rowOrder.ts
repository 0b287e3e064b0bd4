import type { ReportSummary } from '../core';
import type { SortField } from '../contract/operations';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Sorts library rows by a column: Vietnamese collation for text, missing values last either way, id order
 * breaking ties. Each column's order is worked out once over every report and kept as numeric ranks until the
 * corpus changes, so a page of 100,000 rows sorts by comparing numbers rather than collating strings.
 */
export class RowOrder {
  /** Per column: each report's rank among the column's distinct values (-1 when the value is missing). */
  private readonly valueRanks = new Map<SortField, Map<string, number>>();
  private idRanks: Map<string, number> | null = null;

  constructor(private readonly allRows: () => ReportSummary[]) {}

  /** Forgets every order: a report was added, changed or removed. */
  invalidate(): void {
    this.valueRanks.clear();
    this.idRanks = null;
  }

  /** Sorts `rows` in place by `field`. */
  sort(rows: ReportSummary[], field: SortField, descending: boolean): ReportSummary[] {
    const ids = this.ids();
    const values = field === 'id' ? ids : this.values(field);
    const direction = descending ? -1 : 1;
    return rows.sort((a, b) => {
      const x = values.get(a.id) ?? -1;
      const y = values.get(b.id) ?? -1;
      if (x !== y) {
        if (x === -1) return 1;
        if (y === -1) return -1;
        return direction * (x - y);
      }
      return ids.get(a.id)! - ids.get(b.id)!;
    });
  }

  private ids(): Map<string, number> {
    this.idRanks ??= new Map(
      this.allRows()
        .map((row) => row.id)
        .sort(collator.compare)
        .map((id, rank) => [id, rank]),
    );
    return this.idRanks;
  }

  private values(field: Exclude<SortField, 'id'>): Map<string, number> {
    let ranks = this.valueRanks.get(field);
    if (!ranks) {
      const rows = this.allRows();
      const distinct = [...new Set(rows.map((row) => row[field]).filter((v) => v !== null))];
      const numeric = distinct.every((v) => typeof v === 'number');
      distinct.sort(
        numeric ? (a, b) => Number(a) - Number(b) : (a, b) => collator.compare(String(a), String(b)),
      );
      // Values the collator finds equal (`Đà Nẵng`, `đà nẵng`) share a rank.
      const rankOf = new Map<unknown, number>();
      distinct.forEach((value, i) => {
        const previous = distinct[i - 1];
        const same =
          i > 0 && (numeric ? previous === value : collator.compare(String(previous), String(value)) === 0);
        rankOf.set(value, same ? rankOf.get(previous)! : i);
      });
      ranks = new Map(rows.map((row) => [row.id, row[field] === null ? -1 : rankOf.get(row[field])!]));
      this.valueRanks.set(field, ranks);
    }
    return ranks;
  }
}
