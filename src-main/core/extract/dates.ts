import words from '../../../resources/extract/vi/dates.json';
import { LABELLED_COUNTER_SOURCE } from './counters';
import { WORD_END, WORD_START, phraseAlternation } from './fold';

/** A calendar date. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** A time of day. */
export interface TimeParts {
  hour: number;
  minute: number;
}

/** A line holding only a date and time: `21:31 - 05/07/2018`, `Ngày đăng 07/06/2018 | 02:57`. */
export interface DateLineMatch {
  date: DateParts;
  time: TimeParts | null;
  weekday: boolean;
  /** Span from the first to the last of the date and time tokens. */
  start: number;
  end: number;
}

/** A dateline opening a lead: `Sáng nay (12/6)`, `Chiều 25/3`, `Ngày 05/7/2018`. */
export interface Dateline {
  day: number;
  month: number;
  year: number | null;
  /** Days to add to reach the publication day (`hôm qua` → 1). */
  shiftDays: number;
  start: number;
  end: number;
}

const FULL_DATE = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/u;
const TIME =
  /(?<![\d:])([01]?\d|2[0-3])\s*[:h]\s*([0-5]\d)(?::[0-5]\d)?(?![\d:])(?:\s*(am|pm|sa|ch)(?!\p{L}))?/u;
const WEEKDAY = new RegExp(
  `${WORD_START}(?:${phraseAlternation(words.weekdays)}|thứ\\s*[2-7]|t[2-7]|cn)${WORD_END}`,
  'u',
);
const META_WORDS = new RegExp(
  // A zone offset first, or `gmt` alone would match and leave its `+7` behind.
  `(?:gmt|utc)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[+-]\\d{4}(?!\\d)|${WORD_START}(?:${phraseAlternation(words.dateLineWords)})${WORD_END}`,
  'gu',
);
const COUNTER = new RegExp(LABELLED_COUNTER_SOURCE, 'gu');
const SEPARATORS_ONLY = /^[\s|\-–—,:;.()[\]/•·+]*$/u;

const DATELINE = new RegExp(
  `(?:(${phraseAlternation(words.timesOfDay)})${WORD_END}\\s*)?` +
    `(?:(${phraseAlternation(words.relativeDays)})${WORD_END}\\s*(?:,\\s*)?)?` +
    `(?:(${phraseAlternation(['ngày'])})\\s*)?(\\(\\s*)?(\\d{1,2})([/.-])(\\d{1,2})(?:\\6(\\d{4}))?(?![\\d\\p{L}])(?:\\s*\\))?`,
  'uy',
);
const YESTERDAY = /qua$/u;
const TIMED_DATE = new RegExp(
  `${WORD_START}(?:${phraseAlternation(words.timesOfDay)})` +
    `(?:\\s+(?:${phraseAlternation(words.beforeDayMonth)}))?\\s+(\\d{1,2})([/-])(\\d{1,2})(?![\\d/.-])` +
    `(?!\\s*(?:\\(\\s*)?${phraseAlternation(words.lunarWords)})`,
  'gu',
);

const YEAR = /(?<!\d)(?:19[4-9]\d|20\d\d)(?!\d)/gu;
// Years that say nothing of when a report was written: both ends of a term or period (`nhiệm kỳ
// 2025-2030`, `giai đoạn 2021 - 2025`, `2024-2025`) and targets (`đến năm 2030`, `tầm nhìn 2045`).
const YEAR_RANGE = /(?<!\d)(?:19[4-9]\d|20\d\d)\s*[-–—/]\s*(?:19[4-9]\d|20\d\d)(?!\d)/gu;
const REVIEW = new RegExp(`${WORD_START}(?:${phraseAlternation(words.reviewWords)})${WORD_END}`, 'u');
const REVIEW_REACH = 80;
const YEAR_TARGET = new RegExp(
  `(?:${phraseAlternation(words.targetWords)})\\s+(?:19[4-9]\\d|20\\d\\d)(?!\\d)`,
  'gu',
);

/** True when the day exists in that month of that year. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats a date (and time) as ISO 8601: `2018-07-05T21:31` or `2018-07-05`. */
export function toIso(date: DateParts, time: TimeParts | null = null): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const day = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
  return time ? `${day}T${pad(time.hour)}:${pad(time.minute)}` : day;
}

/** Adds whole days to a date. */
export function addDays(date: DateParts, days: number): DateParts {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function blankAll(text: string, re: RegExp): string {
  return text.replace(re, (m) => ' '.repeat(m.length));
}

/** How long a line holding only a date and its labels can be. */
export const MAX_DATE_LINE = 120;

/**
 * Reads a folded line holding only a date, maybe a time, weekday, counter and words like `Ngày đăng`; the
 * match's offsets are `offset` (where the line stands in the text) on from the line's start.
 */
export function readDateLine(folded: string, offset = 0): DateLineMatch | null {
  if (folded.length > MAX_DATE_LINE) return null;
  let line = folded;
  const d = FULL_DATE.exec(line);
  if (!d) return null;
  const date = { day: Number(d[1]), month: Number(d[3]), year: Number(d[4]) };
  if (!isValidDate(date.year, date.month, date.day)) return null;
  line = blank(line, d.index, d.index + d[0].length);
  let start = d.index;
  let end = d.index + d[0].length;
  let time: TimeParts | null = null;
  const t = TIME.exec(line);
  if (t) {
    let hour = Number(t[1]);
    const half = t[3];
    if ((half === 'pm' || half === 'ch') && hour < 12) hour += 12;
    if ((half === 'am' || half === 'sa') && hour === 12) hour = 0;
    time = { hour, minute: Number(t[2]) };
    line = blank(line, t.index, t.index + t[0].length);
    start = Math.min(start, t.index);
    end = Math.max(end, t.index + t[0].length);
  }
  const weekday = WEEKDAY.exec(line);
  if (weekday) line = blank(line, weekday.index, weekday.index + weekday[0].length);
  line = blankAll(blankAll(line, COUNTER), META_WORDS);
  if (!SEPARATORS_ONLY.test(line)) return null;
  return { date, time, weekday: weekday !== null, start: offset + start, end: offset + end };
}

/** Reads a dateline at `at` in folded text: `Sáng nay (12/6)`, `Chiều 25/3`, `Ngày 5.6.2018`. */
export function readDateline(folded: string, at: number): Dateline | null {
  DATELINE.lastIndex = at;
  const m = DATELINE.exec(folded);
  if (!m) return null;
  const day = Number(m[5]);
  const month = Number(m[7]);
  const year = m[8] ? Number(m[8]) : null;
  if (!isValidDate(year ?? 2000, month, day)) return null;
  // A bare `5.6` could be a decimal: without a year, it takes a time-of-day word, `nay`, `ngày` or brackets.
  const marked = m[1] !== undefined || m[2] !== undefined || m[3] !== undefined || m[4] !== undefined;
  if (year === null && !marked && m[6] !== '/') return null;
  let end = at + m[0].length;
  while (end > at && /\s/u.test(folded[end - 1]!)) end--;
  return { day, month, year, shiftDays: m[2] && YESTERDAY.test(m[2]) ? 1 : 0, start: at, end };
}

/** The first day/month after a time of day between `from` and `to` (`từ sáng sớm 31/1`), lunar dates aside. */
export function findTimedDate(folded: string, from: number, to: number): Dateline | null {
  for (const m of folded.slice(from, to).matchAll(TIMED_DATE)) {
    const day = Number(m[1]);
    const month = Number(m[3]);
    if (isValidDate(2000, month, day)) {
      const start = from + m.index;
      return { day, month, year: null, shiftDays: 0, start, end: start + m[0].length };
    }
  }
  return null;
}

/** Lists the four-digit years (1940–2099) written in folded text. */
export function yearsIn(folded: string): number[] {
  const reviewed: number[] = [];
  const plain = blankAll(
    folded.replace(YEAR_RANGE, (range, at: number) => {
      // The period a conference reviews has ended: `tổng kết … 5 năm (2021-2025)` dates the report.
      if (REVIEW.test(folded.slice(Math.max(0, at - REVIEW_REACH), at)))
        reviewed.push(Number(range.slice(-4)));
      return ' '.repeat(range.length);
    }),
    YEAR_TARGET,
  );
  return [...Array.from(plain.matchAll(YEAR), (m) => Number(m[0])), ...reviewed];
}

/** Context for dating a day/month written without a year. */
export interface YearContext {
  /** The page-visit date at the top of the page, if any. */
  pageDate: DateParts | null;
  /** Years written anywhere in the report. */
  textYears: readonly number[];
  currentYear: number;
  /** No date may be later than this. */
  today?: DateParts;
  /** Days the article may come after `pageDate`: an aggregator's post time is late or early by a day or so. */
  slackDays?: number;
}

/** Dates a day/month without a year: by the page-visit date, else by the largest past year in the text. */
export function inferYear(day: number, month: number, context: YearContext): number | null {
  const page = context.pageDate && addDays(context.pageDate, context.slackDays ?? 0);
  if (page) {
    let year = month > page.month || (month === page.month && day > page.day) ? page.year - 1 : page.year;
    // 29 February needs a leap year; give up after two leap cycles.
    for (let tries = 0; tries < 8 && !isValidDate(year, month, day); tries++) year--;
    return isValidDate(year, month, day) ? year : null;
  }
  const today = context.today;
  const notLater = (y: number): boolean =>
    y < (today?.year ?? context.currentYear + 1) ||
    (today !== undefined &&
      y === today.year &&
      (month < today.month || (month === today.month && day <= today.day)));
  let best: number | null = null;
  for (const y of context.textYears) if (notLater(y) && (best === null || y > best)) best = y;
  return best !== null && isValidDate(best, month, day) ? best : null;
}
