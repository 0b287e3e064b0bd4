import { unzipSync, zipSync, type Zippable } from 'fflate';
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { FolioError } from '../errors';
import { isValidDate } from '../extract/dates';
import { ANNOTATION_COLUMNS, annotationRows, REPORT_COLUMNS, reportRow } from './csv';
import type { CellValue } from './csvCells';
import { checkSpans } from './spans';
import type { ExportDocument, FormatContext, FormatWriter, OutputFile } from './types';

/** The workbook: a sheet of reports and a sheet of annotations, with the columns of the csv export. */
export const WORKBOOK_XLSX = 'reports.xlsx';

// `published` as Folio stores it: a day, maybe a minute, maybe a second.
const PUBLISHED = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/u;

/** A date cell for an ISO value, shown as it is written; null when it names no real moment. */
function dateCell(value: string): Cell {
  const parts = PUBLISHED.exec(value);
  if (!parts) return null;
  const at = (group: number): number => Number(parts[group] ?? 0);
  if (!isValidDate(at(1), at(2), at(3)) || at(4) > 23 || at(5) > 59 || at(6) > 59) return null;
  // Folio's times carry no zone: the sheet shows the wall-clock time written, whatever this machine's zone.
  const date = new Date(Date.UTC(at(1), at(2) - 1, at(3), at(4), at(5), at(6)));
  const format = parts[6] ? 'yyyy-mm-dd hh:mm:ss' : parts[4] ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
  return { value: date, type: Date, format };
}

// What one sheet and one cell can hold (Excel's limits; LibreOffice's are no smaller).
const MAX_ROWS = 1_048_576;
const MAX_CELL_CHARS = 32_767;
// Characters XML 1.0 cannot carry (write-excel-file drops them) and the CR every XML reader reads as LF.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const LOST_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uFFFE\uFFFF]/u;

/**
 * The sheet cell of a value. Text cells are typed text in the "@" (text) format: never a formula, whatever
 * they begin with, and a spreadsheet keeps what is typed into them later as text too.
 */
function sheetCell(context: FormatContext, where: string, column: string, value: CellValue): Cell {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return { value, type: Number };
  if (column === 'published') {
    const date = dateCell(value);
    if (date) return date;
  }
  if (value.length > MAX_CELL_CHARS) {
    throw new FolioError(
      'invalid-input',
      `${WORKBOOK_XLSX}: ${where}, column "${column}" holds ${value.length} characters, more than the ${MAX_CELL_CHARS} a spreadsheet cell can; export as csv instead; nothing was exported`,
    );
  }
  if (LOST_IN_XML.test(value)) {
    context.warn(
      `${WORKBOOK_XLSX}: ${where}, column "${column}": control characters an XLSX cell cannot hold were left out (a CR reads as LF); the csv export keeps them`,
    );
  }
  return { value, type: String, format: '@' };
}

function addRow(sheet: Row[], name: string, row: Row): void {
  if (sheet.length === MAX_ROWS) {
    throw new FolioError(
      'invalid-input',
      `${WORKBOOK_XLSX}: more than ${MAX_ROWS - 1} ${name}, the most one spreadsheet sheet can hold; export fewer reports or as csv; nothing was exported`,
    );
  }
  sheet.push(row);
}

// write-excel-file stamps each part of the workbook (a zip) with the time it ran; the export time instead makes
// the same export give the same bytes, as every other format does.
function stamped(workbook: Uint8Array, mtime: Date): Uint8Array {
  const parts: Zippable = {};
  for (const [name, bytes] of Object.entries(unzipSync(workbook))) parts[name] = [bytes, { mtime }];
  return zipSync(parts, { level: 6 });
}

function header(columns: readonly string[]): Row {
  return columns.map((column) => ({ value: column, type: String, fontWeight: 'bold' as const }));
}

/**
 * XLSX for spreadsheets: `reports.xlsx` with a "reports" sheet and an "annotations" sheet, the columns of the
 * csv export, cells typed (text as text, dates as dates, counts and offsets as numbers). Nothing needs a
 * leading apostrophe here, so `rawCells` changes nothing.
 */
export function xlsxWriter(context: FormatContext): FormatWriter {
  const reports: Row[] = [header(REPORT_COLUMNS)];
  const annotations: Row[] = [header(ANNOTATION_COLUMNS)];
  return {
    report(doc: ExportDocument): OutputFile[] {
      checkSpans(`${WORKBOOK_XLSX}: report "${doc.id}"`, doc.text, doc.spans);
      const where = `report "${doc.id}"`;
      const cells = (place: string, columns: readonly string[], values: CellValue[]): Row =>
        values.map((value, i) => sheetCell(context, place, columns[i]!, value));
      addRow(reports, 'reports', cells(where, REPORT_COLUMNS, reportRow(doc)));
      for (const [i, values] of annotationRows(doc).entries()) {
        const span = `${where}, annotation "${doc.spans[i]!.id}"`;
        addRow(annotations, 'annotations', cells(span, ANNOTATION_COLUMNS, values));
      }
      return [];
    },
    async end(): Promise<OutputFile[]> {
      const workbook = await writeExcelFile([
        { data: reports, sheet: 'reports', stickyRowsCount: 1 },
        { data: annotations, sheet: 'annotations', stickyRowsCount: 1 },
      ]).toBuffer();
      return [{ path: WORKBOOK_XLSX, content: stamped(workbook, new Date(context.exportedAt)) }];
    },
  };
}
