import { userInfo } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { REPORT_STATUSES, type ReportFilters, type ReportStatus } from '../core';

/** A command-line mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments with node's own parser; unknown options are usage errors. */
export function parseCommand<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The positional arguments, checked against the count the command needs. */
export function positionals(values: string[], min: number, names: string): string[] {
  if (values.length < min) throw new UsageError(`missing ${names}`);
  return values;
}

/** A positive integer option, or the default. */
export function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new UsageError(`--${name} must be a whole number ≥ 1, not "${value}"`);
  return parsed;
}

/** The editor's name recorded with changes: `--editor`, else `FOLIO_EDITOR`, else the user's login name. */
export function editorName(value: string | undefined): string {
  return value ?? process.env.FOLIO_EDITOR ?? userInfo().username;
}

const multiple = { type: 'string', multiple: true } as const;

/** The filter options `search`, saved searches and `export --query` share. */
export const filterOptions = {
  tag: multiple,
  status: multiple,
  source: multiple,
  place: multiple,
  ref: multiple,
  label: multiple,
  language: multiple,
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

/** Parsed values of `filterOptions`. */
export type FilterValues = {
  [K in keyof typeof filterOptions]?: (typeof filterOptions)[K] extends { multiple: true }
    ? string[]
    : string;
};

/** The report filters the filter options name. */
export function filtersFrom(values: FilterValues): ReportFilters {
  return {
    tags: values.tag,
    status: values.status?.map(checkStatus),
    source: values.source,
    place: values.place,
    reference: values.ref,
    label: values.label,
    language: values.language,
    publishedFrom: values.from,
    publishedTo: values.to,
  };
}

/** A review status named on the command line, checked. */
export function checkStatus(value: string): ReportStatus {
  if (!(REPORT_STATUSES as readonly string[]).includes(value)) {
    throw new UsageError(`unknown status "${value}"; expected one of ${REPORT_STATUSES.join(', ')}`);
  }
  return value as ReportStatus;
}
