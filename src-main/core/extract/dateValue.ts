import monthNames from '../../../resources/extract/months.json';
import { isValidDate, readDateLine } from './dates';
import type { DateParts, TimeParts } from './dates';
import { foldText, phraseAlternation } from './fold';

/** A date read from a header value or a URL, with its time when one was written. */
export interface DateValue {
  date: DateParts;
  time: TimeParts | null;
}

const MONTHS: ReadonlyMap<string, number> = new Map(Object.entries(monthNames.months));

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?/u;
// RFC 2822 as feeds write it, and as scrapers mangle it (`13 00 00` for `13:00:00`).
const NAMED_MONTH = /(?<![\p{L}\d])(\d{1,2})\.?\s+(\p{L}{3,10})\.?,?\s+(\d{4})(?:\s+(\d{1,2})[:\s](\d{2}))?/u;
const MONTH_FIRST = /(?<![\p{L}\d])(\p{L}{3,10})\.?\s+(\d{1,2}),?\s+(\d{4})/u;
const [DAY, MONTH, YEAR] = ['ngày', 'tháng', 'năm'].map((w) => phraseAlternation([w]));
const VIETNAMESE = new RegExp(
  `${DAY}\\s+(\\d{1,2})\\s+${MONTH}\\s+(\\d{1,2})(?:\\s*,)?\\s+${YEAR}\\s+(\\d{4})`,
  'u',
);

function make(year: number, month: number, day: number, hour?: string, minute?: string): DateValue | null {
  if (!isValidDate(year, month, day)) return null;
  const time =
    hour !== undefined && minute !== undefined ? { hour: Number(hour), minute: Number(minute) } : null;
  if (time && (time.hour > 23 || time.minute > 59)) return { date: { year, month, day }, time: null };
  return { date: { year, month, day }, time };
}

/**
 * Reads a date written as a header value: ISO 8601, compact `20201218`, RFC 2822 (`Mon, 02 Sep 2024
 * 11:00:00 +0700`), Vietnamese (`Thứ tư, 7/2/2024, 23:41 (GMT+7)`, `ngày 7 tháng 2 năm 2024`), or a
 * month name in English, German or French. Null when the value is not a date (`N/A`).
 */
export function parseDateValue(raw: string): DateValue | null {
  const text = raw.trim();
  let m = ISO.exec(text) ?? COMPACT.exec(text);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]);
  const folded = foldText(text);
  const line = readDateLine(folded);
  if (line) return { date: line.date, time: line.time };
  m = VIETNAMESE.exec(folded);
  if (m) return make(Number(m[3]), Number(m[2]), Number(m[1]));
  m = NAMED_MONTH.exec(folded);
  if (m && MONTHS.has(m[2]!)) return make(Number(m[3]), MONTHS.get(m[2]!)!, Number(m[1]), m[4], m[5]);
  m = MONTH_FIRST.exec(folded);
  if (m && MONTHS.has(m[1]!)) return make(Number(m[3]), MONTHS.get(m[1]!)!, Number(m[2]));
  return null;
}

const PATH_DATE = /\/(20\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/-])/u;
// Article ids that start with the publication time: `…-20240714193116682.htm` (Dân trí, VnExpress).
const ID_DATE = /[-/](20\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\d{2,}\.html?$/u;

/** A date written in a URL's path (`/2024/07/19/`, `/2024/7/31/`, `…-20240714193116682.htm`). */
export function dateInUrl(url: string): DateValue | null {
  let m = ID_DATE.exec(url);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]);
  m = PATH_DATE.exec(url);
  return m ? make(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** True when `a` is later than `b`. */
export function isAfter(a: DateParts, b: DateParts): boolean {
  return a.year !== b.year ? a.year > b.year : a.month !== b.month ? a.month > b.month : a.day > b.day;
}
