import type { ReportDetail } from '../../contract/types';
import { METADATA_FIELDS, type MetadataField } from '../store/schema';

/** The value in effect of every metadata field, in field order. */
export function effectiveMetadata(report: ReportDetail): Record<MetadataField, unknown> {
  return Object.fromEntries(METADATA_FIELDS.map((field) => [field, report.metadata[field].value])) as Record<
    MetadataField,
    unknown
  >;
}

/** The machine's value of every metadata field, in field order. */
export function extractedMetadata(report: ReportDetail): Record<MetadataField, unknown> {
  return Object.fromEntries(
    METADATA_FIELDS.map((field) => [field, report.metadata[field].extracted.value]),
  ) as Record<MetadataField, unknown>;
}

/** The report's tags in Vietnamese order, as its sidecar stores them, whatever order they were added in. */
export function sortedTags(report: ReportDetail): string[] {
  return [...report.tags].sort((a, b) => a.localeCompare(b, 'vi'));
}
