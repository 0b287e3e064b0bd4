import type { LibraryRow, OperationInput } from '../../src-main/contract/operations';
import { client } from '../lib/api/client';

const PAGE_SIZE = 100;

/** What the library shows: the query, filters and order every page is fetched with. */
export type LibraryRequest = Required<
  Pick<OperationInput<'listReports'>, 'query' | 'filters' | 'sort' | 'descending'>
>;

/**
 * The library's rows, fetched from the core one page at a time as they scroll into view, so a corpus of
 * 100,000 reports never crosses the API at once.
 */
export class RowCache {
  total = $state(0);
  /** Bumped whenever a page arrives, so views that read rows re-render. */
  version = $state(0);
  // Plain collections on purpose: `version` is the one signal views track, not each page.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly pages = new Map<number, LibraryRow[]>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly pending = new Set<number>();

  constructor(private readonly request: LibraryRequest) {}

  /** Loads the first page; resolves with the total. */
  async start(): Promise<number> {
    await this.load(0);
    return this.total;
  }

  /** The row at `index`, or undefined while its page is on its way. */
  row(index: number): LibraryRow | undefined {
    const page = Math.floor(index / PAGE_SIZE);
    const rows = this.pages.get(page);
    if (!rows) void this.load(page);
    return rows?.[index - page * PAGE_SIZE];
  }

  /** The index of the report `id` among the rows loaded so far, or null. */
  indexOf(id: string): number | null {
    for (const [page, rows] of this.pages) {
      const at = rows.findIndex((row) => row.id === id);
      if (at >= 0) return page * PAGE_SIZE + at;
    }
    return null;
  }

  private async load(page: number): Promise<void> {
    if (this.pending.has(page) || this.pages.has(page)) return;
    this.pending.add(page);
    try {
      const result = await client.api.listReports({
        ...this.request,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      this.pages.set(page, result.rows);
      this.total = result.total;
      this.version++;
    } finally {
      this.pending.delete(page);
    }
  }
}
