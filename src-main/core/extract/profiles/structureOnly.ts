import type { Profile } from '../profile';
import { author, publishedFromHeader, source } from '../stages/fields';
import { readTitle } from '../stages/title';

/**
 * Reports in a language no profile reads: the fields their structure gives (the header's values, the
 * headline, dates and outlets in addresses), and no guesses from prose written by other conventions.
 */
export const STRUCTURE_ONLY: Profile = {
  languages: [],
  stages: [readTitle, source, publishedFromHeader, author],
};
