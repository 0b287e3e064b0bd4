import { CodePointIndex } from '../../contract/codepoints';
import type {
  AnnotationDto,
  ConflictDto,
  ConflictValueDto,
  MetadataFieldDto,
  ReportDetail,
  ReportProblem,
  ReportSummary,
} from '../../contract/types';
import type { Extraction } from '../extract/types';
import { METADATA_FIELDS, type Conflict, type MetadataField } from '../store/schema';
import { diffTexts } from '../text/diff';
import { ChangeMapping, mapSpan } from '../text/mapping';
import type { ReportFindings } from './reconcile';
import { effective, type ReportRecord } from './record';

// The shapes the API returns for a report, built from what the corpus holds of it, every offset of the
// extraction and the diff converted from JavaScript's UTF-16 to code points on the way out.

/** The library row of a report. */
export function summaryOf(record: ReportRecord, findings: ReportFindings): ReportSummary {
  const state = record.state;
  const annotations = state?.annotations ?? [];
  return {
    id: record.id,
    file: record.file,
    title: effective(record, 'title') as string | null,
    published: effective(record, 'published') as string | null,
    source: effective(record, 'source') as string | null,
    author: effective(record, 'author') as string | null,
    place: effective(record, 'place') as string | null,
    section: effective(record, 'section') as string | null,
    references: effective(record, 'references') as string[],
    language: record.values.language,
    status: state?.status ?? 'new',
    tags: state?.tags ?? [],
    labels: [...new Set(annotations.map((a) => a.label))].sort(),
    annotationCount: annotations.length,
    orphanedCount: annotations.filter((a) => a.orphaned).length,
    corrected: Boolean(state?.correction),
    problems: problemsOf(record, findings),
  };
}
/** What needs the editor's attention in a report. */
export function problemsOf(record: ReportRecord, findings: ReportFindings): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (record.stateError) {
    problems.push({ code: findings.unreadable ?? 'corrupt-sidecar', message: record.stateError });
  }
  const state = record.state;
  if (state && state.original.sha256 !== record.sha256) {
    problems.push({
      code: 'original-changed',
      message: `${record.file} changed on disk since it was last edited (SHA-256 ${state.original.sha256.slice(0, 12)}… → ${record.sha256.slice(0, 12)}…)`,
    });
  }
  if (findings.rebased) {
    const { applied, conflicts } = findings.rebased;
    problems.push({
      code: 'correction-rebased',
      message: `the text correction was carried onto the changed original: ${applied} change(s) of the original taken${conflicts ? `, ${conflicts} in conflict with the correction (the correction's text kept for now)` : ''}; saved with the next edit`,
      count: applied,
    });
  }
  const conflicts = state?.conflicts.length ?? 0;
  if (conflicts > 0) {
    problems.push({
      code: 'conflicts',
      message: `${conflicts} conflict(s) from a merge or a changed original wait for the editor's choice`,
      count: conflicts,
    });
  }
  const orphaned = state?.annotations.filter((a) => a.orphaned).length ?? 0;
  if (orphaned > 0) {
    problems.push({
      code: 'orphaned-annotations',
      message: `${orphaned} annotation(s) lost their text and need review`,
      count: orphaned,
    });
  }
  if (record.movedAnnotations > 0) {
    problems.push({
      code: 'annotations-moved',
      message: `${record.movedAnnotations} annotation(s) moved to where their words now stand`,
      count: record.movedAnnotations,
    });
  }
  return problems;
}

/**
 * Everything about one report for the reader: texts, metadata with evidence, annotations (with where they
 * stand in the original), changes and debris, all in code points.
 */
export function detailOf(
  record: ReportRecord,
  summary: ReportSummary,
  original: string,
  text: string,
  extraction: Extraction,
): ReportDetail {
  const textIndex = new CodePointIndex(text);
  const originalIndex = text === original ? textIndex : new CodePointIndex(original);
  const changes = diffTexts(original, text);
  const backward = ChangeMapping.backward(changes);
  // In the order of the text (a sidecar keeps them by id, for merges).
  const inTextOrder = [...(record.state?.annotations ?? [])].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const annotations = inTextOrder.map((a): AnnotationDto => {
    const span = record.state?.correction
      ? mapSpan(backward, textIndex.toUtf16(a.start), textIndex.toUtf16(a.end))
      : null;
    const onOriginal =
      span === null
        ? { start: a.start, end: a.end }
        : span.collapsed
          ? null
          : {
              start: originalIndex.toCodePoint(span.start),
              end: originalIndex.toCodePoint(span.end),
            };
    return {
      ...a,
      originalStart: a.orphaned ? null : (onOriginal?.start ?? null),
      originalEnd: a.orphaned ? null : (onOriginal?.end ?? null),
    };
  });
  const toCp = (span: { start: number; end: number }) => ({
    start: textIndex.toCodePoint(span.start),
    end: textIndex.toCodePoint(span.end),
  });
  return {
    ...summary,
    text,
    original,
    sha256: record.sha256,
    encoding: record.encoding,
    metadata: metadataOf(record, extraction, toCp),
    debris: extraction.debris.map((d) => ({ ...toCp(d), kind: d.kind })),
    captions: extraction.captions.map(toCp),
    annotations,
    changes: changes.map((c) => ({
      from: originalIndex.toCodePoint(c.from),
      to: originalIndex.toCodePoint(c.to),
      newFrom: textIndex.toCodePoint(c.newFrom),
      newTo: textIndex.toCodePoint(c.newTo),
      deleted: c.deleted,
      inserted: c.inserted,
    })),
    conflicts: conflictsOf(record.state?.conflicts ?? [], text, textIndex),
    revision: record.revision,
  };
}

/** A report's conflicts as the reader shows them; a text conflict with where its block stands in `text`. */
function conflictsOf(conflicts: readonly Conflict[], text: string, index: CodePointIndex): ConflictDto[] {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return conflicts.map((conflict): ConflictDto => {
    switch (conflict.kind) {
      case 'text': {
        const from = lineStarts[Math.min(conflict.line, lineStarts.length - 1)]!;
        const end = index.toCodePoint(from + conflict.ours.join('\n').length);
        return { ...conflict, start: index.toCodePoint(from), end };
      }
      case 'field': {
        // A field's sides are stored as its corrections are, `{ value, editor, at }`; a status's as the status.
        const side = (stored: unknown) =>
          typeof stored === 'string'
            ? { value: stored, editor: null, at: null }
            : (stored as ConflictValueDto | null);
        return {
          ...conflict,
          base: side(conflict.base),
          ours: side(conflict.ours),
          theirs: side(conflict.theirs),
        };
      }
      case 'annotation':
        return conflict;
    }
  });
}

/** Each field's value in effect, what was extracted (with confidence and evidence) and the editor's correction. */
function metadataOf(
  record: ReportRecord,
  extraction: Extraction,
  toCp: (span: { start: number; end: number }) => { start: number; end: number },
): Record<MetadataField, MetadataFieldDto> {
  const entries = METADATA_FIELDS.map((field): [MetadataField, MetadataFieldDto] => {
    const correction = record.state?.metadata[field] ?? null;
    const { confidence, evidence } = extractedEvidence(extraction, field);
    return [
      field,
      {
        value: effective(record, field),
        extracted: {
          value: record.values[field],
          confidence,
          evidence: evidence.map((e) => ({ ...toCp(e), text: e.text })),
        },
        correction,
      },
    ];
  });
  return Object.fromEntries(entries) as Record<MetadataField, MetadataFieldDto>;
}
/** How sure the extraction is of a field, and where in the text it found it. */
function extractedEvidence(
  extraction: Extraction,
  field: MetadataField,
): { confidence: number; evidence: Array<{ start: number; end: number; text: string }> } {
  if (field === 'references' || field === 'people') {
    const items = extraction[field];
    return {
      confidence: items.length ? Math.min(...items.map((i) => i.confidence)) : 0,
      evidence: items.flatMap((i) => i.evidence),
    };
  }
  const item = extraction[field];
  return { confidence: item.confidence, evidence: item.evidence ? [item.evidence] : [] };
}
