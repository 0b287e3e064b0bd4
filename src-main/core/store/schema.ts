import { z } from 'zod';
import { collectionSchema } from '../collections/schema';
import type { Label } from '../../contract/types';
import {
  METADATA_FIELDS,
  REPORT_STATUSES,
  type MetadataField,
  type ReportStatus,
} from '../../contract/vocabulary';

/** The version written into every `.folio/` file; a newer file is read-only to this build. */
export const SCHEMA_VERSION = 1;

export { METADATA_FIELDS, REPORT_STATUSES, type Label, type MetadataField, type ReportStatus };

const isoTime = z.string().min(1);

const personSchema = z.object({ name: z.string(), role: z.string().nullable() });

/** The shape a corrected value of each field must have. */
export const metadataValueSchemas = {
  title: z.string().nullable(),
  published: z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/,
      'expected an ISO 8601 date such as 2018-07-05 or 2018-07-05T21:31',
    )
    .nullable(),
  source: z.string().nullable(),
  author: z.string().nullable(),
  place: z.string().nullable(),
  section: z.string().nullable(),
  viewCount: z.number().int().nonnegative().nullable(),
  references: z.array(z.string()),
  people: z.array(personSchema),
} satisfies Record<MetadataField, z.ZodType>;

/** A metadata value with the editor's correction beside what was extracted. */
const correctionSchema = z.object({
  value: z.unknown(),
  editor: z.string(),
  at: isoTime,
});

/** A span annotation; offsets are Unicode code points in the corrected text. */
export const annotationSchema = z.object({
  id: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  label: z.string().min(1),
  note: z.string(),
  quote: z.string(),
  orphaned: z.boolean(),
  author: z.string(),
  created: isoTime,
  modified: isoTime,
});
export type StoredAnnotation = z.infer<typeof annotationSchema>;

/** The editor's corrected text, one array item per line so team merges in git work line by line. */
const textCorrectionSchema = z.object({
  lines: z.array(z.string()),
  baseSha256: z.string(),
  editor: z.string(),
  at: isoTime,
});

/** Everything editorial about one report: `.folio/reports/<id>.json`. */
export const reportStateSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  id: z.string(),
  original: z.object({ file: z.string(), sha256: z.string(), size: z.number().int().nonnegative() }),
  status: z.enum(REPORT_STATUSES),
  tags: z.array(z.string()),
  metadata: z.partialRecord(z.enum(METADATA_FIELDS), correctionSchema),
  annotations: z.array(annotationSchema),
  correction: textCorrectionSchema.nullable(),
});
export type ReportState = z.infer<typeof reportStateSchema>;
export type MetadataCorrection = z.infer<typeof correctionSchema>;

/** A label's display names; either language may be missing. */
const labelNamesSchema = z.object({ vi: z.string().min(1).optional(), en: z.string().min(1).optional() });

/**
 * An annotation label of the corpus, with its display names, colour and the key that applies it. A label
 * written before display names existed (no `names`) that is one of the default labels gets their names, so an
 * older `corpus.json` reads as the same schema version and shows its labels in both languages.
 */
export const labelSchema = z
  .object({
    name: z.string().min(1),
    names: labelNamesSchema.optional(),
    color: z.string(),
    key: z.string().nullable(),
  })
  .transform((label) => {
    const defaults = label.names ? undefined : DEFAULT_LABELS.find((d) => d.name === label.name)?.names;
    return defaults ? { ...label, names: { ...defaults } } : label;
  }) satisfies z.ZodType<Label>;

/**
 * An outlet this corpus's reports come from, beside the registry Folio ships: the name shown as a report's
 * source, the domains it publishes on and the tags and short names it signs with.
 */
export const outletSchema = z.object({
  name: z.string().min(1),
  domains: z.array(z.string().min(1)).default([]),
  abbreviations: z.array(z.string().min(1)).default([]),
  kind: z.string().default('other'),
  /** The province of a provincial or local outlet (2024 name), which a report of it is likely about. */
  province: z.string().nullable().default(null),
});

/** Corpus-wide settings: `.folio/corpus.json`. */
export const corpusSettingsSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  /** The corpus's own identity, given at its first settings write and kept by copies and clones. */
  id: z.uuid().optional(),
  labels: z.array(labelSchema),
  tags: z.array(z.string()),
  collections: z.array(collectionSchema),
  /** Outlets added to, or overriding, the shipped registry for this corpus; read when the corpus opens. */
  outlets: z.array(outletSchema).optional(),
});
export type CorpusSettings = z.infer<typeof corpusSettingsSchema>;

/** The label set a new corpus starts with. */
export const DEFAULT_LABELS: Label[] = [
  { name: 'Person', names: { vi: 'Người', en: 'Person' }, color: '#d9480f', key: '1' },
  { name: 'Organisation', names: { vi: 'Tổ chức', en: 'Organisation' }, color: '#1971c2', key: '2' },
  { name: 'Place', names: { vi: 'Địa danh', en: 'Place' }, color: '#2f9e44', key: '3' },
  {
    name: 'Document reference',
    names: { vi: 'Văn bản dẫn chiếu', en: 'Document reference' },
    color: '#9c36b5',
    key: '4',
  },
  { name: 'Figure', names: { vi: 'Số liệu', en: 'Figure' }, color: '#e67700', key: '5' },
  { name: 'Date', names: { vi: 'Ngày tháng', en: 'Date' }, color: '#0c8599', key: '6' },
  { name: 'Quote', names: { vi: 'Trích dẫn', en: 'Quote' }, color: '#c2255c', key: '7' },
];
