import type { CorpusReader, CorpusWriter } from '../corpus/reader';
import { setMetadata, type AppliedReportEdit } from '../edits';
import { syncAnnotations } from '../edits/syncAnnotations';
import { FolioError } from '../errors';
import { applyEdits, type PlannedEdit } from './apply';
import { readBrat } from './brat';
import { readCsvMetadata } from './csvMetadata';
import { readDoccano } from './doccano';
import { exportBasis, type FoundBasis } from './exportBasis';
import { readInput, type InputFiles } from './input';
import { planAnnotations } from './match';
import { planMetadata } from './metadata';
import { IMPORT_FORMATS, type ImportFormatName, type ImportSummary, type ReadResult } from './types';
import { readWebAnnotation, reportIdOfTextsSource } from './webannotation';

/** What to import and on whose behalf. */
export interface ImportOptions {
  format: ImportFormatName;
  /** A file, a folder, or a zip file (such as a Folio export). */
  source: string;
  /** Author of annotations and corrections whose file does not name one. */
  editor: string;
  /** Time of annotations whose file gives none, and of the changes made; default now. */
  now?: Date;
  /** The `manifest.json` of the export the files come from, when it is not among them. */
  manifest?: string;
}

/** An import read, matched and checked, ready to be made: what it would do, and the edits that do it. */
export interface ImportPlan {
  /** What the import would do; `applied` is false. */
  summary: ImportSummary;
  edits: PlannedEdit[];
  editor: string;
}

/**
 * Reads an import — annotations (brat, doccano, Web Annotation) or metadata corrections (CSV) — and works out
 * what it would change, writing nothing: with the export's manifest, what the tool added, deleted,
 * relabelled, moved and re-noted; without one, additions only. Throws on a bad file, naming it and its line.
 */
export async function planImport(corpus: CorpusReader, options: ImportOptions): Promise<ImportPlan> {
  if (!IMPORT_FORMATS.includes(options.format)) {
    throw new FolioError(
      'invalid-input',
      `unknown import format "${options.format}"; expected one of ${IMPORT_FORMATS.join(', ')}`,
    );
  }
  const files = await readInput(options.source);
  const read = readFormat(corpus, options.format, files);
  const found: FoundBasis =
    options.format === 'csv-metadata'
      ? { basis: null, manifest: null, additionsOnly: null }
      : await exportBasis(options.format, options.source, files, read, options.manifest);
  const now = (options.now ?? new Date()).toISOString();
  const annotations = planAnnotations(corpus, read.annotations, { editor: options.editor, now }, found.basis);
  const metadata = planMetadata(corpus, read.metadata);
  const edits: PlannedEdit[] = [...annotations.edits].map(([id, { revision, sync }]) => ({
    id,
    edit: syncAnnotations(sync),
    revision,
  }));
  const revisions = new Map<string, string | null>();
  for (const { reportId, field, value } of metadata.changes) {
    if (!revisions.has(reportId)) revisions.set(reportId, corpus.report(reportId).revision);
    edits.push({ id: reportId, edit: setMetadata(field, value), revision: revisions.get(reportId)! });
  }
  const summary: ImportSummary = {
    format: options.format,
    source: options.source,
    applied: false,
    manifest: found.manifest,
    additionsOnly: found.additionsOnly,
    changes: annotations.changes,
    annotationsAdded: annotations.changes.filter((c) => c.kind === 'added').length,
    annotationsUnchanged: annotations.unchanged,
    kept: annotations.kept,
    reanchored: annotations.reanchored,
    metadata: metadata.changes,
    metadataChanged: metadata.changes.length,
    metadataUnchanged: metadata.unchanged,
    unmatched: [...annotations.unmatched, ...metadata.unmatched],
    ignored: read.ignored,
    reports: [...new Set(edits.map((e) => e.id))].sort(),
  };
  return { summary, edits, editor: options.editor };
}

/**
 * Makes a planned import: one edit per report (all its annotation changes), one per metadata value, undone
 * together as one step with the edits returned. All or nothing: when a report changed since the plan and its
 * edit is refused, the edits already made are undone.
 */
export async function applyImport(
  corpus: CorpusWriter,
  plan: ImportPlan,
): Promise<{ summary: ImportSummary; applied: AppliedReportEdit[] }> {
  const applied = await applyEdits(corpus, plan.edits, plan.editor);
  return { summary: { ...plan.summary, applied: true }, applied };
}

/** Plans an import and makes it; see `planImport` and `applyImport`. */
export async function importInto(corpus: CorpusWriter, options: ImportOptions): Promise<ImportSummary> {
  return (await applyImport(corpus, await planImport(corpus, options))).summary;
}

function readFormat(corpus: CorpusReader, format: ImportFormatName, files: InputFiles): ReadResult {
  switch (format) {
    case 'brat':
      return readBrat(files);
    case 'doccano': {
      // Only lines without a report id need this map; most files never build it.
      let byText: Map<string, string> | null = null;
      return readDoccano(files, (text) => {
        byText ??= new Map(corpus.ids().map((id) => [corpus.report(id).text, id]));
        return byText.get(text) ?? null;
      });
    }
    case 'webannotation': {
      const byFile = new Map(corpus.ids().map((id) => [corpus.summary(id).file, id]));
      return readWebAnnotation(
        files,
        (source) => reportIdOfTextsSource(source) ?? byFile.get(source) ?? null,
      );
    }
    case 'csv-metadata':
      return readCsvMetadata(files);
  }
}
