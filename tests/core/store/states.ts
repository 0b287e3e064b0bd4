import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CodePointIndex } from '../../../src-main/contract/codepoints';
import { correctText } from '../../../src-main/core/edits/correctText';
import type { EditContext } from '../../../src-main/core/edits/edit';
import { sha256 } from '../../../src-main/core/store/hash';
import {
  DEFAULT_LABELS,
  newReportState,
  type ReportState,
  type StoredAnnotation,
} from '../../../src-main/core/store/schema';
import { SAMPLE_CORPUS } from '../../helpers/corpora';

/** A report as a sidecar sees it: its id, file, text, and the original's hash and size. */
export interface ReportOnDisk {
  id: string;
  file: string;
  text: string;
  sha256: string;
  size: number;
}

/** A report of the sample corpus. */
export function sampleReport(id: string): ReportOnDisk {
  const bytes = readFileSync(path.join(SAMPLE_CORPUS, `${id}.txt`));
  return { id, file: `${id}.txt`, text: bytes.toString('utf8'), sha256: sha256(bytes), size: bytes.length };
}

/** The state of a report no one edited yet. */
export function stateOf(report: ReportOnDisk): ReportState {
  return newReportState(report.id, { file: report.file, sha256: report.sha256, size: report.size });
}

/** An annotation of the `occurrence`-th `quote` in `text`, with a given id (ids decide the order on disk). */
export function annotationOf(
  text: string,
  quote: string,
  id: string,
  fields: Partial<StoredAnnotation> = {},
): StoredAnnotation {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`"${quote}" is not in the text`);
  const start = new CodePointIndex(text).toCodePoint(at);
  return {
    id,
    start,
    end: start + [...quote].length,
    label: 'Place',
    note: '',
    quote,
    prefix: '',
    suffix: '',
    revision: null,
    orphaned: false,
    author: 'ana',
    created: '2026-01-01T10:00:00.000Z',
    modified: '2026-01-01T10:00:00.000Z',
    ...fields,
  };
}

/** `state` with its text corrected to `text` by `editor`, as the correct-text edit does it. */
export function corrected(
  state: ReportState,
  report: ReportOnDisk,
  text: string,
  editor: string,
  at: string,
): ReportState {
  const next = structuredClone(state);
  const context: EditContext = {
    editor,
    at,
    original: () => report.text,
    originalSha256: report.sha256,
    labels: DEFAULT_LABELS,
  };
  correctText(text).apply(next, context);
  return next;
}
