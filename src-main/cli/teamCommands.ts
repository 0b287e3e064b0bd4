import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { FolioError } from '../core';
import { mergeFolioFiles } from '../core/merge';
import { originalsOf, resolveConflictedFiles } from '../core/merge/resolveFiles';
import { writeFileAtomic } from '../core/store/atomic';
import { parseCommand, positionals } from './args';
import type { Command } from './commands';

/** The merge driver's name in `.gitattributes` and the repository's configuration. */
const DRIVER = 'folio';

const mergeDriver: Command = {
  name: 'merge-driver',
  usage: 'folio merge-driver <base %O> <ours %A> <theirs %B> [<path %P>]',
  summary: 'git merge driver for .folio files: a three-way merge that records true conflicts in the file',
  async run(argv, io) {
    const { positionals: args } = parseCommand(argv, {});
    const [basePath, oursPath, theirsPath, shownPath] = positionals(args, 3, '<base> <ours> <theirs>');
    const file = shownPath ?? oursPath!;
    const read = (side: string) => {
      try {
        return readFileSync(side, 'utf8');
      } catch (error) {
        throw new FolioError('unreadable', `${side}: cannot be read (${(error as Error).message})`, side);
      }
    };
    try {
      const merged = mergeFolioFiles(
        existsSync(basePath!) ? read(basePath!) : null,
        read(oursPath!),
        read(theirsPath!),
        file,
        { originalText: originalsOf(corpusOfEditorialFile(path.resolve(file))) },
      );
      await fs.writeFile(oursPath!, merged.text);
      if (merged.conflicts) {
        io.err(`folio: ${file}: merged; ${merged.conflicts} conflict(s) to resolve in Folio`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof FolioError)) throw error;
      // Git keeps what the driver leaves in %A: the line merge with markers is the fallback it would have made.
      spawnSync('git', [
        'merge-file',
        '-L',
        'ours',
        '-L',
        'base',
        '-L',
        'theirs',
        oursPath!,
        basePath!,
        theirsPath!,
      ]);
      io.err(`folio merge-driver: ${error.message}; merged line by line instead`);
      return 1;
    }
  },
};

const gitSetup: Command = {
  name: 'git-setup',
  usage: 'folio git-setup <corpus>',
  summary:
    "make git merge this corpus's .folio files with Folio's merge driver (.gitattributes and git config)",
  async run(argv, io) {
    const { positionals: args } = parseCommand(argv, {});
    const [dir] = positionals(args, 1, '<corpus>');
    const corpus = existingFolder(dir!);
    const top = gitTopLevel(corpus);
    const prefix = path.relative(top, corpus).split(path.sep).join('/');
    const wanted = ['.folio/reports/**/*.json', '.folio/corpus.json'].map(
      (pattern) => `${prefix ? `${attributePattern(prefix)}/` : ''}${pattern} merge=${DRIVER}`,
    );
    const attributes = path.join(top, '.gitattributes');
    const current = existsSync(attributes) ? readFileSync(attributes, 'utf8') : '';
    const present = new Set(current.split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, ' ')));
    const missing = wanted.filter((line) => !present.has(line));
    if (missing.length) {
      const separator = current === '' || current.endsWith('\n') ? '' : '\n';
      await writeFileAtomic(attributes, `${current}${separator}${missing.join('\n')}\n`);
      io.out(`${attributes}: added ${missing.join(', ')}`);
    } else io.out(`${attributes}: already routes the corpus's .folio files to the "${DRIVER}" merge driver`);
    const command = `${[process.execPath, realpathSync(process.argv[1]!)].map(shellQuoted).join(' ')} merge-driver %O %A %B %P`;
    git(top, ['config', `merge.${DRIVER}.name`, 'Folio: three-way merge of .folio sidecars and corpus.json']);
    git(top, ['config', `merge.${DRIVER}.driver`, command]);
    io.out(`git config merge.${DRIVER}.driver (this clone's): ${command}`);
    io.out('Commit .gitattributes; every clone runs "folio git-setup" once (git does not share its config).');
    return 0;
  },
};

const resolve: Command = {
  name: 'resolve',
  usage: 'folio resolve <corpus> [--json]',
  summary:
    'merge .folio files left with git conflict markers, keeping both sides; true conflicts are recorded',
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, { json: { type: 'boolean' } });
    const [dir] = positionals(args, 1, '<corpus>');
    const results = await resolveConflictedFiles(existingFolder(dir!));
    const failed = results.filter((result) => 'error' in result).length;
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else {
      if (results.length === 0) io.out('no .folio file has conflict markers');
      for (const result of results) {
        io.out(
          'error' in result
            ? `${result.file}: not resolved: ${result.error}`
            : `${result.file}: merged; ${result.conflicts} conflict(s) to resolve in Folio`,
        );
      }
      if (results.length > failed) io.out('Then "git add" the files and commit the merge.');
    }
    return failed ? 1 : 0;
  },
};

/** The team commands: the merge driver git runs, its set-up, and resolving files merged without it. */
export const TEAM_COMMANDS: Command[] = [gitSetup, mergeDriver, resolve];

/** The corpus folder an editorial file (`<corpus>/.folio/…`) belongs to, or null. */
function corpusOfEditorialFile(file: string): string | null {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('.folio');
  return at > 0 ? parts.slice(0, at).join(path.sep) : null;
}

function existingFolder(dir: string): string {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new FolioError('not-a-folder', `${dir}: not a folder`, dir);
  }
  return realpathSync(dir);
}

function gitTopLevel(corpus: string): string {
  try {
    return realpathSync(git(corpus, ['rev-parse', '--show-toplevel']).trim());
  } catch {
    throw new FolioError(
      'invalid-input',
      `${corpus}: not inside a git repository; run "git init" there (or clone the team's repository) first`,
      corpus,
    );
  }
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A folder as a `.gitattributes` pattern: glob characters escaped, white space as a class (it separates fields). */
function attributePattern(folder: string): string {
  return folder.replace(/[[\]*?\\!#]/g, (char) => `\\${char}`).replace(/\s/g, '[[:space:]]');
}

/** A word for the shell git runs the driver with. */
function shellQuoted(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
