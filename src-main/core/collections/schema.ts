import { z } from 'zod';
import type { StoredFilters } from '../../contract/types';
import { checkCollectionName } from './name';

/** A collection's name, checked when `.folio/corpus.json` is read too: a hand-edited one may name an export. */
const nameSchema = z.string().superRefine((name, context) => {
  try {
    checkCollectionName(name);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

// Statuses are checked where a collection is created or evaluated: importing the status list from the store
// schema here would make the two schema modules import each other.
const filtersSchema = z.object({
  tags: z.array(z.string()).optional(),
  status: z.array(z.string()).optional(),
  source: z.array(z.string()).optional(),
  place: z.array(z.string()).optional(),
  label: z.array(z.string()).optional(),
  reference: z.array(z.string()).optional(),
  language: z.array(z.string()).optional(),
  publishedFrom: z.string().optional(),
  publishedTo: z.string().optional(),
}) satisfies z.ZodType<StoredFilters>;

/** A hand-picked collection: report ids in the editor's order, kept even when a report's file is gone. */
export const manualCollectionSchema = z.object({
  kind: z.literal('manual'),
  name: nameSchema,
  ids: z.array(z.string().min(1)),
});

/** A saved search: a query and filters, evaluated each time the collection is used. */
export const savedSearchSchema = z.object({
  kind: z.literal('search'),
  name: nameSchema,
  query: z.string(),
  filters: filtersSchema,
});

/** One named collection of `.folio/corpus.json`. */
export const collectionSchema = z.discriminatedUnion('kind', [manualCollectionSchema, savedSearchSchema]);

/** A stored manual collection. */
export type ManualCollection = z.infer<typeof manualCollectionSchema>;
/** A stored saved search. */
export type SavedSearch = z.infer<typeof savedSearchSchema>;
/** A stored collection of either kind. */
export type Collection = z.infer<typeof collectionSchema>;
export type { StoredFilters };
