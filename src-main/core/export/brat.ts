import type { Label } from '../store/schema';
import { bratLabelNames } from './bratLabels';
import { checkSpans } from './spans';
import type { ExportDocument, ExportSpan, FormatContext, FormatWriter } from './types';

/**
 * brat standoff: `<id>.txt` and `<id>.ann` per report (T lines, `#` AnnotatorNotes), with `annotation.conf`
 * and `visual.conf` declaring the corpus's labels under brat-safe names.
 */
export function bratWriter(context: FormatContext): FormatWriter {
  // A label no longer in the corpus's set still gets a type, declared after the set's own.
  const labels = [...context.labels];
  let names = bratLabelNames(labels);
  const typeOf = (label: string): string => {
    if (!names.has(label)) {
      labels.push({ name: label, color: '', key: null });
      names = bratLabelNames(labels);
    }
    return names.get(label)!;
  };
  return {
    end: () => [
      { path: 'annotation.conf', content: annotationConf([...names.values()]) },
      { path: 'visual.conf', content: visualConf(labels, names) },
    ],
    report(doc: ExportDocument) {
      checkSpans(`${doc.id}.ann`, doc.text, doc.spans);
      const lines: string[] = [];
      doc.spans.forEach((span, i) => {
        const t = bratSpanId(i);
        const fragments = fragmentsOf(span);
        lines.push(
          `${t}\t${typeOf(span.label)} ${fragments.map((f) => `${f.start} ${f.end}`).join(';')}\t${fragments
            .map((f) => f.text)
            .join(' ')}`,
        );
        if (span.note === '') return;
        const note = bratNote(span.note);
        if (note !== span.note) {
          context.warn(
            `${doc.id}.ann: the note on ${t} had line breaks or tabs, written as spaces (brat notes are one line)`,
          );
        }
        lines.push(`#${i + 1}\tAnnotatorNotes ${t}\t${note}`);
      });
      return [
        { path: `${doc.id}.txt`, content: doc.text },
        { path: `${doc.id}.ann`, content: lines.map((line) => `${line}\n`).join('') },
      ];
    },
  };
}

/** The T id the brat export gives a report's `index`-th span (in export order): `T1`, `T2`, … */
export function bratSpanId(index: number): string {
  return `T${index + 1}`;
}

/** A note as a brat `.ann` holds it: one line, tabs and line breaks written as spaces. */
export function bratNote(note: string): string {
  return note.replace(/[\t\n\r]+/g, ' ');
}

/** brat cannot show a span across a line break: such a span becomes fragments, one per line. */
function fragmentsOf(span: ExportSpan): Array<{ start: number; end: number; text: string }> {
  const fragments: Array<{ start: number; end: number; text: string }> = [];
  let offset = span.start;
  for (const piece of span.text.split('\n')) {
    const length = [...piece].length;
    if (length > 0) fragments.push({ start: offset, end: offset + length, text: piece });
    offset += length + 1;
  }
  return fragments;
}

function annotationConf(types: string[]): string {
  return [
    '# Entity types of this Folio export; brat-safe forms of the corpus labels (see visual.conf).',
    '[entities]',
    ...types,
    '',
    '[relations]',
    '# Folio annotations may overlap.',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    '',
  ].join('\n');
}

function visualConf(labels: readonly Label[], names: Map<string, string>): string {
  const shown = labels.map((label) => `${names.get(label.name)} | ${label.name}`);
  const drawing = labels
    .filter((label) => /^#[0-9a-f]{6}$/i.test(label.color))
    .map((label) => `${names.get(label.name)}\tbgColor:${label.color}`);
  return ['[labels]', ...shown, '', '[drawing]', ...drawing, ''].join('\n');
}
