import { FolioError } from '../errors';
import { CodePointIndex } from '../../contract/codepoints';
import { normalizeText } from '../text/decode';
import { filesEnding, utf8, type InputFiles } from './input';
import type { IncomingAnnotation, ReadResult } from './types';

const TEXT_BOUND = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;
const NOTE = /^#\d+\tAnnotatorNotes (\S+)\t(.*)$/;

/**
 * Reads brat standoff: every `<id>.ann` (T lines and AnnotatorNotes) is a report's annotations; the `<id>.txt`
 * beside it, when present, gives each span's exact text. Relations, events and attributes are listed as ignored.
 */
export function readBrat(files: InputFiles): ReadResult {
  const annotations: IncomingAnnotation[] = [];
  const ignored: string[] = [];
  const anns = filesEnding(files, '.ann');
  if (anns.length === 0) throw new FolioError('invalid-input', 'no brat .ann files found');
  for (const [name, bytes] of anns) {
    const reportId = name.slice(0, -'.ann'.length);
    const txt = files.get(`${reportId}.txt`);
    const index = txt ? new CodePointIndex(utf8(`${reportId}.txt`, txt)) : null;
    const byId = new Map<string, IncomingAnnotation>();
    utf8(name, bytes)
      .split(/\r?\n/)
      .forEach((line, i) => {
        const where = `${name}:${i + 1}`;
        if (line.trim() === '') return;
        const span = TEXT_BOUND.exec(line);
        if (span) {
          const [, tid, type, offsets, text] = span as unknown as [string, string, string, string, string];
          const fragments = offsets.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
          const start = fragments[0]![0];
          const end = fragments.at(-1)![1];
          const covered =
            index && end <= index.length ? index.text.slice(index.toUtf16(start), index.toUtf16(end)) : null;
          const annotation: IncomingAnnotation = {
            where,
            reportId,
            start,
            end,
            label: type,
            // A span over line breaks is written as fragments whose text is joined by spaces: only the .txt says what it was.
            text: covered ?? (fragments.length === 1 ? normalizeText(text) : null),
            note: '',
          };
          byId.set(tid, annotation);
          annotations.push(annotation);
          return;
        }
        const note = NOTE.exec(line);
        if (note) {
          const target = byId.get(note[1]!);
          if (!target)
            throw new FolioError(
              'invalid-input',
              `${where}: note on ${note[1]}, which is not a text span before it`,
            );
          target.note = target.note ? `${target.note}\n${note[2]!}` : note[2]!;
          return;
        }
        if (/^[RE*AMN#]\d*\t/.test(line)) {
          ignored.push(
            `${where}: brat ${line[0]} line (relations, events, attributes and normalisations are not imported)`,
          );
          return;
        }
        throw new FolioError(
          'invalid-input',
          `${where}: not a brat standoff line: ${JSON.stringify(line.slice(0, 80))}`,
        );
      });
  }
  return { annotations, metadata: [], ignored };
}
