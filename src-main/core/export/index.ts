export { exportReports } from './exportReports';
export { bratLabelNames } from './bratLabels';
export { formatCell, parseCell } from './csvCells';
export { MANIFEST_FILE, type Manifest } from './manifest';
export { EXPORTS_DIR } from './target';
export {
  EXPORT_FORMATS,
  type ExportFormatName,
  type ExportOptions,
  type ExportSelection,
  type ExportSummary,
  type LeftOutAnnotation,
  type LeftOutCause,
  type ManifestFile,
  type TextVersion,
} from './types';
