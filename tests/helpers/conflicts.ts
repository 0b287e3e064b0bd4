import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CodePointIndex } from '../../src-main/contract/codepoints';
import { conflictId } from '../../src-main/core/merge/conflictId';
import {
  newReportState,
  type Conflict,
  type ReportState,
  type StoredAnnotation,
} from '../../src-main/core/store/schema';
import { reportStateText } from '../../src-main/core/store/sidecars';
import { sha256 } from '../../src-main/core/store/hash';
import { anchorAt, textKeyOf } from '../../src-main/core/text/anchor';
import { hunksOf } from '../../src-main/core/text/correction';

// Builders of reports a merge left conflicts in, written as real format-2 sidecars.

/** When the builders' editors made their changes. */
export const AT = '2026-03-02T08:00:00.000Z';

/** The state of report `id` (file `file` in `corpus`) before anyone edited it. */
export function freshState(corpus: string, id: string, file = `${id}.txt`): ReportState {
  const bytes = readFileSync(path.join(corpus, file));
  return newReportState(id, { file, sha256: sha256(bytes), size: bytes.length });
}

/** A correction of `original` to `corrected`, every hunk made by `editor`. */
export function correctionOf(
  state: ReportState,
  original: string,
  corrected: string,
  editor: string,
): ReportState['correction'] {
  return {
    base: state.original.sha256,
    lines: corrected.split('\n'),
    hunks: hunksOf(original, corrected, [], { editor, at: AT }),
  };
}

/** An annotation on the `occurrence`-th `quote` of `text`, the text `state` shows (its correction or `original`). */
export function annotationOn(
  state: ReportState,
  text: string,
  quote: string,
  fields: { id: string; label: string; note?: string; author?: string; occurrence?: number },
): StoredAnnotation {
  let at = -1;
  for (let n = 0; n < (fields.occurrence ?? 1); n++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new RangeError(`"${quote}" is not in the text`);
  const index = new CodePointIndex(text);
  const start = index.toCodePoint(at);
  const key = textKeyOf(state.correction ? text : null, state.original.sha256);
  return {
    id: fields.id,
    ...anchorAt(index, start, start + [...quote].length, key),
    label: fields.label,
    note: fields.note ?? '',
    orphaned: false,
    author: fields.author ?? 'ana',
    created: AT,
    modified: AT,
  };
}

/** A conflict entry before it has its id. */
type ConflictEntry = Conflict extends infer C ? (C extends Conflict ? Omit<C, 'id'> : never) : never;

/** A conflict entry with its id made as a merge makes it. */
export function conflict(entry: ConflictEntry): Conflict {
  const key = entry.kind === 'field' ? entry.field : entry.kind === 'text' ? entry.line : entry.annotationId;
  return { ...entry, id: conflictId(entry.kind, key, entry.ours, entry.theirs) } as Conflict;
}

/** Writes a report's state as its sidecar, in format 2, as a merge would leave it. */
export function writeState(corpus: string, state: ReportState): void {
  const file = path.join(corpus, '.folio', 'reports', `${state.id}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, reportStateText(state));
}

/** The sidecar of report `id` as it is on disk. */
export function stateOnDisk(corpus: string, id: string): ReportState {
  return JSON.parse(
    readFileSync(path.join(corpus, '.folio', 'reports', `${id}.json`), 'utf8'),
  ) as ReportState;
}
