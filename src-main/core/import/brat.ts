import { FolioError } from '../errors';
import { CodePointIndex } from '../../contract/codepoints';
import { sliceCodePoints as slice } from '../export/spans';
import { normalizeText } from '../text/decode';
import { filesEnding, utf8, type InputFiles } from './input';
import type { IncomingAnnotation, ReadResult } from './types';

const TEXT_BOUND = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;
const NOTE = /^#\d+\tAnnotatorNotes (\S+)\t(.*)$/;
/** What brat puts between the texts of a span's fragments on its T line. */
const FRAGMENT_SEPARATOR = ' ';

/**
 * Reads brat standoff: every `<id>.ann` (T lines and AnnotatorNotes, in any order, as brat takes them) is a
 * report's annotations. With the `<id>.txt` beside it, every span must cover the text its line gives (brat
 * refuses such a file too). A span in fragments is taken as one span when only line breaks lie between them
 * (how Folio writes a span across lines), and refused otherwise: Folio has no discontinuous spans. Relations,
 * events and attributes are listed as ignored.
 */
export function readBrat(files: InputFiles): ReadResult {
  const annotations: IncomingAnnotation[] = [];
  const ignored: string[] = [];
  const reports: string[] = [];
  const anns = filesEnding(files, '.ann');
  if (anns.length === 0) throw new FolioError('invalid-input', 'no brat .ann files found');
  for (const [name, bytes] of anns) {
    const reportId = name.slice(0, -'.ann'.length);
    reports.push(reportId);
    const txtName = `${reportId}.txt`;
    const txt = files.get(txtName);
    const text = txt ? { name: txtName, index: new CodePointIndex(utf8(txtName, txt)) } : null;
    const spans = new Map<string, IncomingAnnotation>();
    const lineOf = new Map<string, number>();
    const notes: Array<{ target: string; note: string; where: string }> = [];
    utf8(name, bytes)
      .split(/\r?\n/)
      .forEach((line, i) => {
        const where = `${name}:${i + 1}`;
        if (line.trim() === '') return;
        const span = TEXT_BOUND.exec(line);
        if (span) {
          const [, tid, type, offsets, written] = span as unknown as [string, string, string, string, string];
          const earlier = lineOf.get(tid);
          if (earlier)
            throw new FolioError(
              'invalid-input',
              `${where}: ${tid} is given twice (first on line ${earlier})`,
            );
          const fragments = offsets.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
          const annotation: IncomingAnnotation = {
            where,
            reportId,
            start: fragments[0]![0],
            end: fragments.at(-1)![1],
            label: type,
            text: null,
            note: '',
            localId: tid,
          };
          if (text) annotation.text = spanText(text, fragments, written, `${where}: ${tid}`);
          else {
            annotation.text = writtenText(fragments, written, `${where}: ${tid}`);
            if (fragments.length > 1) annotation.fragments = fragments;
          }
          spans.set(tid, annotation);
          lineOf.set(tid, i + 1);
          return;
        }
        const note = NOTE.exec(line);
        if (note) {
          notes.push({ target: note[1]!, note: note[2]!, where });
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
    // Notes are attached once every T line is read: brat takes a note written before its span.
    for (const { target, note, where } of notes) {
      const span = spans.get(target);
      if (!span)
        throw new FolioError(
          'invalid-input',
          `${where}: note on ${target}, which is no text span of ${name}`,
        );
      span.note = span.note ? `${span.note}\n${note}` : note;
    }
    annotations.push(...spans.values());
  }
  return { annotations, metadata: [], ignored, reports };
}

/**
 * The text a span covers in the `.txt` beside its `.ann`, checked as brat checks it: every fragment inside the
 * text, the line's text equal to the fragments' texts joined by a space, and (Folio's own rule) only line
 * breaks between fragments.
 */
function spanText(
  text: { name: string; index: CodePointIndex },
  fragments: ReadonlyArray<[number, number]>,
  written: string,
  where: string,
): string {
  const { index } = text;
  for (const [start, end] of fragments) {
    if (start > end)
      throw new FolioError('invalid-input', `${where}: a fragment starts at ${start}, after its end ${end}`);
    if (end > index.length) {
      throw new FolioError(
        'invalid-input',
        `${where}: offsets ${start}-${end} run past the end of ${text.name} (${index.length} characters)`,
      );
    }
  }
  const pieces = fragments.map(([start, end]) => slice(index, start, end)).join(FRAGMENT_SEPARATOR);
  const rest = written.slice(pieces.length);
  // brat fills in an empty text from the document, and allows a tail after the text that starts with a space.
  if (written !== '' && !(written.startsWith(pieces) && (rest === '' || /^\s/.test(rest)))) {
    throw new FolioError(
      'invalid-input',
      `${where}: the line gives the text ${JSON.stringify(written)}, but ${text.name} has ${JSON.stringify(pieces)} at ${fragments
        .map((f) => f.join('-'))
        .join(', ')} (brat refuses this line too)`,
    );
  }
  checkFragments(index, fragments, where);
  return slice(index, fragments[0]![0], fragments.at(-1)![1]);
}

/**
 * The text a span's line gives, without the `.txt` to check it against: one fragment's text as it is; the
 * texts of several put back together as Folio writes a span across lines, with line breaks between them,
 * so the span is placed only where the report's text has exactly that.
 */
function writtenText(
  fragments: ReadonlyArray<[number, number]>,
  written: string,
  where: string,
): string | null {
  if (fragments.length === 1) return written === '' ? null : normalizeText(written);
  const chars = [...written];
  let joined = '';
  let at = 0;
  fragments.forEach(([start, end], k) => {
    if (k > 0) joined += '\n'.repeat(Math.max(0, start - fragments[k - 1]![1]));
    joined += chars.slice(at, at + end - start).join('');
    at += end - start + FRAGMENT_SEPARATOR.length;
  });
  if (at - FRAGMENT_SEPARATOR.length > chars.length) {
    throw new FolioError(
      'invalid-input',
      `${where}: the line's text ${JSON.stringify(written)} is shorter than its fragments`,
    );
  }
  return normalizeText(joined);
}

/**
 * Refuses a span in fragments with anything but line breaks between them: storing it as one span would mark
 * words the annotator left out, and splitting it would make several annotations of one.
 */
export function checkFragments(
  index: CodePointIndex,
  fragments: ReadonlyArray<[number, number]>,
  where: string,
): void {
  for (let k = 1; k < fragments.length; k++) {
    const from = fragments[k - 1]![1];
    const to = fragments[k]![0];
    const gap = to >= from ? slice(index, from, to) : null;
    if (gap === null || !/^\n+$/.test(gap)) {
      throw new FolioError(
        'invalid-input',
        `${where}: a discontinuous span (${fragments.map((f) => f.join(' ')).join(';')}) ${
          gap === null ? 'with fragments out of order' : `that leaves out ${JSON.stringify(gap)}`
        }; a Folio annotation is one continuous span, so make it one span, or one span per part, and import again`,
      );
    }
  }
}
