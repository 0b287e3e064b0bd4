import { isNamesLike } from './byline';
import type { Credit } from './byline';
import { readDateLine } from './dates';
import type { DateLineMatch } from './dates';
import { isBlank } from './layout';
import type { Doc, Line } from './layout';

/** A byline that carries the publication date: `Xuyên Đông - Thứ ba, 07/05/2024 22:38 (GMT+7)`. */
export interface DatedByline {
  line: Line;
  credit: Credit;
  match: DateLineMatch;
}

/** The separator between the writer and the date, and how long a writer's part may be. */
const SEPARATOR = /\s+[-–—|]\s+|\s*\|\s*/gu;
const MAX_NAMES = 60;
/** How many lines from the top of the body a dated byline may stand at. */
const SEARCH_LINES = 10;

/** Reads `NAME - date line` (the writers, a dash or bar, then a date line) from one line. */
function readDatedByline(doc: Doc, line: Line): DatedByline | null {
  const text = doc.text.slice(
    line.contentStart,
    Math.min(line.contentEnd, line.contentStart + MAX_NAMES + 3),
  );
  for (const separator of text.matchAll(SEPARATOR)) {
    const names = text.slice(0, separator.index);
    if (!isNamesLike(names)) continue;
    const dateStart = line.contentStart + separator.index + separator[0].length;
    const match = readDateLine(doc.folded.slice(dateStart, line.contentEnd), dateStart);
    if (!match) return null;
    const author = { start: line.contentStart, end: line.contentStart + names.length };
    return {
      line,
      match,
      credit: {
        span: { start: line.contentStart, end: line.contentEnd },
        author,
        outlet: null,
        outletValue: null,
        confidence: 0.85,
      },
    };
  }
  return null;
}

/** The first dated byline among the first lines of the body that `taken` leaves. */
export function findDatedByline(doc: Doc, taken: ReadonlySet<number>): DatedByline | null {
  let seen = 0;
  for (const line of doc.lines) {
    if (isBlank(line) || taken.has(line.index)) continue;
    if (++seen > SEARCH_LINES) break;
    const found = readDatedByline(doc, line);
    if (found) return found;
  }
  return null;
}
