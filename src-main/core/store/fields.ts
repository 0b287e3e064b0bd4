// Kept apart from the schemas so the analysis worker, which needs only these names, loads no validation library.

/** Metadata fields the editor can correct. */
export const METADATA_FIELDS = [
  'title',
  'published',
  'source',
  'author',
  'place',
  'section',
  'viewCount',
  'references',
  'people',
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
