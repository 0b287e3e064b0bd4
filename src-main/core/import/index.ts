export { importInto, type ImportOptions } from './importInto';
export {
  IMPORT_FORMATS,
  type ImportFormatName,
  type ImportSummary,
  type Reanchored,
  type Unmatched,
} from './types';
