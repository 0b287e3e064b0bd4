import { readFile } from 'node:fs/promises';
import { FolioError, METADATA_FIELDS, REPORT_STATUSES, type ReportDetail } from '../core';
import {
  checkStatus,
  editorName,
  filterOptions,
  filtersFrom,
  integerOption,
  parseCommand,
  positionals,
  UsageError,
} from './args';
import { ACCURACY_COMMAND } from './accuracyCommand';
import { COLLECTION_COMMAND, EXPORT_COMMAND, IMPORT_COMMAND, warnUnreadable } from './exportCommands';
import { openCorpus } from './open';
import { TEAM_COMMANDS } from './teamCommands';

/** Where a command writes; tests and the shell pass process streams. */
export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** One `folio` sub-command. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Resolves to the exit code. */
  run(argv: string[], io: CommandIO): Promise<number>;
}

const editorOption = { editor: { type: 'string' } } as const;

const info: Command = {
  name: 'info',
  usage: 'folio info <corpus> [--json]',
  summary: 'counts of reports, statuses, annotations, and files that could not be read',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, { json: { type: 'boolean' } });
    const [dir] = positionals(args, 1, '<corpus>');
    const corpus = await openCorpus(dir!);
    const summary = corpus.info();
    if (values.json) {
      io.out(JSON.stringify(summary, null, 2));
      return 0;
    }
    io.out(`${summary.root}`);
    io.out(`reports:     ${summary.reports}`);
    io.out(`corrected:   ${summary.corrected}`);
    io.out(`annotations: ${summary.annotations}`);
    io.out(
      `statuses:    ${Object.entries(summary.statuses)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}`,
    );
    io.out(`labels:      ${summary.labels.map((l) => l.name).join(', ')}`);
    io.out(`tags:        ${summary.tags.join(', ') || '—'}`);
    io.out(`skipped:     ${summary.skipped.length}`);
    for (const skipped of summary.skipped) io.out(`  ${skipped.file}: ${skipped.code}: ${skipped.reason}`);
    io.out(`unreadable editorial files: ${summary.corruptSidecars.length}`);
    for (const corrupt of summary.corruptSidecars) io.out(`  ${corrupt.id}: ${corrupt.message}`);
    if (summary.settingsProblem) io.out(`settings:    ${summary.settingsProblem}`);
    warnUnreadable(corpus, 'info', dir!, io, { list: false });
    if (summary.cacheWarning) io.err(`folio info: warning: ${summary.cacheWarning}`);
    return 0;
  },
};

/** The `extract --json` record of a report: effective values, confidences, and the machine's values. */
export function extractRecord(report: ReportDetail) {
  const effective = (field: keyof ReportDetail['metadata']) => report.metadata[field].value;
  const confidence = Object.fromEntries(
    METADATA_FIELDS.map((field) => [field, report.metadata[field].extracted.confidence]),
  );
  const extracted = Object.fromEntries(
    METADATA_FIELDS.map((field) => [field, report.metadata[field].extracted.value]),
  );
  return {
    id: report.id,
    file: report.file,
    title: effective('title'),
    published: effective('published'),
    source: effective('source'),
    author: effective('author'),
    place: effective('place'),
    section: effective('section'),
    viewCount: effective('viewCount'),
    references: effective('references'),
    people: effective('people'),
    language: report.language,
    debris: report.debris,
    captions: report.captions,
    confidence,
    extracted,
  };
}

const extract: Command = {
  name: 'extract',
  usage: 'folio extract <corpus> [--json]',
  summary: 'extracted metadata of every report (--json: one object per report per line)',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, { json: { type: 'boolean' } });
    const [dir] = positionals(args, 1, '<corpus>');
    const corpus = await openCorpus(dir!);
    for (const id of corpus.ids()) {
      const record = extractRecord(corpus.report(id));
      if (values.json) {
        io.out(JSON.stringify(record));
        continue;
      }
      io.out(`${record.id}`);
      for (const field of METADATA_FIELDS) {
        const value = record[field];
        const shown = Array.isArray(value)
          ? value
              .map((v) => (typeof v === 'string' ? v : `${v.name}${v.role ? ` (${v.role})` : ''}`))
              .join('; ')
          : (value ?? '—');
        io.out(`  ${field.padEnd(11)} ${String(shown)}  [${record.confidence[field]!.toFixed(2)}]`);
      }
      io.out(`  debris      ${record.debris.length} range(s), captions ${record.captions.length}`);
    }
    return 0;
  },
};

const search: Command = {
  name: 'search',
  usage:
    'folio search <corpus> <query> [--tag T] [--status S] [--source S] [--place P] [--ref 22-NQ/TW] [--label L] [--language vi] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--json]',
  summary: 'full-text search, insensitive to case, diacritics and tone-mark placement; "quoted phrases"',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, {
      ...filterOptions,
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [dir, ...queryParts] = positionals(args, 1, '<corpus>');
    const filters = filtersFrom(values);
    const corpus = await openCorpus(dir!);
    const results = corpus.search(queryParts.join(' '), filters, integerOption(values.limit, 'limit', 20));
    warnUnreadable(corpus, 'search', dir!, io);
    if (values.json) {
      io.out(JSON.stringify(results, null, 2));
      return 0;
    }
    if (results.length === 0) io.out('no reports match');
    for (const result of results) {
      io.out(`${result.id}  ${result.title ?? '(untitled)'}`);
      io.out(`    ${markHighlights(result.snippet, result.highlights)}`);
    }
    return 0;
  },
};

function markHighlights(snippet: string, highlights: Array<[number, number]>): string {
  const chars = [...snippet];
  for (const [start, end] of [...highlights].reverse()) {
    chars.splice(end, 0, ']');
    chars.splice(start, 0, '[');
  }
  return chars.join('');
}

const tag: Command = {
  name: 'tag',
  usage: 'folio tag <corpus> <id>... --add T [--add T2] | --remove T',
  summary: 'add or remove tags on one or many reports',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, {
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
    });
    const [dir, ...ids] = positionals(args, 2, '<corpus> <id>');
    if (!values.add?.length && !values.remove?.length) throw new UsageError('give --add or --remove');
    const corpus = await openCorpus(dir!);
    await corpus.setTags(ids, { add: values.add, remove: values.remove });
    for (const id of ids) io.out(`${id}: ${corpus.summary(id).tags.join(', ') || '(no tags)'}`);
    return 0;
  },
};

const status: Command = {
  name: 'status',
  usage: `folio status <corpus> <id>... <${REPORT_STATUSES.join('|')}>`,
  summary: 'set the review status of one or many reports',
  async run(argv, io) {
    const { positionals: args } = parseCommand(argv, {});
    const all = positionals(args, 3, '<corpus> <id> <status>');
    const [dir, ...ids] = all.slice(0, -1);
    const newStatus = checkStatus(all.at(-1)!);
    const corpus = await openCorpus(dir!);
    await corpus.setStatus(ids, newStatus);
    io.out(`${ids.length} report(s) now ${newStatus}`);
    return 0;
  },
};

/** Turns `--set field=value` text into the field's value: JSON when it looks like JSON, lists split on `;`. */
export function parseMetadataValue(field: string, text: string): unknown {
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      throw new UsageError(`--set ${field}: value looks like JSON but does not parse`);
    }
  }
  if (field === 'references') return trimmed ? trimmed.split(/\s*;\s*/) : [];
  if (field === 'people') {
    return trimmed
      ? trimmed.split(/\s*;\s*/).map((entry) => {
          const [name, ...role] = entry.split(/\s*,\s*/);
          return { name: name ?? '', role: role.length ? role.join(', ') : null };
        })
      : [];
  }
  if (trimmed === '') return null;
  if (field === 'viewCount') return Number(trimmed);
  return trimmed;
}

const meta: Command = {
  name: 'meta',
  usage: 'folio meta <corpus> <id> --set <field>=<value> | --reset <field>  [--editor NAME]',
  summary: `correct a metadata field (${METADATA_FIELDS.join(', ')}) or reset it to the extracted value`,
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, {
      set: { type: 'string', multiple: true },
      reset: { type: 'string', multiple: true },
      ...editorOption,
    });
    const [dir, id] = positionals(args, 2, '<corpus> <id>');
    if (!values.set?.length && !values.reset?.length)
      throw new UsageError('give --set field=value or --reset field');
    const corpus = await openCorpus(dir!);
    for (const assignment of values.set ?? []) {
      const eq = assignment.indexOf('=');
      if (eq < 1) throw new UsageError(`--set takes field=value, not "${assignment}"`);
      const field = assignment.slice(0, eq);
      await corpus.setMetadata(
        id!,
        field,
        parseMetadataValue(field, assignment.slice(eq + 1)),
        editorName(values.editor),
      );
    }
    for (const field of values.reset ?? []) await corpus.resetMetadata(id!, field);
    const report = corpus.report(id!);
    for (const field of [
      ...(values.set ?? []).map((a) => a.slice(0, a.indexOf('='))),
      ...(values.reset ?? []),
    ]) {
      const entry = report.metadata[field as keyof ReportDetail['metadata']];
      io.out(
        `${field}: ${JSON.stringify(entry.value)}${entry.correction ? ` (corrected by ${entry.correction.editor})` : ' (extracted)'}`,
      );
    }
    return 0;
  },
};

const annotate: Command = {
  name: 'annotate',
  usage:
    'folio annotate <corpus> <id> --quote <text> [--occurrence N] --label <Label> [--note <text>] [--editor NAME]',
  summary: 'annotate the N-th occurrence of a quote in the corrected text',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, {
      quote: { type: 'string' },
      occurrence: { type: 'string' },
      label: { type: 'string' },
      note: { type: 'string' },
      ...editorOption,
    });
    const [dir, id] = positionals(args, 2, '<corpus> <id>');
    if (!values.quote) throw new UsageError('give --quote');
    if (!values.label) throw new UsageError('give --label');
    const corpus = await openCorpus(dir!);
    const annotationId = await corpus.annotateQuote(
      id!,
      values.quote,
      integerOption(values.occurrence, 'occurrence', 1),
      values.label,
      values.note ?? '',
      editorName(values.editor),
    );
    const created = corpus.report(id!).annotations.find((a) => a.id === annotationId)!;
    io.out(`${annotationId} ${created.label} ${created.start}-${created.end} "${created.quote}"`);
    return 0;
  },
};

const correct: Command = {
  name: 'correct',
  usage: 'folio correct <corpus> <id> --text-file <path> [--editor NAME]',
  summary: 'save a corrected text; annotations follow their words, the original file is never written',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, {
      'text-file': { type: 'string' },
      ...editorOption,
    });
    const [dir, id] = positionals(args, 2, '<corpus> <id>');
    const file = values['text-file'];
    if (!file) throw new UsageError('give --text-file');
    const bytes = await readFile(file).catch((error: Error) => {
      throw new FolioError('unreadable', `${file}: cannot be read (${error.message})`, file);
    });
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
    const corpus = await openCorpus(dir!);
    await corpus.saveCorrection(id!, text, editorName(values.editor));
    const report = corpus.report(id!);
    const orphaned = report.annotations.filter((a) => a.orphaned).length;
    io.out(
      `${id}: ${report.changes.length} change(s) against the original; ${orphaned} orphaned annotation(s)`,
    );
    return 0;
  },
};

const check: Command = {
  name: 'check',
  usage: 'folio check <corpus> [--json]',
  summary:
    'exit 1 when a sidecar is corrupt or has git conflict markers, conflicts wait (in a report or the settings), an original changed on disk, annotations are orphaned, or files are unreadable; annotations moved onto their words are listed',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, { json: { type: 'boolean' } });
    const [dir] = positionals(args, 1, '<corpus>');
    const corpus = await openCorpus(dir!);
    const result = corpus.check();
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      const { settingsProblem, settingsConflicts } = result;
      if (settingsProblem) io.out(`.folio/corpus.json: merge-conflict: ${settingsProblem}`);
      for (const conflict of settingsConflicts) {
        io.out(
          `.folio/corpus.json: settings-conflict: ${conflict.kind} "${conflict.name}" was changed differently on both sides (ours ${JSON.stringify(conflict.ours)}, theirs ${JSON.stringify(conflict.theirs)}); keep one in Folio's library`,
        );
      }
      for (const problem of result.problems) io.out(`${problem.id}: ${problem.code}: ${problem.message}`);
      for (const skipped of result.skipped) io.out(`${skipped.file}: ${skipped.code}: ${skipped.reason}`);
      const count =
        result.problems.length + result.skipped.length + settingsConflicts.length + (settingsProblem ? 1 : 0);
      io.out(
        result.ok
          ? `ok: ${corpus.ids().length} report(s), ${count ? `${count} notice(s), no problems` : 'no problems'}`
          : `${count} problem(s)`,
      );
    }
    return result.ok ? 0 : 1;
  },
};

/** Every command, in the order `folio --help` lists them. */
export const COMMANDS: Command[] = [
  info,
  extract,
  search,
  tag,
  status,
  meta,
  annotate,
  correct,
  check,
  ACCURACY_COMMAND,
  COLLECTION_COMMAND,
  EXPORT_COMMAND,
  IMPORT_COMMAND,
  ...TEAM_COMMANDS,
];
