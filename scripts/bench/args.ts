/** What `npm run bench -- …` was asked to do. */
export interface BenchOptions {
  sizes: number[];
  runs: number;
  seed: number;
  json: string | null;
  /** A real folder of reports, measured beside the synthetic sizes (copied first: opening writes its cache). */
  corpus: string | null;
}

/** What a child process measures: one corpus size, or the size-independent diffs. */
export type ChildTask =
  | { task: 'corpus'; dir: string; work: string; runs: number; out: string }
  | { task: 'session'; dir: string; work: string; out: string }
  | { task: 'diff'; runs: number; seed: number; out: string };

/** The usage line printed by `--help` and after a bad option. */
export const USAGE =
  'Usage: npm run bench -- [--sizes 1000,10000,100000] [--corpus DIR] [--json out.json] [--runs N] [--seed N]\n' +
  '  --sizes  corpus sizes in reports, comma-separated (default 1000,10000)\n' +
  '  --corpus also measure a real folder of reports (a copy of it), and how often its fields are empty\n' +
  '  --json   also write every figure to this file, for machines\n' +
  '  --runs   runs per figure; each figure is their median (default 3)\n' +
  '  --seed   seed of the synthetic corpora (default 1)';

/** A bad command line: the message names the option and the value. */
export class UsageError extends Error {}

/** Parses the options of the benchmark; throws a `UsageError` naming the bad option. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const values = readFlags(argv, ['sizes', 'json', 'runs', 'seed', 'corpus'], ['help']);
  if (values.help !== undefined) return 'help';
  const sizes = (values.sizes ?? '1000,10000').split(',').map((s) => positiveInteger('--sizes', s.trim()));
  return {
    sizes,
    runs: values.runs === undefined ? 3 : positiveInteger('--runs', values.runs),
    seed: values.seed === undefined ? 1 : positiveInteger('--seed', values.seed),
    json: values.json ?? null,
    corpus: values.corpus ?? null,
  };
}

/** True when this process is a child the benchmark started, not the command a person ran. */
export function isChild(argv: readonly string[]): boolean {
  return argv[0] === '--child';
}

/** Parses the hidden options a parent passes to a child process (`--child corpus|session|diff …`). */
export function parseChildTask(argv: readonly string[]): ChildTask {
  const values = readFlags(argv, ['child', 'dir', 'work', 'runs', 'seed', 'out'], []);
  const required = (name: string) => {
    const value = values[name];
    if (value === undefined) throw new UsageError(`bench: --child ${values.child} needs --${name}`);
    return value;
  };
  const runs = () => positiveInteger('--runs', required('runs'));
  if (values.child === 'corpus') {
    return {
      task: 'corpus',
      dir: required('dir'),
      work: required('work'),
      runs: runs(),
      out: required('out'),
    };
  }
  if (values.child === 'session') {
    return { task: 'session', dir: required('dir'), work: required('work'), out: required('out') };
  }
  if (values.child === 'diff') {
    return {
      task: 'diff',
      runs: runs(),
      seed: positiveInteger('--seed', required('seed')),
      out: required('out'),
    };
  }
  throw new UsageError(`bench: unknown --child task "${values.child}"; expected corpus, session or diff`);
}

function readFlags(argv: readonly string[], withValue: string[], bare: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--') || ![...withValue, ...bare].includes(name)) {
      throw new UsageError(`bench: unknown option "${arg}"`);
    }
    if (bare.includes(name)) {
      values[name] = '';
      continue;
    }
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`bench: ${arg} needs a value`);
    values[name] = value;
  }
  return values;
}

function positiveInteger(option: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`bench: ${option} expects a positive whole number, got "${text}"`);
  }
  return value;
}
