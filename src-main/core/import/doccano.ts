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
 * `entities` objects), offsets in UTF-16 code units as doccano counts them, turned into code points. A line
 * names its report by `report_id` (or a string `id`); a line without either is matched to the report whose text
 * it is (`reportIdOfText`). Throws a `FolioError` naming file and line when a span does not fit its text.
 */
export function readDoccano(files: InputFiles, reportIdOfText: (text: string) => string | null): ReadResult {
  const jsonl = filesEnding(files, '.jsonl');
  if (jsonl.length === 0) throw new FolioError('invalid-input', 'no doccano .jsonl file found');
  const annotations: IncomingAnnotation[] = [];
  const ignored: string[] = [];
  // Every report the file names, spans or none: one left with no spans had them all deleted in doccano.
  const reports: string[] = [];
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
        const spans = spansOf(line, text, where);
        if (reportId === null) {
          ignored.push(
            `${where}: ${spans.length} span(s) on a text that is no report of this corpus and has no report_id`,
          );
          return;
        }
        reports.push(reportId);
        const index = new CodePointIndex(text);
        for (const [start, end, label] of spans) {
          annotations.push({
            where,
            reportId,
            start: index.toCodePoint(start),
            end: index.toCodePoint(end),
            label,
            text: normalizeText(text.slice(start, end)),
            note: '',
          });
        }
      });
  }
  return { annotations, metadata: [], ignored, reports };
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

/**
 * The spans of a line as `[start, end, label]` in UTF-16 code units, the unit doccano's annotation view counts
 * in; refuses, naming the line, any span that does not fit `text`.
 */
function spansOf(line: DoccanoLine, text: string, where: string): Array<[number, number, string]> {
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
    const refuse = (why: string) =>
      new FolioError(
        'invalid-input',
        `${where}: span ${n + 1} ${JSON.stringify(item)} ${why}; nothing was imported`,
      );
    const [start, end, label] = span as unknown[];
    if (
      span.length !== 3 ||
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      typeof label !== 'string' ||
      label === ''
    ) {
      throw refuse('is not [start, end, "Label"]');
    }
    const [from, to] = [start as number, end as number];
    if (from < 0 || to > text.length) throw refuse(`lies outside the text (0-${text.length} UTF-16 units)`);
    if (from >= to) throw refuse('does not start before it ends');
    const split = [from, to].find((offset) => splitsSurrogatePair(text, offset));
    if (split !== undefined) {
      throw refuse(`splits the character ${JSON.stringify(text.slice(split - 1, split + 1))} at ${split}`);
    }
    return [from, to, label];
  });
}

/** Whether a UTF-16 offset falls between the two halves of an astral character. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
