export { mergeReportStates, type MergedReport, type MergeOptions } from './reportState';
export { mergeSettings, type MergedSettings } from './settings';
export { hasConflictMarkers, splitConflictMarkers, type ConflictHalves } from './markers';
export {
  folioFileKind,
  mergeFolioFiles,
  resolveConflictMarkers,
  type FolioFileKind,
  type MergedFile,
} from './folioFile';
export { conflictId } from './conflictId';
export type { OriginalText } from './mergeText';
