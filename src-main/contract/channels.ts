// Names only, with no schema library, so the sandboxed preload stays tiny; `operations.ts` checks they match.

/** Every operation name of the API contract. */
export const OPERATION_NAMES = [
  'corpusInfo',
  'openRecentCorpus',
  'chooseCorpus',
  'listReports',
  'facets',
  'listIds',
  'listCollections',
  'createCollection',
  'addToCollection',
  'removeFromCollection',
  'moveInCollection',
  'deleteCollection',
  'renameCollection',
  'moveCollection',
  'editLabels',
  'exportReports',
  'revealPath',
  'getReport',
  'getChanges',
  'search',
  'setMetadata',
  'resetMetadata',
  'applyMetadata',
  'setTags',
  'setStatus',
  'addAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'saveCorrection',
  'revertChanges',
  'resolveConflict',
  'resolveSettingsConflict',
  'resolveMergeConflicts',
  'undo',
  'redo',
  'editHistory',
  'getPreferences',
  'setPreferences',
] as const;

/** Every event name the core pushes to the renderer. */
export const EVENT_NAMES = [
  'corpusChanged',
  'corpusOpened',
  'progress',
  'historyChanged',
  'menuCommand',
] as const;

/** The IPC channel of an operation. */
export function operationChannel(name: string): string {
  return `folio:call:${name}`;
}

/** The IPC channel of an event. */
export const EVENT_CHANNEL = 'folio:event';
