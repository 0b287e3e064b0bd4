import { FolioError } from '../core';
import { UsageError } from './args';
import { COMMANDS, type CommandIO } from './commands';

const HELP = [
  'folio — curate a corpus of news reports from the command line',
  '',
  'Usage: folio <command> [options]   (folio <command> --help for its options)',
  '',
  ...COMMANDS.map((command) => `  ${command.name.padEnd(11)} ${command.summary}`),
].join('\n');

/** Runs `folio` with the given arguments; resolves to the process exit code. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`folio: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`folio ${name}: ${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof FolioError) {
      io.err(`folio ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`folio: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
