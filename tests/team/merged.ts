// What a merge left in a clone, read through the files Folio wrote (sidecar formats 1 and 2 alike) and its
// `check`: the findings of the team scenarios.
import path from 'node:path';
import { editorialFiles, type Clone, type ProcessRun } from '../helpers/gitRepos';

/** Sidecar fields read here; the same in sidecar formats 1 and 2. */
interface Sidecar {
  original: { file: string };
  status?: string;
  tags?: string[];
  metadata?: Record<string, { value: unknown } | undefined>;
  annotations?: Annotation[];
  correction?: { lines: string[]; hunks?: { line: number; editor: string }[] | null } | null;
}

interface Annotation {
  start: number;
  end: number;
  quote: string;
  orphaned: boolean;
}

interface Settings {
  collections?: { name: string; ids?: string[] }[];
}

/** A `.folio/` JSON file as found: its value, or why it could not be read. */
type Read<T> = { value: T } | { unreadable: string } | null;

function readJson<T>(clone: Clone, relative: string): Read<T> {
  const text = clone.read(relative);
  if (text === null) return null;
  try {
    return { value: JSON.parse(text) as T };
  } catch (error) {
    return { unreadable: /^<{7}/mu.test(text) ? 'conflict markers' : (error as Error).message };
  }
}

export const sidecarPath = (id: string) => `.folio/reports/${id}.json`;

/** The text an annotation's offsets refer to: the corrected text, else the original as Folio decodes it. */
function currentText(clone: Clone, id: string, sidecar: Sidecar | null): string {
  if (sidecar?.correction) return sidecar.correction.lines.join('\n');
  const original = clone.read(sidecar?.original.file ?? `${id}.txt`);
  if (original === null) throw new Error(`${clone.name}: ${id} has no original file`);
  return original
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC');
}

/** What `folio check --json` said. */
export interface CheckOutcome {
  code: number | null;
  problems: { id: string; code: string }[];
}

/** The first line a command printed on stderr, cut short, with the clone's folder left out of the paths it names. */
function firstError(clone: Clone, run: ProcessRun): string {
  const line = (run.stderr.trim().split('\n')[0] ?? '').replaceAll(`${clone.dir}${path.sep}`, '');
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** `exit N`, with the command's complaint when N is not 0. */
export function describeRun(clone: Clone, run: ProcessRun): string {
  return `exit ${run.code}${run.code ? `: ${firstError(clone, run)}` : ''}`;
}

export async function runCheck(clone: Clone): Promise<CheckOutcome> {
  return parseCheck(clone, await clone.folio(['check', '.', '--json']));
}

export function parseCheck(clone: Clone, run: ProcessRun): CheckOutcome {
  try {
    const parsed = JSON.parse(run.stdout) as {
      problems: { id: string; code: string }[];
      settingsProblem: string | null;
    };
    const problems = parsed.problems.map(({ id, code }) => ({ id, code }));
    if (parsed.settingsProblem) problems.push({ id: '.folio/corpus.json', code: 'merge-conflict' });
    return { code: run.code, problems };
  } catch {
    return { code: run.code, problems: [{ id: '', code: firstError(clone, run) || 'no output' }] };
  }
}

export function describeCheck({ code, problems }: CheckOutcome): string {
  const codes = [...new Set(problems.map((p) => p.code))];
  return `exit ${code}${codes.length ? `: ${codes.join(', ')}` : ''}`;
}

/** What a scenario found: failures (expected work or behaviour missing) and notes for the table. */
export class Findings {
  readonly missing: string[] = [];
  readonly notes: string[] = [];

  require(ok: boolean, failure: string): void {
    if (!ok && !this.missing.includes(failure)) this.missing.push(failure);
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

/** The merged clone, read through the files Folio wrote. */
export class View {
  constructor(readonly clone: Clone) {}

  sidecar(id: string, findings: Findings): Sidecar | null {
    const read = readJson<Sidecar>(this.clone, sidecarPath(id));
    if (read === null) findings.require(false, `${id}: no sidecar`);
    else if ('unreadable' in read) findings.require(false, `${id}: sidecar unreadable (${read.unreadable})`);
    else return read.value;
    return null;
  }

  settings(findings: Findings): Settings | null {
    const read = readJson<Settings>(this.clone, '.folio/corpus.json');
    if (read === null) findings.require(false, 'no corpus.json');
    else if ('unreadable' in read) findings.require(false, `corpus.json unreadable (${read.unreadable})`);
    else return read.value;
    return null;
  }

  tags(id: string, expected: string[], findings: Findings): void {
    const sidecar = this.sidecar(id, findings);
    if (!sidecar) return;
    for (const tag of expected)
      findings.require(sidecar.tags?.includes(tag) ?? false, `${id}: tag "${tag}" lost`);
  }

  /** Each quote annotated, once, on its text and not orphaned (the slice itself is checked for every annotation). */
  annotated(id: string, quotes: string[], findings: Findings): void {
    const sidecar = this.sidecar(id, findings);
    if (!sidecar) return;
    for (const quote of quotes) {
      const found = (sidecar.annotations ?? []).filter((a) => a.quote === quote && !a.orphaned);
      findings.require(
        found.length === 1,
        `${id}: annotation "${quote}" ${found.length ? 'doubled' : 'lost'}`,
      );
    }
  }

  /** The annotation of `quote` lies on the line holding `passage`: the occurrence annotated, not another one. */
  onLineOf(id: string, quote: string, passage: string, findings: Findings): void {
    const annotation = this.sidecar(id, findings)?.annotations?.find((a) => a.quote === quote && !a.orphaned);
    const text = this.text(id, findings);
    if (!annotation || text === null) return;
    let start = 0;
    for (const line of text.split('\n')) {
      const end = start + Array.from(line).length;
      if (line.includes(passage)) {
        const inside = annotation.start >= start && annotation.end <= end;
        return findings.require(inside, `${id}: "${quote}" is not on the line of "${passage}"`);
      }
      start = end + 1;
    }
    findings.require(false, `${id}: no line holds "${passage}"`);
  }

  orphaned(id: string, quote: string, findings: Findings): void {
    const sidecar = this.sidecar(id, findings);
    const annotation = sidecar?.annotations?.find((a) => a.quote === quote);
    findings.require(
      annotation?.orphaned === true,
      `${id}: annotation "${quote}" on removed text not orphaned`,
    );
  }

  text(id: string, findings: Findings): string | null {
    const read = readJson<Sidecar>(this.clone, sidecarPath(id));
    if (read && 'unreadable' in read) {
      findings.require(false, `${id}: sidecar unreadable (${read.unreadable})`);
      return null;
    }
    return currentText(this.clone, id, read?.value ?? null);
  }

  /** The current text holds every `present` passage and none of the `gone` ones. */
  textHas(id: string, present: string[], gone: string[], findings: Findings): void {
    const text = this.text(id, findings);
    if (text === null) return;
    for (const passage of present) findings.require(text.includes(passage), `${id}: text lost "${passage}"`);
    for (const passage of gone)
      findings.require(!text.includes(passage), `${id}: text still has "${passage}"`);
  }

  /** Each changed line (of the base original) is credited to the editor who changed it. */
  changedBy(id: string, editors: Record<number, string>, findings: Findings): void {
    const hunks = this.sidecar(id, findings)?.correction?.hunks ?? [];
    for (const [line, editor] of Object.entries(editors)) {
      const credited = hunks.find((hunk) => hunk.line === Number(line))?.editor ?? 'nobody';
      findings.require(
        credited === editor,
        `${id}: the change of line ${line} is credited to ${credited}, not ${editor}`,
      );
    }
  }

  /** A conflict entry was recorded in the file, holding both sides' values (`mentions`), instead of markers. */
  conflictRecorded(relative: string, mentions: string[], findings: Findings): void {
    const read = readJson<{ conflicts?: unknown[] }>(this.clone, relative);
    const conflicts = read && 'value' in read ? (read.value.conflicts ?? []) : [];
    findings.require(conflicts.length > 0, `${relative}: no conflict entry recorded`);
    if (conflicts.length === 0) return;
    const written = JSON.stringify(conflicts);
    for (const value of mentions)
      findings.require(written.includes(value), `${relative}: the conflict entry lost "${value}"`);
  }
}

/** Whether every annotation in the clone covers its quote: the invariant every merge must keep. */
export interface AnchorCount {
  total: number;
  onText: number;
  orphaned: number;
  /** Annotations whose offsets point at other text than their quote: `id: "quote" ≠ "slice"`. */
  wrong: string[];
  /** Sidecars that could not be read, so their annotations are not counted. */
  unreadable: string[];
}

export function countAnchors(clone: Clone): AnchorCount {
  const count: AnchorCount = { total: 0, onText: 0, orphaned: 0, wrong: [], unreadable: [] };
  for (const file of editorialFiles(clone.dir).filter((f) => /^\.folio[\\/]reports[\\/]/u.test(f))) {
    const read = readJson<Sidecar>(clone, file);
    if (!read || 'unreadable' in read) {
      count.unreadable.push(file);
      continue;
    }
    const id = path.basename(file, '.json');
    const chars = Array.from(currentText(clone, id, read.value));
    for (const annotation of read.value.annotations ?? []) {
      count.total++;
      if (annotation.orphaned) {
        count.orphaned++;
        continue;
      }
      const slice = chars.slice(annotation.start, annotation.end).join('');
      if (slice === annotation.quote) count.onText++;
      else count.wrong.push(`${id}: "${annotation.quote}" ≠ "${slice}"`);
    }
  }
  return count;
}
