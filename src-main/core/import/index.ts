export { applyImport, importInto, planImport, type ImportOptions, type ImportPlan } from './importInto';
export {
  IMPORT_FORMATS,
  type AnnotationChange,
  type ImportFormatName,
  type ImportSummary,
  type Kept,
  type MetadataChange,
  type Reanchored,
  type Unmatched,
} from './types';
