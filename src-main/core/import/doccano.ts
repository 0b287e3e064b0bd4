import { FolioError } from '../errors';
import { CodePointIndex } from '../../contract/codepoints';
import { normalizeText } from '../text/decode';
import { filesEnding, utf8, type InputFiles } from './input';
import type { IncomingAnnotation, ReadResult } from './types';

interface DoccanoLine {
  report_id?: unknown;
  id?: unknown;
  text?: unknown;
  label?: unknown;
  entities?: unknown;
}

/**
 * Reads doccano sequence-labelling JSONL: `text` with `label: [[start, end, "Label"], …]` (or doccano's newer
 * `entities` objects). A line names its report by `report_id` (or a string `id`); a line without either is
 * matched to the report whose text it is (`reportIdOfText`).
 */
export function readDoccano(files: InputFiles, reportIdOfText: (text: string) => string | null): ReadResult {
  const jsonl = filesEnding(files, '.jsonl');
  if (jsonl.length === 0) throw new FolioError('invalid-input', 'no doccano .jsonl file found');
  const annotations: IncomingAnnotation[] = [];
  const ignored: string[] = [];
  for (const [name, bytes] of jsonl) {
    utf8(name, bytes)
      .split(/\r?\n/)
      .forEach((raw, i) => {
        const where = `${name}:${i + 1}`;
        if (raw.trim() === '') return;
        const line = parseLine(raw, where);
        if (typeof line.text !== 'string')
          throw new FolioError('invalid-input', `${where}: no "text" string`);
        const text = line.text;
        const reportId =
          typeof line.report_id === 'string'
            ? line.report_id
            : typeof line.id === 'string'
              ? line.id
              : reportIdOfText(normalizeText(text));
        const spans = spansOf(line, where);
        if (reportId === null) {
          ignored.push(
            `${where}: ${spans.length} span(s) on a text that is no report of this corpus and has no report_id`,
          );
          return;
        }
        const index = new CodePointIndex(text);
        for (const [start, end, label] of spans) {
          const inside = start >= 0 && end <= index.length && start < end;
          annotations.push({
            where,
            reportId,
            start,
            end,
            label,
            text: inside ? normalizeText(index.text.slice(index.toUtf16(start), index.toUtf16(end))) : null,
            note: '',
          });
        }
      });
  }
  return { annotations, metadata: [], ignored };
}

function parseLine(raw: string, where: string): DoccanoLine {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as DoccanoLine;
  } catch (error) {
    throw new FolioError('invalid-input', `${where}: not valid JSON (${(error as Error).message})`);
  }
  throw new FolioError('invalid-input', `${where}: not a JSON object`);
}

function spansOf(line: DoccanoLine, where: string): Array<[number, number, string]> {
  const raw = line.label ?? line.entities ?? [];
  if (!Array.isArray(raw)) throw new FolioError('invalid-input', `${where}: "label" is not a list`);
  return raw.map((item: unknown, n): [number, number, string] => {
    const span = Array.isArray(item)
      ? item
      : item && typeof item === 'object'
        ? [
            (item as Record<string, unknown>).start_offset,
            (item as Record<string, unknown>).end_offset,
            (item as Record<string, unknown>).label,
          ]
        : [];
    const [start, end, label] = span as unknown[];
    if (!Number.isInteger(start) || !Number.isInteger(end) || typeof label !== 'string') {
      throw new FolioError(
        'invalid-input',
        `${where}: span ${n + 1} is not [start, end, "Label"]: ${JSON.stringify(item)}`,
      );
    }
    return [start as number, end as number, label];
  });
}
