export { FolioError, type FolioErrorCode } from './errors';
export { Emitter, type Disposer } from './emitter';
export { Corpus, DEFAULT_MAX_FILE_BYTES, type CorpusChange, type OpenOptions } from './corpus/corpus';
export * from './edits';
export { watchCorpus } from './corpus/watch';
export { measureAccuracy, type AccuracyReport, type FieldAccuracy } from './corpus/accuracy';
export type * from '../contract/types';
export { extractMetadata } from './extract';
export type * from './extract/types';
export { foldForSearch } from './text/fold';
export { decodeReport, normalizeText } from './text/decode';
export { CodePointIndex } from '../contract/codepoints';
export { diffTexts, applyChanges, type TextChange } from './text/diff';
export {
  DEFAULT_LABELS,
  METADATA_FIELDS,
  REPORT_STATUSES,
  type Label,
  type MetadataField,
  type ReportStatus,
} from './store/schema';
export * from './collections';
export * from './export';
export * from './import';
