import { METADATA_FIELDS } from '../../contract/vocabulary';
import type { MetadataField } from '../../contract/vocabulary';
import type { MetadataFieldDto, ReportDetail } from '../../contract/types';

/** How the machine's value of one field held on the reports an editor has reviewed. */
export interface FieldAccuracy {
  field: MetadataField;
  /** Reviewed reports: status `done`. */
  reviewed: number;
  /** Of those, how many the editor left as extracted (or corrected to the same value). */
  agreed: number;
  /** `agreed / reviewed`, null when nothing is reviewed. */
  accuracy: number | null;
}

/** The machine's accuracy on an archive, as its editors' reviews measure it. */
export interface AccuracyReport {
  reviewed: number;
  fields: FieldAccuracy[];
}

/** A value in a form where white space, Unicode normalisation and the order of a list do not count. */
function comparable(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map(comparable).sort());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return JSON.stringify(entries.map(([k, v]) => [k, comparable(v)]));
  }
  if (typeof value === 'string') return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return JSON.stringify(value ?? null);
}

/** True when the editor kept the machine's value: no correction, or one that says the same. */
export function keptAsExtracted(field: MetadataFieldDto): boolean {
  return (
    field.correction === null || comparable(field.correction.value) === comparable(field.extracted.value)
  );
}

/**
 * Compares the extracted values with the editor's on every reviewed report (status `done`), field by
 * field: how far to trust the machine on this archive.
 */
export function measureAccuracy(reports: Iterable<ReportDetail>): AccuracyReport {
  const agreed = new Map<MetadataField, number>(METADATA_FIELDS.map((f) => [f, 0]));
  let reviewed = 0;
  for (const report of reports) {
    if (report.status !== 'done') continue;
    reviewed++;
    for (const field of METADATA_FIELDS) {
      if (keptAsExtracted(report.metadata[field])) agreed.set(field, agreed.get(field)! + 1);
    }
  }
  return {
    reviewed,
    fields: METADATA_FIELDS.map((field) => ({
      field,
      reviewed,
      agreed: agreed.get(field)!,
      accuracy: reviewed === 0 ? null : agreed.get(field)! / reviewed,
    })),
  };
}
