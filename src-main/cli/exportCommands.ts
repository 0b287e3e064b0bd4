import type { ResolvedCollection } from '../contract/types';
import type { Corpus } from '../core';
import { Collections } from '../core/collections';
import {
  EXPORT_FORMATS,
  exportReports,
  type ExportFormatName,
  type ExportSelection,
  type ExportSummary,
  type TextVersion,
} from '../core/export';
import {
  applyImport,
  IMPORT_FORMATS,
  planImport,
  type AnnotationChange,
  type ImportFormatName,
  type ImportSummary,
} from '../core/import';
import {
  editorName,
  filterOptions,
  filtersFrom,
  parseCommand,
  positionals,
  UsageError,
  type FilterValues,
} from './args';
import type { Command, CommandIO } from './commands';
import { openCorpus } from './open';

/** How many unreadable editorial files a warning names before it points to `folio check`. */
const LISTED_UNREADABLE = 10;

/**
 * Says on stderr what a command worked without: the editorial files it could not read (git conflict markers
 * left in them, or damage), whose reports it took as unedited, and a `corpus.json` held merged in memory;
 * with `list`, each file's own message (which names it and what to run).
 */
export function warnUnreadable(
  corpus: Corpus,
  command: string,
  dir: string,
  io: CommandIO,
  { list = true }: { list?: boolean } = {},
): void {
  const unreadable = corpus.info().corruptSidecars;
  if (unreadable.length) {
    const conflicted = unreadable.filter((u) =>
      corpus.summary(u.id).problems.some((p) => p.code === 'merge-conflict'),
    ).length;
    io.err(
      `folio ${command}: warning: ${unreadable.length} report(s) have editorial files that cannot be read; their tags and annotations are not counted${conflicted ? ` (${conflicted} with git conflict markers: run "folio resolve ${dir}")` : ''}`,
    );
    if (list) {
      for (const file of unreadable.slice(0, LISTED_UNREADABLE)) io.err(`  ${file.message}`);
      if (unreadable.length > LISTED_UNREADABLE)
        io.err(`  … and ${unreadable.length - LISTED_UNREADABLE} more (folio check lists them all)`);
    }
  }
  const settings = corpus.settingsProblem();
  if (settings) io.err(`folio ${command}: warning: ${settings}`);
}

function hasFilters(values: FilterValues): boolean {
  return Object.keys(filterOptions).some((key) => values[key as keyof FilterValues] !== undefined);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}

function describeCollection(collection: ResolvedCollection): string {
  const missing = collection.entries.filter((e) => e.missing).length;
  const count = `${collection.entries.length - missing} report(s)${missing ? `, ${missing} missing` : ''}`;
  if (collection.kind === 'manual') return `${collection.name}  (manual, ${count})`;
  const filters = Object.entries(collection.filters ?? {}).map(([key, value]) => `${key}=${String(value)}`);
  return `${collection.name}  (saved search ${JSON.stringify(collection.query)}${filters.length ? ` ${filters.join(' ')}` : ''}, ${count})`;
}

function printEntries(collection: ResolvedCollection, io: CommandIO): void {
  io.out(describeCollection(collection));
  collection.entries.forEach((entry, i) =>
    io.out(`  ${i + 1}. ${entry.id}${entry.missing ? '  (missing: its file is gone)' : ''}`),
  );
}

/** `folio collection`: list, create, fill, order and delete named collections. */
export const COLLECTION_COMMAND: Command = {
  name: 'collection',
  usage:
    'folio collection <corpus> list [<name>] [--json] | create <name> [<id>...] | create <name> [--query Q] [--tag T] [--status S] [--source S] [--place P] [--ref R] [--label L] [--language L] [--from D] [--to D] | add <name> <id>... | remove <name> <id>... | move <name> <id> <position> | delete <name>',
  summary: 'named collections: hand-picked and ordered, or saved searches',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, {
      query: { type: 'string' },
      json: { type: 'boolean' },
      ...filterOptions,
    });
    const [dir, action, name, ...rest] = positionals(args, 2, '<corpus> <action>');
    const needName = () => {
      if (!name) throw new UsageError(`${action} needs a collection <name>`);
      return name;
    };
    const collections = new Collections(await openCorpus(dir!));
    switch (action) {
      case 'list': {
        const listed = name ? [collections.get(name)] : collections.list();
        if (values.json) io.out(JSON.stringify(listed, null, 2));
        else if (name) printEntries(listed[0]!, io);
        else if (listed.length === 0) io.out('no collections');
        else for (const collection of listed) io.out(describeCollection(collection));
        return 0;
      }
      case 'create': {
        const search = values.query !== undefined || hasFilters(values);
        const created = await collections.create(
          search
            ? { kind: 'search', name: needName(), query: values.query ?? '', filters: filtersFrom(values) }
            : { kind: 'manual', name: needName(), ids: rest },
        );
        io.out(`created ${describeCollection(created)}`);
        return 0;
      }
      case 'add':
      case 'remove': {
        if (rest.length === 0) throw new UsageError(`${action} needs at least one report <id>`);
        printEntries(
          await (action === 'add' ? collections.add(needName(), rest) : collections.remove(needName(), rest)),
          io,
        );
        return 0;
      }
      case 'move': {
        const [id, position] = rest;
        if (!id || !position) throw new UsageError('move needs <name> <id> <position>');
        const at = Number(position);
        if (!Number.isInteger(at) || at < 1)
          throw new UsageError(`position must be a whole number ≥ 1, not "${position}"`);
        printEntries(await collections.move(needName(), id, at), io);
        return 0;
      }
      case 'delete':
        await collections.delete(needName());
        io.out(`deleted collection "${name}" (its reports are untouched)`);
        return 0;
      default:
        throw new UsageError(
          `unknown action "${action}"; expected list, create, add, remove, move or delete`,
        );
    }
  },
};

function selectionFrom(
  values: { collection?: string; query?: string; all?: boolean } & FilterValues,
): ExportSelection {
  const given = [values.collection !== undefined, values.query !== undefined, values.all === true].filter(
    Boolean,
  ).length;
  if (given !== 1) throw new UsageError('give exactly one of --collection NAME, --query Q or --all');
  if (hasFilters(values) && values.query === undefined)
    throw new UsageError('filters (--tag, --status, …) go with --query');
  if (values.collection !== undefined) return { kind: 'collection', name: values.collection };
  if (values.query !== undefined) return { kind: 'query', query: values.query, filters: filtersFrom(values) };
  return { kind: 'all' };
}

/** The export time: `SOURCE_DATE_EPOCH` (seconds) when set, the reproducible-builds convention, else now. */
function exportTime(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch))
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

function printExport(summary: ExportSummary, ms: number, io: CommandIO): void {
  const bytes = summary.files.reduce((sum, file) => sum + file.bytes, 0);
  io.out(
    `exported ${summary.reports} report(s) as ${summary.format} (${summary.text} text) to ${summary.out}${summary.zip ? ' (zip)' : ''}: ${summary.files.length + 1} file(s), ${(bytes / 1024).toFixed(1)} KB, ${ms.toFixed(0)} ms`,
  );
  if (summary.missing.length) io.out(`missing (in the collection, file gone): ${summary.missing.join(', ')}`);
  if (summary.leftOut.length) {
    io.out(`left out ${summary.leftOut.length} annotation(s):`);
    for (const left of summary.leftOut)
      io.out(`  ${left.reportId}: ${left.label} ${JSON.stringify(left.text)}: ${left.reason}`);
  }
  for (const warning of summary.warnings) io.out(`warning: ${warning}`);
}

/** `folio export`: a collection, a query or the whole corpus in one format, as a folder or a zip. */
export const EXPORT_COMMAND: Command = {
  name: 'export',
  usage: `folio export <corpus> (--collection NAME | --query Q [--tag T …] | --all) --format <${EXPORT_FORMATS.join('|')}> [--text original|corrected] --out PATH [--zip] [--force] [--no-debris] [--base IRI] [--raw-cells] [--json]`,
  summary:
    'export reports for people (csv, xlsx, markdown, txt) and tools (jsonl, webannotation, brat, doccano, conll, patch)',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, {
      collection: { type: 'string' },
      query: { type: 'string' },
      all: { type: 'boolean' },
      format: { type: 'string' },
      text: { type: 'string' },
      out: { type: 'string' },
      zip: { type: 'boolean' },
      force: { type: 'boolean' },
      'no-debris': { type: 'boolean' },
      base: { type: 'string' },
      'raw-cells': { type: 'boolean' },
      json: { type: 'boolean' },
      ...filterOptions,
    });
    const [dir] = positionals(args, 1, '<corpus>');
    if (!values.format) throw new UsageError('give --format');
    if (!values.out) throw new UsageError('give --out');
    const format = oneOf<ExportFormatName>(values.format, EXPORT_FORMATS, '--format');
    const text = oneOf<TextVersion>(values.text ?? 'corrected', ['original', 'corrected'], '--text');
    if (values['no-debris'] && format !== 'markdown')
      throw new UsageError('--no-debris applies to --format markdown only');
    if (values.base !== undefined && format !== 'webannotation')
      throw new UsageError('--base applies to --format webannotation only');
    if (values['raw-cells'] && format !== 'csv' && format !== 'xlsx')
      throw new UsageError('--raw-cells applies to --format csv and xlsx only');
    const selection = selectionFrom(values);
    const now = exportTime();
    const corpus = await openCorpus(dir!);
    // Reports whose editorial files cannot be read are refused by the export itself, naming each.
    if (corpus.settingsProblem()) warnUnreadable(corpus, 'export', dir!, io, { list: false });
    const started = performance.now();
    const summary = await exportReports(corpus, {
      selection,
      format,
      text,
      out: values.out,
      zip: values.zip,
      force: values.force,
      debris: !values['no-debris'],
      base: values.base,
      rawCells: values['raw-cells'],
      now,
    });
    if (values.json) io.out(JSON.stringify(summary, null, 2));
    else printExport(summary, performance.now() - started, io);
    return 0;
  },
};

const CHANGE_WORDS: Record<AnnotationChange['kind'], string> = {
  added: 'added',
  removed: 'removed',
  relabelled: 'relabelled',
  moved: 'moved',
  renoted: 're-noted',
};

function describeChange(change: AnnotationChange): string {
  const span = `${JSON.stringify(change.text)} ${change.start}-${change.end}`;
  const what = (() => {
    switch (change.kind) {
      case 'added':
      case 'removed':
        return `${change.label} ${span}`;
      case 'relabelled':
        return `${span}: ${change.from} → ${change.label}`;
      case 'moved':
        return `${change.label} ${JSON.stringify(change.from.text)} ${change.from.start}-${change.from.end} → ${span}`;
      case 'renoted':
        return `${change.label} ${span}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.note)}`;
    }
  })();
  return `${CHANGE_WORDS[change.kind].padEnd(10)}  ${what}${change.where ? `  (${change.where})` : ''}`;
}

function printImport(summary: ImportSummary, io: CommandIO): void {
  const n = (kind: AnnotationChange['kind']) => summary.changes.filter((c) => c.kind === kind).length;
  io.out(
    `${summary.applied ? 'imported' : 'dry run, nothing written: importing'} ${summary.format} from ${summary.source} ${summary.applied ? 'changed' : 'would change'} ${summary.reports.length} report(s): ${n('added')} annotation(s) added, ${n('removed')} removed, ${n('relabelled')} relabelled, ${n('moved')} moved, ${n('renoted')} re-noted, ${summary.annotationsUnchanged} unchanged, ${summary.reanchored.length} re-anchored; ${summary.metadataChanged} metadata value(s) changed, ${summary.metadataUnchanged} unchanged`,
  );
  if (summary.manifest) io.out(`matched to the export through ${summary.manifest}`);
  if (summary.additionsOnly) io.out(`note: ${summary.additionsOnly}`);
  const byReport = new Map<string, string[]>();
  const list = (reportId: string, line: string) => {
    const lines = byReport.get(reportId);
    if (lines) lines.push(line);
    else byReport.set(reportId, [line]);
  };
  for (const change of summary.changes) list(change.reportId, describeChange(change));
  for (const { reportId, field, value } of summary.metadata)
    list(reportId, `${field} = ${JSON.stringify(value)}`);
  for (const [reportId, lines] of byReport) {
    io.out(`${reportId}:`);
    for (const line of lines) io.out(`  ${line}`);
  }
  if (summary.kept.length) {
    io.out(`not taken, Folio changed the same since the export (${summary.kept.length}):`);
    for (const k of summary.kept)
      io.out(`  ${k.where ?? k.reportId}: ${k.label} ${JSON.stringify(k.text)}: ${k.reason}`);
  }
  if (summary.reanchored.length) {
    io.out('re-anchored (offsets did not cover the text; placed where the text stands):');
    for (const r of summary.reanchored) {
      io.out(`  ${r.where}: ${r.label} ${JSON.stringify(r.text)} ${r.from.join('-')} → ${r.to.join('-')}`);
    }
  }
  if (summary.unmatched.length) {
    io.out(`not imported (${summary.unmatched.length}):`);
    for (const u of summary.unmatched) io.out(`  ${u.where}: ${u.what}: ${u.reason}`);
  }
  for (const ignored of summary.ignored) io.out(`ignored: ${ignored}`);
  if (!summary.applied && summary.reports.length)
    io.out('run again with --apply to make these changes (one step, undone as one)');
}

/**
 * `folio import`: annotations back from brat, doccano or Web Annotation files (matched to the export through
 * its manifest: what was added, deleted, relabelled, moved and re-noted there), metadata corrections from a CSV.
 * A dry run that lists the changes, unless `--apply`.
 */
export const IMPORT_COMMAND: Command = {
  name: 'import',
  usage: `folio import <corpus> --format <${IMPORT_FORMATS.join('|')}> <path> [--manifest PATH] [--apply] [--editor NAME] [--json]`,
  summary:
    'take back annotations from brat, doccano or Web Annotation (added, deleted, relabelled, moved, re-noted) or metadata from a CSV; lists the changes, makes them with --apply',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, {
      format: { type: 'string' },
      manifest: { type: 'string' },
      apply: { type: 'boolean' },
      editor: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [dir, source] = positionals(args, 2, '<corpus> <path>');
    if (!values.format) throw new UsageError('give --format');
    const format = oneOf<ImportFormatName>(values.format, IMPORT_FORMATS, '--format');
    if (values.manifest !== undefined && format === 'csv-metadata')
      throw new UsageError('--manifest applies to annotation imports (brat, doccano, webannotation) only');
    const corpus = await openCorpus(dir!);
    const plan = await planImport(corpus, {
      format,
      source: source!,
      editor: editorName(values.editor),
      manifest: values.manifest,
    });
    const summary = values.apply ? (await applyImport(corpus, plan)).summary : plan.summary;
    if (values.json) io.out(JSON.stringify(summary, null, 2));
    else printImport(summary, io);
    return 0;
  },
};
