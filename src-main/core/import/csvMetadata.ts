import { parse } from 'csv-parse/sync';
import { FolioError } from '../errors';
import { parseCell, plainCell } from '../export/csvCells';
import { METADATA_FIELDS, type MetadataField } from '../store/schema';
import { filesEnding, utf8, type InputFiles } from './input';
import type { IncomingMetadata, ReadResult } from './types';

/** The file taken from a folder or zip, as Folio's csv export names it. */
const PREFERRED = 'reports.csv';

/**
 * Reads metadata corrections from a CSV: an `id` column names the report, columns named after metadata fields
 * give values (lists as "a; b", people as "Name, role; Name", or JSON); other columns are listed as ignored.
 * The apostrophe the csv export puts before a formula character is taken off (`plainCell`), and dates come back
 * from a spreadsheet's spelling (`2018-07-05 21:31:00`) to Folio's (`parseCell`).
 */
export function readCsvMetadata(files: InputFiles): ReadResult {
  const csvs = filesEnding(files, '.csv');
  const chosen = csvs.find(([name]) => name === PREFERRED) ?? (csvs.length === 1 ? csvs[0] : undefined);
  if (!chosen) {
    throw new FolioError(
      'invalid-input',
      csvs.length
        ? `several CSV files (${csvs.map(([n]) => n).join(', ')}); name the one to import`
        : 'no .csv file found',
    );
  }
  const [name, bytes] = chosen;
  let rows: string[][];
  try {
    rows = parse(utf8(name, bytes), { bom: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    if (error instanceof FolioError) throw error;
    throw new FolioError('invalid-input', `${name}: not a readable CSV file (${(error as Error).message})`);
  }
  const [header, ...records] = rows;
  const idColumn = header?.findIndex((column) => column.trim().toLowerCase() === 'id') ?? -1;
  if (!header || idColumn < 0)
    throw new FolioError('invalid-input', `${name}: no "id" column in the first row`);
  const fields = header
    .map((column) => column.trim())
    .map((column) =>
      (METADATA_FIELDS as readonly string[]).includes(column) ? (column as MetadataField) : null,
    );
  const ignored = header
    .filter((column, i) => i !== idColumn && fields[i] === null)
    .map((column) => `${name}: column "${column}" is not a metadata field; not imported`);
  const metadata: IncomingMetadata[] = [];
  records.forEach((written, r) => {
    const record = written.map(plainCell);
    const reportId = record[idColumn] ?? '';
    fields.forEach((field, c) => {
      if (field === null) return;
      const where = `${name}: row ${r + 2}, column "${field}"`;
      metadata.push({ where, reportId, field, value: parseCell(field, record[c] ?? '', where) });
    });
  });
  return { annotations: [], metadata, ignored };
}
