import type { DebrisKind, DocumentReference, Person } from '../../contract/types';

export type { DebrisKind, DocumentReference, Person };

/** A half-open range `[start, end)` in UTF-16 code units of the normalised text (the core's internal unit). */
export interface Span {
  start: number;
  end: number;
}

/** Where in the text a value was found: the span and the text it covers. */
export interface Evidence extends Span {
  text: string;
}

/** A single extracted value with how sure the extractor is (0..1) and the span it came from. */
export interface Extracted<T> {
  value: T;
  confidence: number;
  evidence: Evidence | null;
}

/** A value found several times: every mention is evidence. */
export interface ExtractedItem<T> {
  value: T;
  confidence: number;
  evidence: Evidence[];
}

/** A range of scraping debris: text that belongs to the web page, not to the report. */
export interface DebrisRange extends Span {
  kind: DebrisKind;
}

/** Everything the extractor finds in one report. */
export interface Extraction {
  title: Extracted<string | null>;
  /** ISO 8601: `2018-07-05T21:31` when a time is given, `2018-07-05` otherwise. */
  published: Extracted<string | null>;
  source: Extracted<string | null>;
  author: Extracted<string | null>;
  place: Extracted<string | null>;
  section: Extracted<string | null>;
  viewCount: Extracted<number | null>;
  references: ExtractedItem<DocumentReference>[];
  people: ExtractedItem<Person>[];
  /** ISO 639-1 code of the report's language (`vi`, `en`, `de`), null when too little text to tell. */
  language: string | null;
  debris: DebrisRange[];
  captions: Span[];
}
