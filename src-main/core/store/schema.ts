import { z } from 'zod';
import { collectionSchema } from '../collections/schema';
import type { Label } from '../../contract/types';
import { hunksProblem } from '../text/correction';
import {
  METADATA_FIELDS,
  REPORT_STATUSES,
  type MetadataField,
  type ReportStatus,
} from '../../contract/vocabulary';

/**
 * The version written into every `.folio/` file; an older one is read and migrated in memory (see
 * `migrate.ts`), a newer one is read-only to this build.
 */
export const SCHEMA_VERSION = 2;

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

/** Who made a change, and when (ISO time). */
export const provenanceSchema = z.object({ editor: z.string(), at: isoTime });
export type Provenance = z.infer<typeof provenanceSchema>;

/** A metadata value with the editor's correction beside what was extracted. */
const correctionSchema = z.object({
  value: z.unknown(),
  editor: z.string(),
  at: isoTime,
});

/**
 * A span annotation; offsets are Unicode code points in the corrected text. `quote` with up to 32 code
 * points of text before (`prefix`) and after (`suffix`) it is a W3C TextQuoteSelector, which finds the words
 * again when the text changed without Folio's own mapping; `revision` is the key of the text the offsets were
 * made on (`null` when unknown: format 1, or written by hand).
 */
export const annotationSchema = z.object({
  id: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  label: z.string().min(1),
  note: z.string(),
  quote: z.string(),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
  revision: z.string().nullable().default(null),
  orphaned: z.boolean(),
  author: z.string(),
  created: isoTime,
  modified: isoTime,
});
export type StoredAnnotation = z.infer<typeof annotationSchema>;

/**
 * One change of a text correction, in lines of the original it was made on (0-based): `was` at `line`
 * became `now` (an insertion has no `was`, a deletion no `now`), with who made it.
 */
export const hunkSchema = z.object({
  line: z.number().int().nonnegative(),
  was: z.array(z.string()),
  now: z.array(z.string()),
  editor: z.string(),
  at: isoTime,
});
export type Hunk = z.infer<typeof hunkSchema>;

/**
 * The editor's corrected text, one array item per line so team merges in git work line by line, and the
 * hunks that make it from the original whose hash is `base`: the original can be rebuilt from the two (see
 * `rebuildBase`), so a changed original or a merge is a three-way merge. `hunks` is null while unknown (a
 * format-1 correction, computed when its original is read), and `madeBy` then says who corrected the text.
 */
const textCorrectionSchema = z
  .object({
    base: z.string(),
    lines: z.array(z.string()),
    hunks: z.array(hunkSchema).nullable(),
    madeBy: provenanceSchema.optional(),
  })
  .superRefine((correction, context) => {
    if (correction.hunks === null) {
      if (!correction.madeBy) {
        context.addIssue({
          code: 'custom',
          path: ['madeBy'],
          message: 'a correction without hunks says who made it',
        });
      }
      return;
    }
    const problem = hunksProblem(correction.lines, correction.hunks);
    if (problem)
      context.addIssue({ code: 'custom', path: ['hunks', problem.index], message: problem.message });
  });
export type TextCorrection = z.infer<typeof textCorrectionSchema>;

/** Where a conflict entry comes from: a merge of two editors' work, or an original that changed on disk. */
export const CONFLICT_SOURCES = ['merge', 'original-changed'] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

const conflictSource = z.enum(CONFLICT_SOURCES);
const conflictIdSchema = z.string().min(1);

/**
 * What a merge or a rebase could not decide, kept for the editor to resolve; the state holds `ours` for now.
 * A text conflict is at `line` of the corrected lines, where `ours` stands.
 */
export const conflictSchema = z.discriminatedUnion('kind', [
  z.object({
    id: conflictIdSchema,
    kind: z.literal('field'),
    field: z.enum([...METADATA_FIELDS, 'status']),
    base: z.unknown(),
    ours: z.unknown(),
    theirs: z.unknown(),
    source: conflictSource,
  }),
  z.object({
    id: conflictIdSchema,
    kind: z.literal('text'),
    line: z.number().int().nonnegative(),
    base: z.array(z.string()),
    ours: z.array(z.string()),
    theirs: z.array(z.string()),
    source: conflictSource,
  }),
  z.object({
    id: conflictIdSchema,
    kind: z.literal('annotation'),
    annotationId: z.string().min(1),
    base: annotationSchema.nullable(),
    ours: annotationSchema.nullable(),
    theirs: annotationSchema.nullable(),
    source: conflictSource,
  }),
]);
export type Conflict = z.infer<typeof conflictSchema>;
export type TextConflict = Extract<Conflict, { kind: 'text' }>;

/** Everything editorial about one report: `.folio/reports/<id>.json`. */
export const reportStateSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  id: z.string(),
  original: z.object({ file: z.string(), sha256: z.string(), size: z.number().int().nonnegative() }),
  status: z.enum(REPORT_STATUSES),
  /** Who set the status, and when; null when never set (or read from format 1). */
  statusBy: provenanceSchema.nullable().default(null),
  tags: z.array(z.string()),
  metadata: z.partialRecord(z.enum(METADATA_FIELDS), correctionSchema),
  annotations: z.array(annotationSchema),
  correction: textCorrectionSchema.nullable(),
  conflicts: z.array(conflictSchema).default([]),
});
export type ReportState = z.infer<typeof reportStateSchema>;
export type MetadataCorrection = z.infer<typeof correctionSchema>;

/** The state of a report no one has edited yet. */
export function newReportState(id: string, original: ReportState['original']): ReportState {
  return {
    schema: SCHEMA_VERSION,
    id,
    original: { ...original },
    status: 'new',
    statusBy: null,
    tags: [],
    metadata: {},
    annotations: [],
    correction: null,
    conflicts: [],
  };
}

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

/** Kinds of corpus-wide settings a merge compares by name. */
export const SETTINGS_CONFLICT_KINDS = ['label', 'collection', 'tag-vocabulary', 'outlet'] as const;

/** A setting two merged versions of `corpus.json` changed differently; the settings hold `ours` for now. */
export const settingsConflictSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(SETTINGS_CONFLICT_KINDS),
  name: z.string(),
  base: z.unknown(),
  ours: z.unknown(),
  theirs: z.unknown(),
});
export type SettingsConflict = z.infer<typeof settingsConflictSchema>;

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
  /** What a merge of two versions of this file could not decide; absent when nothing is pending. */
  conflicts: z.array(settingsConflictSchema).optional(),
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
