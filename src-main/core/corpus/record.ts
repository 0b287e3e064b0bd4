import type { ExtractedValues } from '../analyze/analyze';
import type { ReportSummary } from '../../contract/types';
import { METADATA_FIELDS, type MetadataField, type ReportState } from '../store/schema';

/** One report held in memory while the corpus is open. */
export interface ReportRecord {
  id: string;
  file: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  encoding: string;
  /** The corrected text when the sidecar has one; the original is read from disk on demand. */
  corrected: string | null;
  state: ReportState | null;
  revision: string | null;
  stateError: string | null;
  /** The machine's metadata; the full extraction (evidence, debris) is read from the cache when needed. */
  values: ExtractedValues;
  /** Annotations moved to where their words now stand because the original changed on disk. */
  movedAnnotations: number;
  /** The library row, kept until the report changes: listing 100,000 rows must not rebuild each one. */
  summary?: ReportSummary;
}

/** A field's value in effect: the editor's where there is one, the machine's otherwise. */
export function effective(record: ReportRecord, field: MetadataField): unknown {
  const correction = record.state?.metadata[field];
  return correction ? correction.value : record.values[field];
}
/** Every metadata field's effective value: the editor's where there is one, the machine's otherwise. */
export function effectiveValues(record: ReportRecord): ExtractedValues {
  const values = { ...record.values };
  for (const field of METADATA_FIELDS) values[field] = effective(record, field);
  return values;
}
