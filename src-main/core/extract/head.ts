import sectionNames from '../../../resources/extract/vi/sections.json';
import { MAX_DATE_LINE, readDateLine } from './dates';
import type { DateLineMatch } from './dates';
import { headingKind } from './debris';
import { foldKey } from './fold';
import { isBlank, lineText } from './layout';
import type { Doc, Line } from './layout';
import { provinceOfLine } from './places';

/** Section names that news sites print above a report. */
const KNOWN_SECTIONS = new Set(sectionNames.sections.map(foldKey));

const MAX_LABEL_LENGTH = 50;
const MAX_BREADCRUMB_LENGTH = 80;
const MAX_TITLE_LENGTH = 250;
const MAX_TITLE_CANDIDATE = 1000;
/** How many non-blank lines may come before the title, and after it before the report starts. */
const HEAD_BEFORE_TITLE = 6;
const HEAD_AFTER_TITLE = 4;

/** The top of the page: section label, page-visit date, title, publication date line, place label. */
export interface Head {
  title: Line | null;
  titleConfidence: number;
  section: Line | null;
  sectionKnown: boolean;
  pageDate: { line: Line; match: DateLineMatch } | null;
  dateLine: { line: Line; match: DateLineMatch } | null;
  placeLabel: { line: Line; province: string } | null;
  /** Indexes of the lines the head takes up. */
  lines: Set<number>;
  /** Index of the last head line (-1 when there is none). */
  last: number;
}

/** The date a line holds when it holds nothing else (`21:31 - 05/07/2018`). */
export function dateLineOf(doc: Doc, line: Line): DateLineMatch | null {
  if (line.contentEnd - line.contentStart > MAX_DATE_LINE) return null;
  return readDateLine(doc.lineFolded(line), line.contentStart);
}

/** A head with nothing in it. */
export function emptyHead(): Head {
  return {
    title: null,
    titleConfidence: 0,
    section: null,
    sectionKnown: false,
    pageDate: null,
    dateLine: null,
    placeLabel: null,
    lines: new Set<number>(),
    last: -1,
  };
}

/** A short label above the title: a known section name, or a few plain words before a longer title `next`. */
function isSectionLabel(doc: Doc, line: Line, next: Line | undefined): boolean {
  const text = lineText(doc, line);
  // A breadcrumb (`Trang chủ > Tin tức > Xây dựng Đảng`) may run longer than a single label.
  const breadcrumb = /[>»›]/u.test(text);
  const maxLength = breadcrumb ? MAX_BREADCRUMB_LENGTH : MAX_LABEL_LENGTH;
  if (text.length < 2 || text.length > maxLength || /[\d.,;:!?"“”()]/u.test(text)) return false;
  if (text.split(/\s+/u).length > (breadcrumb ? 12 : 6) || headingKind(doc.lineFolded(line))) return false;
  if (breadcrumb) return true;
  if (KNOWN_SECTIONS.has(foldKey(text))) return true;
  if (!next) return false;
  const nextText = lineText(doc, next);
  return nextText.length > text.length && nextText.length <= MAX_TITLE_LENGTH && !/[.…]$/u.test(nextText);
}

/** How the head is read: which lines to pass over, and what is known of the title beforehand. */
export interface HeadOptions {
  /** Lines the scraper's header took. */
  skip: ReadonlySet<number>;
  /**
   * `find`: the title is the first line that is not a label or a date; a line: the title is known to be
   * that line; `none`: the header gave the title and the text does not print it, so no line is the title.
   */
  title: 'find' | 'none' | Line;
}

/** Reads the head of the page: the title and the labels and dates just before and after it. */
export function readHead(doc: Doc, options: HeadOptions = { skip: new Set(), title: 'find' }): Head {
  const head = emptyHead();
  const content = doc.lines.filter((l) => !isBlank(l) && !options.skip.has(l.index));
  const take = (line: Line): void => {
    head.lines.add(line.index);
    head.last = Math.max(head.last, line.index);
  };
  const takeDateOrPlace = (line: Line, beforeTitle: boolean): boolean => {
    const match = dateLineOf(doc, line);
    if (match) {
      // Before the title, a weekday line is the date the page was visited, not the date of the report.
      if (beforeTitle && match.weekday && !head.pageDate) head.pageDate = { line, match };
      else if (!head.dateLine) head.dateLine = { line, match };
      take(line);
      return true;
    }
    const province = head.placeLabel ? null : provinceOfLine(doc, line);
    if (province) {
      head.placeLabel = { line, province };
      take(line);
      return true;
    }
    return false;
  };
  const takeAfterTitle = (at: number): void => {
    for (let m = at + 1; m < content.length && m <= at + HEAD_AFTER_TITLE; m++) {
      if (!takeDateOrPlace(content[m]!, false)) break;
    }
  };
  const known = options.title;
  if (known !== 'find') {
    const at = known === 'none' ? -1 : content.indexOf(known);
    // Dates and place labels may stand above a known title, and directly below where no title is printed.
    const before = Math.min(content.length, at < 0 ? HEAD_AFTER_TITLE : at);
    for (let m = 0; m < before && takeDateOrPlace(content[m]!, at >= 0); m++);
    if (at < 0) return head;
    head.title = known as Line;
    head.titleConfidence = 0.95;
    take(head.title);
    takeAfterTitle(at);
    return head;
  }
  let k = 0;
  for (; k < content.length && k < HEAD_BEFORE_TITLE; k++) {
    const line = content[k]!;
    if (takeDateOrPlace(line, true)) continue;
    // The title a label stands above may come after the page-visit date.
    const next = content.slice(k + 1, k + 3).find((l) => !dateLineOf(doc, l));
    if (!head.section && isSectionLabel(doc, line, next)) {
      head.section = line;
      head.sectionKnown = KNOWN_SECTIONS.has(foldKey(lineText(doc, line)));
      take(line);
      continue;
    }
    // A paragraph that long is the report itself, scraped without its headline.
    if (line.contentEnd - line.contentStart > MAX_TITLE_CANDIDATE) break;
    head.title = line;
    head.titleConfidence = line.contentEnd - line.contentStart <= MAX_TITLE_LENGTH ? 0.9 : 0.5;
    take(line);
    break;
  }
  if (head.title) takeAfterTitle(k);
  return head;
}
