import type { AnnotationDto, ChangeDto, ReportDetail } from '../../contract/types';
import { extractMetadata } from '../extract';
import { CodePointIndex } from '../../contract/codepoints';
import { sliceCodePoints } from './spans';
import type { ExportDocument, ExportSpan, LeftOutCause, TextVersion } from './types';

/** An annotation that cannot be placed on the exported text, with the reason. */
export interface UnplacedAnnotation {
  annotation: AnnotationDto;
  cause: LeftOutCause;
  reason: string;
}

/** Why an annotation has no place in the exported text at all, whatever the format. */
type Unplaced = Extract<LeftOutCause, 'orphaned' | 'inserted'>;

const UNPLACED: Record<Unplaced, string> = {
  orphaned: 'its words were deleted from the text (orphaned)',
  inserted: 'it lies on text the editor inserted, which the original does not have',
};

/**
 * The export form of a report: the chosen text and its annotations as spans on that text, sorted by position
 * (then label, note and id, so exports do not depend on annotation ids); the ones that cannot be placed are
 * returned beside it.
 */
export function exportDocument(
  report: ReportDetail,
  version: TextVersion,
): { doc: ExportDocument; unplaced: UnplacedAnnotation[] } {
  const text = version === 'corrected' ? report.text : report.original;
  const index = new CodePointIndex(text);
  const spans: ExportSpan[] = [];
  const unplaced: UnplacedAnnotation[] = [];
  for (const annotation of report.annotations) {
    const placed = place(annotation, version, index, report.changes);
    if (typeof placed === 'string') unplaced.push({ annotation, cause: placed, reason: UNPLACED[placed] });
    else spans.push(placed);
  }
  spans.sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      compare(a.label, b.label) ||
      compare(a.note, b.note) ||
      compare(a.id, b.id),
  );
  let debris: Array<{ start: number; end: number }> | null = null;
  const doc: ExportDocument = {
    id: report.id,
    text,
    version,
    spans,
    report,
    debris: () => (debris ??= debrisOn(report, version, index)),
  };
  return { doc, unplaced };
}

function place(
  annotation: AnnotationDto,
  version: TextVersion,
  index: CodePointIndex,
  changes: readonly ChangeDto[],
): ExportSpan | Unplaced {
  if (annotation.orphaned) return 'orphaned';
  const common = {
    id: annotation.id,
    label: annotation.label,
    note: annotation.note,
    author: annotation.author,
    created: annotation.created,
    modified: annotation.modified,
  };
  if (version === 'corrected') {
    return { ...common, start: annotation.start, end: annotation.end, text: annotation.quote };
  }
  if (
    annotation.originalStart === null ||
    annotation.originalEnd === null ||
    onlyNewText(annotation, changes)
  ) {
    return 'inserted';
  }
  return {
    ...common,
    start: annotation.originalStart,
    end: annotation.originalEnd,
    text: sliceCodePoints(index, annotation.originalStart, annotation.originalEnd),
  };
}

/** Whether every word of the span on the corrected text was inserted or replaced by the editor. */
function onlyNewText(annotation: AnnotationDto, changes: readonly ChangeDto[]): boolean {
  const chars = [...annotation.quote];
  const kept = chars.map(() => true);
  for (const change of changes) {
    for (
      let at = Math.max(annotation.start, change.newFrom);
      at < Math.min(annotation.end, change.newTo);
      at++
    ) {
      kept[at - annotation.start] = false;
    }
  }
  // A word diff keeps the spaces between replaced words; spaces alone do not make a span the original's.
  return chars.every((char, i) => !kept[i] || /\s/u.test(char));
}

function debrisOn(
  report: ReportDetail,
  version: TextVersion,
  index: CodePointIndex,
): Array<{ start: number; end: number }> {
  if (version === 'corrected') return report.debris;
  return extractMetadata(report.original).debris.map((range) => ({
    start: index.toCodePoint(range.start),
    end: index.toCodePoint(range.end),
  }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
