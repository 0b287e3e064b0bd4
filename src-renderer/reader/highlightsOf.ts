import type { AnnotationDto, Label, ReportDetail } from '../../src-main/contract/operations';
import { CodePointIndex } from '../../src-main/contract/codepoints';
import { layersOf } from './annotationLayers';
import type { Highlight } from './editor/highlights';

/** How many annotations over one stretch get a band of their own; more are still listed in its tooltip. */
const MAX_BANDS = 4;

/** What the highlights need to know beyond the report: the labels, their shown names, the current one. */
export interface HighlightOptions {
  labels: Label[];
  labelName: (label: string) => string;
  currentId: string | null;
}

/**
 * The highlights of a report's text (UTF-16 offsets): debris, captions, and annotations cut where they
 * overlap, each stretch showing a band per annotation over it, the innermost tinting it, and the label
 * names where annotations begin.
 */
export function highlightsOf(report: ReportDetail, options: HighlightOptions): Highlight[] {
  const index = new CodePointIndex(report.text);
  const span = (start: number, end: number) => ({ start: index.toUtf16(start), end: index.toUtf16(end) });
  const colour = new Map(options.labels.map((label) => [label.name, label.color]));
  const colourOf = (a: AnnotationDto) => colour.get(a.label) ?? '#888';
  const drawn = report.annotations.filter((a) => !a.orphaned).map((a) => ({ ...a, ...span(a.start, a.end) }));
  return [
    ...report.debris.map((d) => ({
      ...span(d.start, d.end),
      className: 'debris',
      attributes: { 'data-debris': d.kind },
    })),
    ...report.captions.map((c) => ({ ...span(c.start, c.end), className: 'caption' })),
    ...layersOf(drawn).map(({ start, end, covering, starting }) => {
      const inner = covering.at(-1)!;
      const bands = covering.slice(0, MAX_BANDS).map((a, i) => `--band-${i}: ${colourOf(a)}`);
      const current = covering.some((a) => a.id === options.currentId);
      return {
        start,
        end,
        className: `annotation${current ? ' current' : ''}`,
        attributes: {
          'data-annotation': inner.id,
          'data-label': inner.label,
          'data-annotations': covering.map((a) => a.id).join(' '),
          'data-depth': String(Math.min(covering.length, MAX_BANDS)),
          style: [`--label-colour: ${colourOf(inner)}`, ...bands].join('; '),
          title: covering
            .map((a) => `${options.labelName(a.label)}: ${a.quote}${a.note ? ` — ${a.note}` : ''}`)
            .join('\n'),
        },
        ...(starting.length > 0 && {
          startAttributes: { 'data-tag': starting.map((a) => options.labelName(a.label)).join(' · ') },
        }),
      };
    }),
  ];
}
