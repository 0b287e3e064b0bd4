import type { ReportFilters } from '../../contract/types';
import { FolioError } from '../errors';
import { REPORT_STATUSES, type ReportStatus } from '../store/schema';
import type { StoredFilters } from './schema';

/** Checks stored or typed-in filters and returns them as the corpus takes them; throws on an unknown status. */
export function checkFilters(filters: StoredFilters, where: string): ReportFilters {
  const status = filters.status?.map((value): ReportStatus => {
    if (!(REPORT_STATUSES as readonly string[]).includes(value)) {
      throw new FolioError(
        'invalid-input',
        `${where}: unknown status "${value}"; expected one of ${REPORT_STATUSES.join(', ')}`,
      );
    }
    return value as ReportStatus;
  });
  for (const [bound, value] of [
    ['from', filters.publishedFrom],
    ['to', filters.publishedTo],
  ] as const) {
    if (value !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
      throw new FolioError('invalid-input', `${where}: date "${value}" (${bound}) is not YYYY-MM-DD`);
    }
  }
  // Every other filter is taken as stored: listing them here again is how a new one gets dropped.
  return { ...withoutEmpty(filters), status };
}

/** The filters without empty lists and unset bounds, the form saved in `.folio/corpus.json`. */
export function withoutEmpty(filters: StoredFilters): StoredFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) =>
      Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '',
    ),
  );
}
