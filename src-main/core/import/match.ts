import { randomUUID } from 'node:crypto';
import type { CorpusReader } from '../corpus/reader';
import type { ReportDetail } from '../../contract/types';
import { FolioError } from '../errors';
import type { StoredAnnotation } from '../store/schema';
import { occurrencesOf } from '../text/anchor';
import { CodePointIndex } from '../../contract/codepoints';
import { labelMatcher } from './labels';
import type { IncomingAnnotation, Reanchored, Unmatched } from './types';

/** The annotations to add per report, and what could not or need not be added. */
export interface AnnotationPlan {
  additions: Map<string, StoredAnnotation[]>;
  reanchored: Reanchored[];
  alreadyPresent: number;
  unmatched: Unmatched[];
}

/** Who and when for annotations whose file does not say. */
export interface Provenance {
  editor: string;
  now: string;
}

/**
 * Matches imported annotations to reports and places them on the corrected text: at their offsets when those
 * cover their text, else at the occurrence of their text that fits their context and lies nearest; the rest are
 * listed as unmatched. Throws before anything is written when a label is not one of the corpus's labels.
 */
export function planAnnotations(
  corpus: CorpusReader,
  incoming: readonly IncomingAnnotation[],
  provenance: Provenance,
): AnnotationPlan {
  const plan: AnnotationPlan = { additions: new Map(), reanchored: [], alreadyPresent: 0, unmatched: [] };
  checkLabels(corpus, incoming);
  const matchLabel = labelMatcher(corpus.info().labels);
  const present = new Set(corpus.ids());
  const reports = new Map<string, { report: ReportDetail; index: CodePointIndex; keys: Set<string> }>();
  for (const annotation of incoming) {
    const what = `${annotation.label} ${JSON.stringify(annotation.text ?? '')} at ${annotation.start}-${annotation.end}`;
    const unmatched = (reason: string) =>
      plan.unmatched.push({ where: annotation.where, reportId: annotation.reportId, what, reason });
    if (!present.has(annotation.reportId)) {
      unmatched(`no report "${annotation.reportId}" in this corpus`);
      continue;
    }
    let target = reports.get(annotation.reportId);
    if (!target) {
      const report = corpus.report(annotation.reportId);
      const keys = new Set(
        report.annotations.flatMap((a) => [`id:${a.id}`, spanKey(a.start, a.end, a.label)]),
      );
      target = { report, index: new CodePointIndex(report.text), keys };
      reports.set(annotation.reportId, target);
    }
    const blocking = target.report.problems.find(
      (p) => p.code === 'corrupt-sidecar' || p.code === 'original-changed',
    );
    if (blocking) {
      unmatched(`the report needs attention first: ${blocking.message}`);
      continue;
    }
    const placed = place(annotation, target.index);
    if (placed === null) {
      unmatched(
        annotation.text === null
          ? `offsets outside the report's text (0-${target.index.length}) and no text to find it by`
          : `its text is not in the report's text`,
      );
      continue;
    }
    const label = matchLabel(annotation.label)!;
    const key = spanKey(placed.start, placed.end, label);
    if (target.keys.has(key) || (annotation.id !== undefined && target.keys.has(`id:${annotation.id}`))) {
      plan.alreadyPresent++;
      continue;
    }
    target.keys.add(key);
    if (placed.start !== annotation.start || placed.end !== annotation.end) {
      plan.reanchored.push({
        where: annotation.where,
        reportId: annotation.reportId,
        label,
        text: placed.quote,
        from: [annotation.start, annotation.end],
        to: [placed.start, placed.end],
      });
    }
    const id = annotation.id ?? randomUUID();
    target.keys.add(`id:${id}`);
    const created = annotation.created ?? provenance.now;
    const stored: StoredAnnotation = {
      id,
      start: placed.start,
      end: placed.end,
      label,
      note: annotation.note,
      quote: placed.quote,
      orphaned: false,
      author: annotation.author ?? provenance.editor,
      created,
      modified: annotation.modified ?? created,
    };
    plan.additions.set(annotation.reportId, [...(plan.additions.get(annotation.reportId) ?? []), stored]);
  }
  return plan;
}

function checkLabels(corpus: CorpusReader, incoming: readonly IncomingAnnotation[]): void {
  const labels = corpus.info().labels;
  const matchLabel = labelMatcher(labels);
  const unknown = new Map<string, string[]>();
  for (const annotation of incoming) {
    if (matchLabel(annotation.label) === null)
      unknown.set(annotation.label, [...(unknown.get(annotation.label) ?? []), annotation.where]);
  }
  if (unknown.size === 0) return;
  const listed = [...unknown].map(
    ([label, wheres]) => `"${label}" (${wheres.length} span(s), first at ${wheres[0]})`,
  );
  throw new FolioError(
    'invalid-input',
    `unknown label(s) ${listed.join(', ')}; this corpus's labels are ${labels.map((l) => l.name).join(', ')}. Nothing was imported`,
  );
}

function place(
  annotation: IncomingAnnotation,
  index: CodePointIndex,
): { start: number; end: number; quote: string } | null {
  const { start, end, text } = annotation;
  const inRange =
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= index.length;
  if (inRange) {
    const covered = index.text.slice(index.toUtf16(start), index.toUtf16(end));
    if (text === null || covered === text) return { start, end, quote: covered };
  }
  if (!text) return null;
  const found = nearestOccurrence(index.text, text, annotation, inRange ? index.toUtf16(start) : 0);
  if (found === null) return null;
  const newStart = index.toCodePoint(found);
  return { start: newStart, end: newStart + [...text].length, quote: text };
}

/** The occurrence of `text` that its prefix and suffix fit (any, when none fits), nearest to `near`. */
function nearestOccurrence(
  haystack: string,
  text: string,
  context: IncomingAnnotation,
  near: number,
): number | null {
  const all = occurrencesOf(haystack, text);
  const fitting = all.filter(
    (at) =>
      (!context.prefix || haystack.slice(0, at).endsWith(context.prefix)) &&
      (!context.suffix || haystack.slice(at + text.length).startsWith(context.suffix)),
  );
  const candidates = fitting.length ? fitting : all;
  if (candidates.length === 0) return null;
  return candidates.reduce((best, at) => (Math.abs(at - near) < Math.abs(best - near) ? at : best));
}

function spanKey(start: number, end: number, label: string): string {
  return `${start}-${end}:${label}`;
}
