// A shared corpus in git as a team has it: a bare repository holding a copy of a corpus, and two clones, "A"
// and "B", each with its own git user and editor name. Free of vitest, so scripts/team-scenarios.mjs uses it too.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The built-in sample corpus the repositories start from. */
export const SAMPLE_CORPUS = path.resolve(import.meta.dirname, '../../resources/sample-corpus');

/** What a process printed and how it exited. */
export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a process to its end without blocking the event loop, so several scenarios can run at once. */
function runProcess(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Git without the machine's own configuration: only what the test sets counts. */
const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_MERGE_AUTOEDIT: 'no',
};

/** Runs git in `cwd`; fails with git's own words unless the exit code is one of `allowed`. */
async function git(cwd: string, args: string[], allowed = [0], env = GIT_ENV): Promise<ProcessRun> {
  const run = await runProcess('git', args, cwd, { ...process.env, ...env });
  if (!allowed.includes(run.code ?? -1))
    throw new Error(`${cwd}: git ${args.join(' ')} exited ${run.code}: ${run.stderr || run.stdout}`);
  return run;
}

/** How many textual conflicts a file holds: lines that open one (`<<<<<<< ours`). */
function conflictHunks(text: string | null): number {
  return text?.match(/^<{7}(?: |$)/gmu)?.length ?? 0;
}

/** Files left with conflict markers by a merge, and how many conflicted hunks they hold. */
export interface TextualConflicts {
  files: string[];
  hunks: number;
}

/** One working copy of the shared repository, used by one editor. */
export class Clone {
  constructor(
    readonly name: string,
    readonly dir: string,
    /** The editor name Folio records for this clone's edits (FOLIO_EDITOR). */
    readonly editor: string,
    private readonly cli: string,
  ) {}

  private get env(): NodeJS.ProcessEnv {
    return { ...GIT_ENV, FOLIO_EDITOR: this.editor };
  }

  /** Runs git here; fails with git's own words unless the exit code is one of `allowed`. */
  git(args: string[], allowed: number[] = [0]): Promise<ProcessRun> {
    return git(this.dir, args, allowed, this.env);
  }

  /** Runs the built `folio` command line here, as the editor would: `folio(['tag', '.', id, '--add', 'x'])`. */
  folio(args: string[]): Promise<ProcessRun> {
    return runProcess(process.execPath, [this.cli, ...args], this.dir, { ...process.env, ...this.env });
  }

  /** Runs `folio` and fails unless it exits 0. */
  async folioOk(args: string[]): Promise<ProcessRun> {
    const run = await this.folio(args);
    if (run.code !== 0)
      throw new Error(
        `${this.name}: folio ${args.join(' ')} exited ${run.code}: ${run.stderr || run.stdout}`,
      );
    return run;
  }

  path(relative: string): string {
    return path.join(this.dir, relative);
  }

  read(relative: string): string | null {
    const file = this.path(relative);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  }

  write(relative: string, text: string): void {
    writeFileSync(this.path(relative), text);
  }

  /** Commits everything changed (as this clone's git user). */
  async commit(message: string): Promise<void> {
    await this.git(['add', '-A']);
    await this.git(['commit', '-q', '-m', message]);
  }

  async push(): Promise<void> {
    await this.git(['push', '-q', 'origin', 'HEAD:main']);
  }

  /** Pulls with a merge (never a rebase) and tells what textual conflicts it left. */
  async pull(): Promise<TextualConflicts> {
    await this.git(['pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main'], [0, 1]);
    return this.textualConflicts();
  }

  /**
   * Files git lists as unmerged plus any editorial file holding conflict markers (a driver that wrote markers
   * and said it merged would hide them from git), with the number of conflicted hunks in them.
   */
  async textualConflicts(): Promise<TextualConflicts> {
    const unmerged = (await this.git(['diff', '--name-only', '--diff-filter=U'])).stdout
      .split('\n')
      .filter(Boolean);
    const files = [...new Set([...unmerged, ...this.filesWithMarkers()])].sort();
    const hunks = files.reduce((sum, file) => sum + conflictHunks(this.read(file)), 0);
    return { files, hunks };
  }

  /** Editorial files that hold conflict markers, whatever git's index says of them. */
  filesWithMarkers(): string[] {
    return editorialFiles(this.dir).filter((file) => conflictHunks(this.read(file)) > 0);
  }
}

/** `.folio/` files a merge can touch (not the git-ignored cache and temporary files), relative to `dir`. */
export function editorialFiles(dir: string): string[] {
  const root = path.join(dir, '.folio');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !/^\.folio[\\/](cache|tmp)[\\/]/u.test(file))
    .sort();
}

/** A bare repository and its two clones. */
export interface Team {
  root: string;
  a: Clone;
  b: Clone;
}

export interface TeamOptions {
  /** The built command line, `out/cli/folio.mjs`, of the Folio being measured. */
  cli: string;
  /** Run `folio git-setup` in both clones, so sidecars and corpus.json merge with Folio's driver. */
  driver: boolean;
  corpus?: string;
}

/** The editor names Folio records for the two clones' edits. */
export const EDITORS = { A: 'ana', B: 'bao' } as const;

/**
 * Builds the shared repository once (the corpus and an empty `.folio/corpus.json` committed, both clones made,
 * configured and their caches warm) and hands out fresh copies of it, one per scenario: cheaper than building
 * each, and every copy starts from the same history.
 */
export class TeamFactory {
  private made = 0;

  private constructor(
    private readonly template: string,
    private readonly options: TeamOptions,
  ) {}

  static async create(options: TeamOptions): Promise<TeamFactory> {
    const template = mkdtempSync(path.join(tmpdir(), 'folio-team-'));
    const factory = new TeamFactory(template, options);
    try {
      await factory.build(path.join(template, 'template'));
    } catch (error) {
      factory.remove();
      throw error;
    }
    return factory;
  }

  private async build(root: string): Promise<void> {
    const bare = path.join(root, 'origin.git');
    const { cli, driver } = this.options;
    cpSync(this.options.corpus ?? SAMPLE_CORPUS, path.join(root, 'A'), { recursive: true });
    const a = new Clone('A', path.join(root, 'A'), EDITORS.A, cli);
    await git(root, ['init', '-q', '--bare', '-b', 'main', bare]);
    await a.git(['init', '-q', '-b', 'main']);
    await identify(a);
    // A settings write gives the corpus its corpus.json (with its id), as the first editor's session would.
    await a.folioOk(['collection', '.', 'create', 'tạm']);
    await a.folioOk(['collection', '.', 'delete', 'tạm']);
    if (driver) await a.folioOk(['git-setup', '.']);
    await a.commit('The corpus');
    await a.git(['remote', 'add', 'origin', bare]);
    await a.git(['push', '-q', '-u', 'origin', 'main']);
    await git(root, ['clone', '-q', bare, 'B']);
    const b = new Clone('B', path.join(root, 'B'), EDITORS.B, cli);
    await identify(b);
    if (driver) await b.folioOk(['git-setup', '.']);
    await b.folioOk(['info', '.']);
  }

  /** A fresh copy of the repository and its clones, removed with the factory. */
  async team(): Promise<Team> {
    const root = path.join(this.template, `team-${++this.made}`);
    cpSync(path.join(this.template, 'template'), root, { recursive: true, preserveTimestamps: true });
    const clone = (name: 'A' | 'B') =>
      new Clone(name, path.join(root, name), EDITORS[name], this.options.cli);
    const team = { root, a: clone('A'), b: clone('B') };
    for (const member of [team.a, team.b]) {
      await member.git(['remote', 'set-url', 'origin', path.join(root, 'origin.git')]);
      const config = (await member.git(['config', '--local', '--list'])).stdout;
      if (config.includes(path.join(this.template, 'template')))
        throw new Error(
          `${member.name}'s git configuration names the template's folder; copies cannot share it`,
        );
    }
    return team;
  }

  /** Whether the clones were set up with Folio's merge driver. */
  get driver(): boolean {
    return this.options.driver;
  }

  /** The folder holding the template and every team made from it. */
  get folder(): string {
    return this.template;
  }

  remove(): void {
    rmSync(this.template, { recursive: true, force: true });
  }
}

async function identify(clone: Clone): Promise<void> {
  await clone.git(['config', 'user.name', `Editor ${clone.name}`]);
  await clone.git(['config', 'user.email', `${clone.editor}@example.org`]);
}
