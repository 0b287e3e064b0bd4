import type { Span } from '../types';

/** A value a scraper wrote in its header, with the span of the value (not the key) in the text. */
export interface HeaderValue {
  value: string;
  span: Span;
}

/** The header keys Folio understands, whatever the scraper called them. */
export type HeaderKey = 'title' | 'published' | 'captured' | 'source' | 'author' | 'url' | 'language';

/**
 * What the scrapers' own structure says about a report: front matter, crawler key-value headers,
 * comment headers, and the Markdown link and image lines aggregators put above the article.
 */
export interface Structure {
  /** Indexes of the lines the scraper wrote, shown as debris and skipped by the prose stages. */
  lines: Set<number>;
  /** The header's spans, in text order: debris of kind `header`. */
  spans: Span[];
  /** Values by key; the first of a key is the one that counts, later ones are kept as evidence. */
  values: Partial<Record<HeaderKey, HeaderValue>>;
  /** Every URL written in the header (article link, images), for dates and outlets in paths. */
  urls: HeaderValue[];
  /** Header values that are prose (titles, whose bot keyword may cite a document): read for references. */
  readable: Span[];
  /** True when the headline the header gives was cut short (`…`, `...`) by the aggregator. */
  titleTruncated: boolean;
  /** A line whose text starts after a label (`Content: …`): the offset where its text starts. */
  bodyStarts: Map<number, number>;
}

/** A structure with nothing found. */
export function emptyStructure(): Structure {
  return {
    lines: new Set(),
    spans: [],
    values: {},
    urls: [],
    readable: [],
    titleTruncated: false,
    bodyStarts: new Map(),
  };
}
