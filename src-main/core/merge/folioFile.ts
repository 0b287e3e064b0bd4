import { FolioError } from '../errors';
import {
  corpusSettingsText,
  parseCorpusSettings,
  parseReportState,
  reportStateText,
} from '../store/sidecars';
import { hasConflictMarkers, splitConflictMarkers } from './markers';
import { mergeReportStates, type MergeOptions } from './reportState';
import { mergeSettings } from './settings';

/** The two kinds of `.folio/` file a team merges: a report's sidecar and `corpus.json`. */
export type FolioFileKind = 'report' | 'settings';

/** A `.folio/` file merged three ways, as the text to write. */
export interface MergedFile {
  kind: FolioFileKind;
  /** The merged file in the current format. */
  text: string;
  /** Conflict entries the merged file holds: those this merge found and those kept from either side. */
  conflicts: number;
}

/** What a `.folio/` file is, told by its content (a sidecar has `schema`, `id` and `original`); null when neither. */
export function folioFileKind(text: string): FolioFileKind | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('schema' in json)) return null;
  if ('id' in json && 'original' in json) return 'report';
  return 'labels' in json && 'collections' in json ? 'settings' : null;
}

/**
 * Merges three versions of one `.folio/` file (`base` null or empty when both sides made it; a base with
 * conflict markers, as git's recursive merge makes of criss-cross histories, is resolved first). Throws a
 * `FolioError` naming `file` when a version is not a Folio file of the same kind as ours.
 */
export function mergeFolioFiles(
  base: string | null,
  ours: string,
  theirs: string,
  file: string,
  options: MergeOptions = {},
): MergedFile {
  const kind = kindOf(ours, file, 'ours');
  if (kindOf(theirs, file, 'theirs') !== kind) {
    throw new FolioError('invalid-input', `${file}: ours is a ${KIND_NAMES[kind]}, theirs is not`, file);
  }
  const ancestor = !base?.trim()
    ? null
    : hasConflictMarkers(base)
      ? resolveConflictMarkers(base, `${file} (base)`, options).text
      : base;
  if (ancestor !== null && kindOf(ancestor, file, 'base') !== kind) {
    throw new FolioError('invalid-input', `${file}: the base is not a ${KIND_NAMES[kind]}`, file);
  }
  if (kind === 'report') {
    const { state } = mergeReportStates(
      ancestor === null ? null : parseReportState(ancestor, file),
      parseReportState(ours, file),
      parseReportState(theirs, file),
      options,
    );
    return { kind, text: reportStateText(state), conflicts: state.conflicts.length };
  }
  const { settings } = mergeSettings(
    ancestor === null ? null : parseCorpusSettings(ancestor, file),
    parseCorpusSettings(ours, file),
    parseCorpusSettings(theirs, file),
  );
  return { kind, text: corpusSettingsText(settings), conflicts: settings.conflicts?.length ?? 0 };
}

/**
 * Turns a `.folio/` file that git left with conflict markers into the merged file, with the same logic as
 * the merge driver: the two halves (and the base, when git wrote it) merged three ways.
 */
export function resolveConflictMarkers(text: string, file: string, options: MergeOptions = {}): MergedFile {
  const halves = splitConflictMarkers(text, file);
  return mergeFolioFiles(halves.base, halves.ours, halves.theirs, file, options);
}

const KIND_NAMES: Record<FolioFileKind, string> = { report: 'report sidecar', settings: 'corpus.json' };

function kindOf(text: string, file: string, side: string): FolioFileKind {
  const kind = folioFileKind(text);
  if (kind === null) {
    throw new FolioError('invalid-input', `${file}: ${side} is not a Folio sidecar or corpus.json`, file);
  }
  return kind;
}
