import type { Label, ReportDetail } from '../../src-main/contract/operations';
import { CodePointIndex } from '../../src-main/contract/codepoints';
import type { Highlight } from './editor/highlights';

/** The highlights of a report's text: annotations in their label's colour, debris, captions (UTF-16 offsets). */
export function highlightsOf(report: ReportDetail, labels: Label[]): Highlight[] {
  const index = new CodePointIndex(report.text);
  const span = (start: number, end: number) => ({ start: index.toUtf16(start), end: index.toUtf16(end) });
  const colour = new Map(labels.map((label) => [label.name, label.color]));
  return [
    ...report.debris.map((d) => ({
      ...span(d.start, d.end),
      className: 'debris',
      attributes: { 'data-debris': d.kind },
    })),
    ...report.captions.map((c) => ({ ...span(c.start, c.end), className: 'caption' })),
    ...report.annotations
      .filter((a) => !a.orphaned)
      .map((a) => ({
        ...span(a.start, a.end),
        className: 'annotation',
        attributes: {
          'data-annotation': a.id,
          'data-label': a.label,
          style: `--label-colour: ${colour.get(a.label) ?? '#888'}`,
          title: a.note ? `${a.label}: ${a.note}` : a.label,
        },
      })),
  ];
}
