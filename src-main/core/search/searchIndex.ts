import MiniSearch, { type AsPlainObject } from 'minisearch';
import { foldForSearch } from '../text/fold';
import { parseQuery, tokenize, type ParsedQuery } from './query';

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

const FIELDS = ['title', 'text', 'meta'];

function indexOptions() {
  return {
    fields: FIELDS,
    storeFields: [],
    // Text is folded once here; MiniSearch's own lower-casing would be redundant.
    tokenize: (text: string) => tokenize(foldForSearch(text)),
    processTerm: (term: string) => term,
    searchOptions: { boost: { title: 3, meta: 2 }, combineWith: 'AND' as const },
  };
}

/**
 * Full-text index over reports (MiniSearch with a Vietnamese-aware fold: case, diacritics, tone-mark
 * placement, đ/d and NBSP are ignored). Phrases are checked against the text after the index narrows the set.
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

  /** Ids currently indexed. */
  has(id: string): boolean {
    return this.mini.has(id);
  }

  /**
   * Reports containing every word and phrase of `query`, best first. `textOf` gives a candidate's searchable
   * text for the phrase check; `allowed` restricts the result to ids that passed the filters.
   */
  search(
    query: string | ParsedQuery,
    textOf: (id: string) => string,
    allowed?: (id: string) => boolean,
  ): SearchHit[] {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const terms = [...parsed.words, ...parsed.phrases.flat()];
    if (terms.length === 0) return [];
    const lastWord = parsed.words.at(-1);
    const results = this.mini.search(terms.join(' '), {
      // Prefix-match only the word being typed, so instant search finds "thanh" from "tha".
      prefix: (term) => term === lastWord && term.length >= 2 && parsed.phrases.length === 0,
      filter: allowed ? (result) => allowed(String(result.id)) : undefined,
    });
    const hits = results.map((result) => ({ id: String(result.id), score: result.score }));
    if (parsed.phrases.length === 0) return hits;
    return hits.filter((hit) => {
      const folded = ` ${tokenize(foldForSearch(textOf(hit.id))).join(' ')} `;
      return parsed.phrases.every((phrase) => folded.includes(` ${phrase.join(' ')} `));
    });
  }
}
