import { FolioError } from '../errors';
import type { MetadataField } from '../store/schema';

// Lists read as "a; b" and people as "Name, role; Name" in a spreadsheet; a value that this plain form would
// not give back exactly is written as JSON instead, so export and import agree on every value.

/** The spreadsheet text of a metadata value. */
export function formatCell(field: MetadataField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field !== 'references' && field !== 'people') return String(value);
  const plain = plainList(field, value);
  return JSON.stringify(parsePlainList(field, plain)) === JSON.stringify(value)
    ? plain
    : JSON.stringify(value);
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
