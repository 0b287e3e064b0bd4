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

/**
 * A document the report cites: a Party document normalised to `number-TYPE/ISSUER` (`22-NQ/TW`), or a
 * State legal document as issued (`178/2024/NĐ-CP`, `46/NQ-CP`).
 */
export interface DocumentReference {
  code: string;
  kind: 'party' | 'state';
  /** Document type abbreviation: NQ (Nghị quyết), CT (Chỉ thị), QĐ (Quy định/Quyết định), KL (Kết luận), KH (Kế hoạch), HD (Hướng dẫn), TB (Thông báo), QC (Quy chế), CTr (Chương trình). */
  type: string;
  number: string;
  /** Issuing body code (TW, TU, HU, ĐU, CP, TTg, QH15 …). */
  issuer: string | null;
}

/** A person named in the report with the position the text gives them. */
export interface Person {
  name: string;
  role: string | null;
}

/** A value found several times: every mention is evidence. */
export interface ExtractedItem<T> {
  value: T;
  confidence: number;
  evidence: Evidence[];
}

/** What kind of web-page debris a range is. */
export type DebrisKind =
  | 'header'
  | 'section-label'
  | 'page-date'
  | 'place-label'
  | 'counter'
  | 'widget'
  | 'related-links'
  | 'footer';

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
