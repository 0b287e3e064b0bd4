import type { CorpusReader } from '../corpus/reader';
import { FolioError } from '../errors';
import { METADATA_FIELDS, metadataValueSchemas, type MetadataField } from '../store/schema';
import type { IncomingMetadata, Unmatched } from './types';

/** The metadata corrections to make, and what could not or need not be made. */
export interface MetadataPlan {
  changes: Array<{ reportId: string; field: MetadataField; value: unknown }>;
  unchanged: number;
  unmatched: Unmatched[];
}

/**
 * Checks every imported value against its field's shape (throwing, before anything is written, with every bad
 * cell named) and keeps only values that differ from the one in effect, so importing an export changes nothing.
 */
export function planMetadata(corpus: CorpusReader, incoming: readonly IncomingMetadata[]): MetadataPlan {
  const plan: MetadataPlan = { changes: [], unchanged: 0, unmatched: [] };
  const problems: string[] = [];
  const present = new Set(corpus.ids());
  for (const item of incoming) {
    if (!(METADATA_FIELDS as readonly string[]).includes(item.field)) {
      problems.push(`${item.where}: unknown metadata field "${item.field}"`);
      continue;
    }
    const field = item.field as MetadataField;
    const parsed = metadataValueSchemas[field].safeParse(item.value);
    if (!parsed.success) {
      problems.push(`${item.where}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`);
      continue;
    }
    if (!present.has(item.reportId)) {
      plan.unmatched.push({
        where: item.where,
        reportId: item.reportId,
        what: `${field} = ${JSON.stringify(item.value)}`,
        reason: `no report "${item.reportId}" in this corpus`,
      });
      continue;
    }
    const current = corpus.report(item.reportId).metadata[field].value;
    if (JSON.stringify(current) === JSON.stringify(parsed.data)) plan.unchanged++;
    else plan.changes.push({ reportId: item.reportId, field, value: parsed.data });
  }
  if (problems.length) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? ` and ${problems.length - 10} more` : '';
    throw new FolioError('invalid-input', `invalid metadata values: ${shown}${more}. Nothing was imported`);
  }
  return plan;
}
