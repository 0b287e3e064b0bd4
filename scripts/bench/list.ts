import type { OperationInput } from '../../src-main/contract/operations';
import type { FolioService } from '../../src-main/service/folioService';
import type { Measurement } from './rows';
import { timeAsync } from './timing';

const PAGE = 100;
const PAGES_PER_RUN = 10;

/**
 * Times one page of 100 library rows through the service, as the renderer asks for it: sorted by date, and
 * sorted by title within the most common place. Pages are taken at offsets spread over the whole list.
 */
export async function measureList(service: FolioService, runs: number): Promise<Measurement[]> {
  const facets = await service.call('facets', {});
  const top = facets.place[0];
  const byTitle: OperationInput<'listReports'> = {
    sort: 'title',
    limit: PAGE,
    filters: top ? { place: [top.value] } : {},
  };
  return [
    {
      id: 'list-by-date',
      what: 'library page of 100, sorted by date',
      samples: {
        values: await timePages(service, { sort: 'published', descending: true, limit: PAGE }, runs),
        latency: true,
      },
    },
    {
      id: 'list-by-title-filtered',
      what: 'library page of 100, by title, place filter',
      samples: { values: await timePages(service, byTitle, runs), latency: true },
      note: top
        ? `filtered to the most common place, ${top.value} (${top.count} reports)`
        : 'no report has a place, so unfiltered',
    },
  ];
}

async function timePages(
  service: FolioService,
  input: OperationInput<'listReports'>,
  runs: number,
): Promise<number[]> {
  const { total } = await service.call('listReports', input);
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const times: number[] = [];
  for (let i = 0; i < runs * PAGES_PER_RUN; i++) {
    const offset = ((i * 7) % pages) * PAGE;
    times.push(await timeAsync(() => service.call('listReports', { ...input, offset })));
  }
  return times;
}
