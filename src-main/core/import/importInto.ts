import type { CorpusWriter } from '../corpus/reader';
import { FolioError } from '../errors';
import { addAnnotationsAsGiven } from './apply';
import { readBrat } from './brat';
import { readCsvMetadata } from './csvMetadata';
import { readDoccano } from './doccano';
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
  /** Time of annotations whose file gives none; default now. */
  now?: Date;
}

/**
 * Imports annotations (brat, doccano, Web Annotation) or metadata corrections (CSV) into an open corpus.
 * Everything is read, matched and checked before the first write, so a bad file leaves the corpus unchanged;
 * what cannot be matched is listed in the summary, never dropped silently.
 */
export async function importInto(corpus: CorpusWriter, options: ImportOptions): Promise<ImportSummary> {
  if (!IMPORT_FORMATS.includes(options.format)) {
    throw new FolioError(
      'invalid-input',
      `unknown import format "${options.format}"; expected one of ${IMPORT_FORMATS.join(', ')}`,
    );
  }
  const read = readFormat(corpus, options.format, await readInput(options.source));
  const annotations = planAnnotations(corpus, read.annotations, {
    editor: options.editor,
    now: (options.now ?? new Date()).toISOString(),
  });
  const metadata = planMetadata(corpus, read.metadata);
  const touched = new Set<string>();
  for (const [id, added] of annotations.additions) {
    await addAnnotationsAsGiven(corpus, id, added);
    touched.add(id);
  }
  for (const change of metadata.changes) {
    await corpus.setMetadata(change.reportId, change.field, change.value, options.editor);
    touched.add(change.reportId);
  }
  return {
    format: options.format,
    source: options.source,
    annotationsAdded: [...annotations.additions.values()].reduce((sum, list) => sum + list.length, 0),
    alreadyPresent: annotations.alreadyPresent,
    reanchored: annotations.reanchored,
    metadataChanged: metadata.changes.length,
    metadataUnchanged: metadata.unchanged,
    unmatched: [...annotations.unmatched, ...metadata.unmatched],
    ignored: read.ignored,
    reports: [...touched].sort(),
  };
}

function readFormat(corpus: CorpusWriter, format: ImportFormatName, files: InputFiles): ReadResult {
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
