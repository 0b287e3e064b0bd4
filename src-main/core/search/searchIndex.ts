import MiniSearch, { type AsPlainObject, type Query } from 'minisearch';
import { parseQuery, searchTokens, type ParsedQuery } from './query';

/** The searchable content of one report. */
export interface SearchDocument {
  id: string;
  title: string;
  text: string;
  /** Metadata values (source, author, place, people, references) as one string. */
  meta: string;
}

/** A report that matched, with its relevance score. */
export interface SearchHit {
  id: string;
  score: number;
}

const WORD_FIELDS = ['title', 'text', 'meta'];
/** Adjacent word pairs of the title and text, indexed so a phrase is found without reading any report. */
const PAIRS = 'pairs';

function indexOptions() {
  return {
    fields: [...WORD_FIELDS, PAIRS],
    storeFields: [],
    extractField: (doc: SearchDocument, field: string) =>
      field === PAIRS ? `${doc.title}\n${doc.text}` : String(doc[field as keyof SearchDocument]),
    // Text is folded by the tokenizer; MiniSearch's own lower-casing would be redundant.
    tokenize: (text: string, field?: string) => (field === PAIRS ? wordPairs(text) : searchTokens(text)),
    processTerm: (term: string) => term,
    searchOptions: { boost: { title: 3, meta: 2 }, combineWith: 'AND' as const, fields: WORD_FIELDS },
  };
}

function wordPairs(text: string): string[] {
  const tokens = searchTokens(text);
  return tokens.slice(1).map((token, i) => `${tokens[i]} ${token}`);
}

/**
 * Full-text index over reports (MiniSearch with a Vietnamese-aware fold: case, diacritics, tone-mark
 * placement, đ/d and NBSP are ignored). Adjacent word pairs are indexed too, so phrases are found in the index.
 */
export class SearchIndex {
  private constructor(private readonly mini: MiniSearch<SearchDocument>) {}

  /** An empty index. */
  static create(): SearchIndex {
    return new SearchIndex(new MiniSearch<SearchDocument>(indexOptions()));
  }

  /** An index restored from `toJSON()` output. */
  static fromJSON(json: AsPlainObject): SearchIndex {
    return new SearchIndex(MiniSearch.loadJS<SearchDocument>(json, indexOptions()));
  }

  /** Serialisable form for the cache under `.folio/cache/`. */
  toJSON(): AsPlainObject {
    return this.mini.toJSON();
  }

  /** Adds or replaces a report. */
  put(doc: SearchDocument): void {
    if (this.mini.has(doc.id)) this.mini.discard(doc.id);
    this.mini.add(doc);
  }

  /** Removes a report if present. */
  remove(id: string): void {
    if (this.mini.has(id)) this.mini.discard(id);
  }

  /** Whether a report is indexed. */
  has(id: string): boolean {
    return this.mini.has(id);
  }

  /**
   * Reports containing every word and phrase of `query`, best first; `allowed` keeps only ids that passed the
   * filters. A phrase matches where each pair of its adjacent words stands together: exact for two words, and
   * for longer phrases wrong only when every pair occurs but never all in a row — rare enough in prose to be
   * worth answering from the index instead of reading thousands of reports.
   */
  search(query: string | ParsedQuery, allowed?: (id: string) => boolean): SearchHit[] {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    if (parsed.words.length + parsed.phrases.length === 0) return [];
    const lastWord = parsed.words.at(-1);
    const words: Query[] = parsed.words.length
      ? [
          {
            queries: [parsed.words.join(' ')],
            // Prefix-match only the word being typed, so instant search finds "thanh" from "tha".
            prefix: (term: string) => term === lastWord && term.length >= 2,
          },
        ]
      : [];
    const phrases: Query[] = parsed.phrases.map((phrase) => ({
      queries: [
        phrase
          .slice(1)
          .map((word, i) => `${phrase[i]} ${word}`)
          .join('|'),
      ],
      fields: [PAIRS],
      tokenize: (pairs: string) => pairs.split('|'),
      prefix: false,
    }));
    const results = this.mini.search(
      { combineWith: 'AND', queries: [...words, ...phrases] },
      { filter: allowed ? (result) => allowed(String(result.id)) : undefined },
    );
    return results.map((result) => ({ id: String(result.id), score: result.score }));
  }
}
