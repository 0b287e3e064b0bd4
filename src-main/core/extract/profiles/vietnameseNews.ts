import type { Profile } from '../profile';
import { bylines } from '../stages/bylines';
import { author, pageLabels, people, place, published, references, source } from '../stages/fields';
import { pageFurniture } from '../stages/furniture';
import { paragraphs } from '../stages/paragraphs';
import { readTitle } from '../stages/title';

/**
 * Vietnamese news as scraped from the web: the page's furniture (counters, related links, footers), bylines
 * and photo credits, captions, datelines, outlets, places from the gazetteer, Party and State documents and
 * the people named with their posts. Its lexicons, gazetteer and outlet registry are in
 * `resources/extract/vi/`.
 */
export const VIETNAMESE_NEWS: Profile = {
  languages: ['vi'],
  stages: [
    readTitle,
    pageFurniture,
    bylines,
    paragraphs,
    source,
    published,
    author,
    place,
    pageLabels,
    references,
    people,
  ],
};
