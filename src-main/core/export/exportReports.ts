import type { CorpusInfo } from '../../contract/types';
import type { CorpusReader } from '../corpus/reader';
import { FolioError } from '../errors';
import { exportDocument } from './document';
import { ANNOTATION_FORMATS, formatWriter } from './formats';
import { describeFiles, MANIFEST_FILE, ManifestAnnotations, manifestJson } from './manifest';
import { selectReports } from './selection';
import { ExportTarget } from './target';
import {
  EXPORT_FORMATS,
  type ExportOptions,
  type ExportSummary,
  type FormatContext,
  type LeftOutAnnotation,
} from './types';
import { FolderWriter } from './writer';

/**
 * Exports the selected reports in one format to a folder or zip file, with `manifest.json` (format, Folio
 * version, time, selection, SHA-256 and size of each file). Every span is checked against the text written
 * beside it first; on any error nothing is left at `out`.
 */
export async function exportReports(corpus: CorpusReader, options: ExportOptions): Promise<ExportSummary> {
  if (!EXPORT_FORMATS.includes(options.format)) {
    throw new FolioError(
      'invalid-input',
      `unknown export format "${options.format}"; expected one of ${EXPORT_FORMATS.join(', ')}`,
    );
  }
  const version = options.text ?? 'corrected';
  if (options.format === 'patch' && version === 'original') {
    throw new FolioError(
      'invalid-input',
      'a patch always goes from the original to the corrected text; leave out --text original',
    );
  }
  const now = options.now ?? new Date();
  const exportedAt = now.toISOString();
  const selected = selectReports(corpus, options.selection);
  // Counted once: info() walks every report.
  const info = corpus.info();
  refuseUnreadableState(info.corruptSidecars, selected.ids);
  const zip = options.zip ?? false;
  const target = await ExportTarget.prepare(corpus.root, options.out, { zip, force: options.force ?? false });
  const leftOut: LeftOutAnnotation[] = [];
  const written = new ManifestAnnotations(options.format);
  const warnings: string[] = [];
  const context: FormatContext = {
    root: corpus.root,
    labels: info.labels,
    version,
    debris: options.debris ?? true,
    base: options.base ?? null,
    corpusId: corpus.corpusSettings().id ?? null,
    rawCells: options.rawCells ?? false,
    exportedAt,
    leaveOut: (doc, span, cause, reason) =>
      leftOut.push({
        reportId: doc.id,
        annotationId: span.id,
        label: span.label,
        text: span.text,
        cause,
        reason,
      }),
    warn: (message) => warnings.push(message),
  };
  const writer = formatWriter(options.format, context, selected.title);
  const files = new FolderWriter(target.staging);
  try {
    for (const file of writer.begin?.() ?? []) await files.write(file);
    let done = 0;
    for (const id of selected.ids) {
      const { doc, unplaced } = exportDocument(corpus.report(id, { remember: false }), version);
      if (ANNOTATION_FORMATS.has(options.format)) {
        for (const { annotation, cause, reason } of unplaced) {
          leftOut.push({
            reportId: id,
            annotationId: annotation.id,
            label: annotation.label,
            text: annotation.quote,
            cause,
            reason,
          });
        }
      }
      for (const file of await writer.report(doc)) await files.write(file);
      written.add(doc);
      options.onProgress?.(++done, selected.ids.length);
    }
    for (const file of (await writer.end?.()) ?? []) await files.write(file);
    await files.close();
    const described = await describeFiles(target.staging, files.paths());
    await files.write({
      path: MANIFEST_FILE,
      content: manifestJson({
        format: options.format,
        exportedAt,
        text: version,
        selection: selected.recorded,
        reports: selected.ids,
        files: described,
        annotations: written.byReport(),
      }),
    });
    await target.commit([MANIFEST_FILE, ...described.map((file) => file.path)], now);
    return {
      format: options.format,
      text: version,
      out: target.out,
      zip,
      exportedAt,
      reports: selected.ids.length,
      files: described,
      missing: selected.missing,
      leftOut,
      warnings,
    };
  } catch (error) {
    await files.close();
    await target.abort();
    throw error;
  }
}

/**
 * Refuses to export reports whose editorial file cannot be read: their annotations and corrections would be
 * left out without a word. Names each one, so the editor can fix or remove the file.
 */
function refuseUnreadableState(unreadable: CorpusInfo['corruptSidecars'], ids: string[]): void {
  const selected = new Set(ids);
  const corrupt = unreadable.filter((c) => selected.has(c.id));
  if (corrupt.length === 0) return;
  throw new FolioError(
    'corrupt-sidecar',
    `cannot export: ${corrupt.length} report(s) have an editorial file that cannot be read, so their annotations and corrections are unknown — ${corrupt
      .slice(0, 5)
      .map((c) => c.message)
      .join(
        '; ',
      )}${corrupt.length > 5 ? '; …' : ''}. Run "folio resolve" on the corpus for those with git conflict markers, fix or remove the others (folio check lists them all), then export again`,
  );
}
