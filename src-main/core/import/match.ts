import type { CorpusReader } from '../corpus/reader';
import type { AnnotationSync } from '../edits/syncAnnotations';
import { FolioError } from '../errors';
import type { ManifestAnnotation } from '../export/manifest';
import type { Label } from '../store/schema';
import { labelMatcher } from './labels';
import { planReport, type Provenance } from './sync';
import type { AnnotationChange, IncomingAnnotation, Kept, Reanchored, Unmatched } from './types';

export type { Provenance };

/** What the export wrote, for matching an import of its edited files; see `exportBasis`. */
export interface ExportBasis {
  /** What the export wrote of a report's annotations; empty for a report the files do not wholly give. */
  exported(reportId: string): readonly ManifestAnnotation[];
  /** Reports the files give every annotation of, those left with none included. */
  reports: readonly string[];
  /** A note as the format writes it; null when the format writes none. */
  writtenNote(note: string): string | null;
}

/** What an import does to annotations: per report, the edit and the revision it was planned on; and the lists. */
export interface AnnotationPlan {
  edits: Map<string, { revision: string | null; sync: AnnotationSync }>;
  changes: AnnotationChange[];
  kept: Kept[];
  reanchored: Reanchored[];
  unchanged: number;
  unmatched: Unmatched[];
}

/**
 * Matches imported annotations to reports and to what the export wrote (`basis`; null when no manifest
 * says, so only additions are made), placing each on the corrected text; what cannot be placed is listed as
 * unmatched. Throws before anything is written when a label is not one of the corpus's labels.
 */
export function planAnnotations(
  corpus: CorpusReader,
  incoming: readonly IncomingAnnotation[],
  provenance: Provenance,
  basis: ExportBasis | null,
): AnnotationPlan {
  const plan: AnnotationPlan = {
    edits: new Map(),
    changes: [],
    kept: [],
    reanchored: [],
    unchanged: 0,
    unmatched: [],
  };
  const labels = corpus.corpusSettings().labels;
  checkLabels(labels, incoming);
  const matchLabel = labelMatcher(labels);
  const present = new Set(corpus.ids());
  const byReport = new Map<string, IncomingAnnotation[]>();
  for (const annotation of incoming) {
    if (!present.has(annotation.reportId)) {
      plan.unmatched.push({
        where: annotation.where,
        reportId: annotation.reportId,
        what: `${annotation.label} ${JSON.stringify(annotation.text ?? '')} at ${annotation.start}-${annotation.end}`,
        reason: `no report "${annotation.reportId}" in this corpus`,
      });
      continue;
    }
    const list = byReport.get(annotation.reportId);
    if (list) list.push(annotation);
    else byReport.set(annotation.reportId, [annotation]);
  }
  // A report whose annotations were all deleted in the tool has no line left, yet its removals count.
  for (const id of basis?.reports ?? []) {
    if (present.has(id) && !byReport.has(id) && basis!.exported(id).length) byReport.set(id, []);
  }
  for (const [id, annotations] of byReport) {
    const report = corpus.report(id);
    const blocking = report.problems.find(
      (p) => p.code === 'corrupt-sidecar' || p.code === 'original-changed',
    );
    if (blocking) {
      const reason = `the report needs attention first: ${blocking.message}`;
      for (const a of annotations.length ? annotations : [null]) {
        plan.unmatched.push({
          where: a?.where ?? `report "${id}"`,
          reportId: id,
          what: a ? `${a.label} ${JSON.stringify(a.text ?? '')} at ${a.start}-${a.end}` : 'its annotations',
          reason,
        });
      }
      continue;
    }
    const planned = planReport({
      report,
      incoming: annotations,
      exported: basis?.exported(id) ?? [],
      labelOf: (label) => matchLabel(label)!,
      writtenNote: (note) => basis?.writtenNote(note) ?? null,
      provenance,
    });
    const { sync } = planned;
    if (sync.add.length || sync.remove.length || sync.update.length)
      plan.edits.set(id, { revision: report.revision, sync });
    plan.changes.push(...planned.changes);
    plan.kept.push(...planned.kept);
    plan.reanchored.push(...planned.reanchored);
    plan.unchanged += planned.unchanged;
    plan.unmatched.push(...planned.unmatched);
  }
  return plan;
}

function checkLabels(labels: readonly Label[], incoming: readonly IncomingAnnotation[]): void {
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
