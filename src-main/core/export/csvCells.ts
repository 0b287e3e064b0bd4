import { FolioError } from '../errors';
import type { MetadataField } from '../store/schema';

// Lists read as "a; b" and people as "Name, role; Name" in a spreadsheet; a value that this plain form would
// not give back exactly is written as JSON instead, so export and import agree on every value.

/** A metadata value as a spreadsheet cell holds it: text, a whole number, or nothing. */
export type CellValue = string | number | null;

/** The cell value of a metadata value: lists as their spreadsheet text, other values as they are. */
export function cellValue(field: MetadataField, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (field === 'references' || field === 'people') {
    const plain = plainList(field, value);
    return JSON.stringify(parsePlainList(field, plain)) === JSON.stringify(value)
      ? plain
      : JSON.stringify(value);
  }
  return typeof value === 'number' ? value : String(value);
}

/** The spreadsheet text of a metadata value. */
export function formatCell(field: MetadataField, value: unknown): string {
  return String(cellValue(field, value) ?? '');
}

// A spreadsheet runs a cell that begins with one of these as a formula (OWASP's list for CSV injection):
// LibreOffice turns `=2*3` into 6 and `=HYPERLINK(…)` into a live link, Excel also runs `+`, `-` and `@`.
const FORMULA_START = /^[=+\-@\t\r]/u;
// The apostrophe that `textCell` adds: one before a formula character or before another apostrophe.
const ADDED_APOSTROPHE = /^'['=+\-@\t\r]/u;

/**
 * The cell text of a value, written so that no spreadsheet runs it: a value that begins with a formula
 * character gets a leading apostrophe, the usual rule (LibreOffice shows it, Excel hides it; both keep text).
 * An apostrophe the user typed stays as it is, except when a formula character or another apostrophe follows
 * it: then one more is added, so that `plainCell`, which takes one off exactly there, gives back every value.
 */
export function textCell(value: string): string {
  return FORMULA_START.test(value) || ADDED_APOSTROPHE.test(value) ? `'${value}` : value;
}

/** The value of a cell that `textCell` wrote: the apostrophe before a formula character or apostrophe taken off. */
export function plainCell(text: string): string {
  return ADDED_APOSTROPHE.test(text) ? text.slice(1) : text;
}

// Spreadsheets write an ISO date and time back in their own spelling: LibreOffice turns `2018-07-05T21:31` into
// `2018-07-05 21:31:00` (7.4 keeps the `T`: `2018-07-05T21:31:00`). The same minute goes back to Folio's form;
// anything else is left for the field's check, which refuses it naming the row (`05/07/2018`: May or July?).
const SPREADSHEET_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?$/u;

function publishedValue(text: string): string {
  const written = SPREADSHEET_DATE_TIME.exec(text);
  if (!written) return text;
  const [, day, minute, second] = written;
  return `${day}T${minute}${second === undefined || second === '00' ? '' : `:${second}`}`;
}

/** The metadata value of a spreadsheet cell; `where` (file, row, column) names the cell in errors. */
export function parseCell(field: MetadataField, text: string, where: string): unknown {
  if (field === 'references' || field === 'people') {
    if (!/^\s*[[{]/.test(text)) return parsePlainList(field, text);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new FolioError(
        'invalid-input',
        `${where}: looks like JSON but does not parse (${(error as Error).message})`,
      );
    }
  }
  if (text === '') return null;
  if (field === 'published') return publishedValue(text);
  if (field !== 'viewCount') return text;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 0) {
    throw new FolioError('invalid-input', `${where}: view count must be a whole number, not "${text}"`);
  }
  return count;
}

function plainList(field: 'references' | 'people', value: unknown): string {
  if (!Array.isArray(value)) return JSON.stringify(value);
  if (field === 'references') return value.map(String).join('; ');
  return value
    .map((person: { name?: unknown; role?: unknown }) =>
      person.role === null || person.role === undefined
        ? String(person.name)
        : `${String(person.name)}, ${String(person.role)}`,
    )
    .join('; ');
}

function parsePlainList(field: 'references' | 'people', text: string): unknown[] {
  const items = text.trim() === '' ? [] : text.trim().split(/\s*;\s*/);
  if (field === 'references') return items;
  return items.map((item) => {
    const comma = item.indexOf(',');
    return comma < 0
      ? { name: item, role: null }
      : { name: item.slice(0, comma).trim(), role: item.slice(comma + 1).trim() };
  });
}
