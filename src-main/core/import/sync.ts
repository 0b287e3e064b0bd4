import { randomUUID } from 'node:crypto';
import { CodePointIndex } from '../../contract/codepoints';
import type { AnnotationDto, ReportDetail } from '../../contract/types';
import type { ImportedAnnotation } from '../edits/addAnnotations';
import type { AnnotationSync, AnnotationUpdate } from '../edits/syncAnnotations';
import { noteFingerprint, type ManifestAnnotation } from '../export/manifest';
import { place, type Placed } from './place';
import type { AnnotationChange, IncomingAnnotation, Kept, Reanchored, Unmatched } from './types';

/** Who and when for annotations whose file does not say. */
export interface Provenance {
  editor: string;
  now: string;
}

/** One report's import: the report, its annotations in the file and what the export wrote of them. */
export interface ReportBasis {
  report: ReportDetail;
  /** In file order. */
  incoming: readonly IncomingAnnotation[];
  /** Empty when no manifest says what was exported: then only additions are made. */
  exported: readonly ManifestAnnotation[];
  /** The corpus label a file's label stands for (every label was checked before). */
  labelOf: (label: string) => string;
  /** A note as the format writes it; null when the format writes none, so notes are left alone. */
  writtenNote: (note: string) => string | null;
  provenance: Provenance;
}

/** What an import does to one report, as an edit and as the changes it lists. */
export interface ReportPlan {
  sync: AnnotationSync;
  changes: AnnotationChange[];
  kept: Kept[];
  reanchored: Reanchored[];
  unchanged: number;
  unmatched: Unmatched[];
}

type Span = Pick<AnnotationDto, 'id' | 'label' | 'quote' | 'start' | 'end'>;

/**
 * Compares a report's annotations in the file with what the export wrote and with Folio's now. An exported
 * annotation the file changed is changed in Folio (relabelled, moved, re-noted), unless Folio changed the same
 * thing since the export (then Folio's is kept and listed); one the file no longer has is removed; the file's
 * others are added. Annotations made in Folio after the export are never removed.
 */
export function planReport(basis: ReportBasis): ReportPlan {
  const { report, incoming, exported, labelOf, writtenNote, provenance } = basis;
  const index = new CodePointIndex(report.text);
  const current = new Map(report.annotations.map((a) => [a.id, a]));
  const plan: ReportPlan = {
    sync: { add: [], remove: [], update: [], at: provenance.now },
    changes: [],
    kept: [],
    reanchored: [],
    unchanged: 0,
    unmatched: [],
  };
  const about = (span: Span) => ({
    reportId: report.id,
    annotationId: span.id,
    label: span.label,
    text: span.quote,
    start: span.start,
    end: span.end,
  });

  /** Places a span of the file on the report's text, listing it as unmatched when it fits nowhere. */
  const placeOf = (annotation: IncomingAnnotation, label: string): Placed | null => {
    const placed = place(annotation, index);
    if (placed === null) {
      plan.unmatched.push({
        where: annotation.where,
        reportId: report.id,
        what: `${label} ${JSON.stringify(annotation.text ?? '')} at ${annotation.start}-${annotation.end}`,
        reason:
          annotation.text === null
            ? `offsets outside the report's text (0-${index.length}) and no text to find it by`
            : `its text is not in the report's text`,
      });
    }
    return placed;
  };
  const noteReanchored = (annotation: IncomingAnnotation, label: string, placed: Placed) => {
    if (placed.start === annotation.start && placed.end === annotation.end) return;
    plan.reanchored.push({
      where: annotation.where,
      reportId: report.id,
      label,
      text: placed.quote,
      from: [annotation.start, annotation.end],
      to: [placed.start, placed.end],
    });
  };

  const changePaired = (annotation: IncomingAnnotation, was: ManifestAnnotation, now: AnnotationDto) => {
    const label = labelOf(annotation.label);
    const update: AnnotationUpdate = { id: now.id };
    const conflicts: string[] = [];
    if (label !== was.label && label !== now.label) {
      if (now.label === was.label) update.label = label;
      else conflicts.push(`the file makes it ${label}, Folio made it ${now.label} since the export`);
    }
    const folioNote = writtenNote(now.note);
    if (was.note !== undefined && folioNote !== null) {
      if (noteFingerprint(annotation.note) !== was.note && annotation.note !== folioNote) {
        if (noteFingerprint(folioNote) === was.note) update.note = annotation.note;
        else conflicts.push('the file and Folio both changed its note since the export');
      }
    }
    let placedNowhere = false;
    if (annotation.start !== was.start || annotation.end !== was.end) {
      const placed = placeOf(annotation, label);
      placedNowhere = placed === null;
      if (placed && (placed.start !== now.start || placed.end !== now.end || now.orphaned)) {
        noteReanchored(annotation, label, placed);
        update.span = placed;
      }
    }
    for (const reason of conflicts)
      plan.kept.push({ where: annotation.where, ...about(now), reason: `${reason}; Folio's is kept` });
    if (update.label === undefined && update.note === undefined && !update.span) {
      if (conflicts.length === 0 && !placedNowhere) plan.unchanged++;
      return;
    }
    plan.sync.update.push(update);
    const after = about({
      id: now.id,
      label: update.label ?? now.label,
      quote: update.span?.quote ?? now.quote,
      start: update.span?.start ?? now.start,
      end: update.span?.end ?? now.end,
    });
    const where = annotation.where;
    if (update.label !== undefined)
      plan.changes.push({ kind: 'relabelled', ...after, where, from: now.label });
    if (update.span) {
      const from = { start: now.start, end: now.end, text: now.quote };
      plan.changes.push({ kind: 'moved', ...after, where, from });
    }
    if (update.note !== undefined)
      plan.changes.push({ kind: 'renoted', ...after, where, from: now.note, note: update.note });
  };

  const removeUnpaired = (was: ManifestAnnotation) => {
    const now = current.get(was.id);
    if (!now) return;
    const folioNote = writtenNote(now.note);
    const changedInFolio =
      now.label !== was.label ||
      (was.note !== undefined && folioNote !== null && noteFingerprint(folioNote) !== was.note);
    if (changedInFolio) {
      plan.kept.push({
        where: null,
        ...about(now),
        reason: 'the file no longer has it, but Folio changed it since the export; kept',
      });
      return;
    }
    plan.sync.remove.push(now.id);
    plan.changes.push({ kind: 'removed', ...about(now), where: null });
  };

  const pairs = pairWithExported(incoming, exported, labelOf);
  const additions: Array<{ annotation: IncomingAnnotation; id?: string }> = [];
  for (const annotation of incoming) {
    const was = pairs.get(annotation);
    const now = was && current.get(was.id);
    if (!was) additions.push({ annotation });
    // Exported, since deleted in Folio (or a copy that never had it): the file still has it, so it comes back.
    else if (!now) additions.push({ annotation, id: was.id });
    else changePaired(annotation, was, now);
  }
  const paired = new Set(pairs.values());
  for (const was of exported) if (!paired.has(was)) removeUnpaired(was);

  // Additions last, against the annotations as the plan leaves them: a span moved away frees its place.
  const taken = new Set(planned(report.annotations, plan.sync).flatMap((a) => [`id:${a.id}`, spanKey(a)]));
  for (const { annotation, id } of additions) {
    const label = labelOf(annotation.label);
    const placed = placeOf(annotation, label);
    if (!placed) continue;
    const key = spanKey({ ...placed, label });
    if (
      taken.has(key) ||
      (id === undefined && annotation.id !== undefined && taken.has(`id:${annotation.id}`))
    ) {
      plan.unchanged++;
      continue;
    }
    noteReanchored(annotation, label, placed);
    const created = annotation.created ?? provenance.now;
    const added: ImportedAnnotation = {
      id: id ?? annotation.id ?? randomUUID(),
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
    taken.add(key).add(`id:${added.id}`);
    plan.sync.add.push(added);
    plan.changes.push({ kind: 'added', ...about(added), where: annotation.where, note: added.note });
  }
  plan.changes.sort((a, b) => a.start - b.start || a.end - b.end);
  return plan;
}

/**
 * Pairs the file's spans with the exported annotations they stand for: by the id the file carries (a Web
 * Annotation's; brat's T id, which brat hands out again after a deletion, so only for a span that still
 * overlaps the exported one or keeps its label), then by the same offsets and label, the same offsets (a new
 * label), and overlapping offsets with the same label (a span made longer or shorter).
 */
function pairWithExported(
  incoming: readonly IncomingAnnotation[],
  exported: readonly ManifestAnnotation[],
  labelOf: (label: string) => string,
): Map<IncomingAnnotation, ManifestAnnotation> {
  const pairs = new Map<IncomingAnnotation, ManifestAnnotation>();
  const free = new Set(exported);
  const byId = new Map(exported.map((e) => [e.id, e]));
  const byLocal = new Map(exported.filter((e) => e.local !== undefined).map((e) => [e.local!, e]));
  const same = (a: IncomingAnnotation, e: ManifestAnnotation) => a.start === e.start && a.end === e.end;
  const overlap = (a: IncomingAnnotation, e: ManifestAnnotation) => a.start < e.end && e.start < a.end;
  const sameLabel = (a: IncomingAnnotation, e: ManifestAnnotation) => labelOf(a.label) === e.label;
  for (const annotation of incoming) {
    const byOwnId = annotation.id !== undefined ? byId.get(annotation.id) : undefined;
    const byLocalId = annotation.localId !== undefined ? byLocal.get(annotation.localId) : undefined;
    const was =
      byOwnId ??
      (byLocalId && (overlap(annotation, byLocalId) || sameLabel(annotation, byLocalId))
        ? byLocalId
        : undefined);
    if (was && free.has(was)) {
      pairs.set(annotation, was);
      free.delete(was);
    }
  }
  const passes = [
    (a: IncomingAnnotation, e: ManifestAnnotation) => same(a, e) && sameLabel(a, e),
    same,
    (a: IncomingAnnotation, e: ManifestAnnotation) => overlap(a, e) && sameLabel(a, e),
  ];
  for (const fits of passes) {
    for (const annotation of incoming) {
      if (pairs.has(annotation)) continue;
      const was = [...free].find((e) => fits(annotation, e));
      if (!was) continue;
      pairs.set(annotation, was);
      free.delete(was);
    }
  }
  return pairs;
}

/** A report's annotations as a plan leaves them (spans and labels), for telling what an addition repeats. */
function planned(annotations: readonly AnnotationDto[], sync: AnnotationSync): Span[] {
  const removed = new Set(sync.remove);
  const updates = new Map(sync.update.map((u) => [u.id, u]));
  return annotations
    .filter((a) => !removed.has(a.id))
    .map((a) => {
      const update = updates.get(a.id);
      return { ...a, label: update?.label ?? a.label, ...(update?.span && { ...update.span }) };
    });
}

function spanKey(span: { start: number; end: number; label: string }): string {
  return `${span.start}-${span.end}:${span.label}`;
}
