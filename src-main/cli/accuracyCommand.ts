import { measureAccuracy } from '../core';
import { parseCommand, positionals } from './args';
import type { Command } from './commands';
import { openCorpus } from './open';

/** `folio accuracy`: how far the extracted metadata held on the reports the editors marked done. */
export const ACCURACY_COMMAND: Command = {
  name: 'accuracy',
  usage: 'folio accuracy <corpus> [--json]',
  summary: "extracted values against the editors' on reviewed (done) reports, field by field",
  async run(argv, io) {
    const { values, positionals: args } = parseCommand(argv, { json: { type: 'boolean' } });
    const [dir] = positionals(args, 1, '<corpus>');
    const corpus = await openCorpus(dir!);
    const done = corpus.list({ status: ['done'] }).map((s) => corpus.report(s.id, { remember: false }));
    const report = measureAccuracy(done);
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
      return 0;
    }
    io.out(`reviewed reports (status done): ${report.reviewed}`);
    if (report.reviewed === 0) {
      io.out('nothing to measure yet: mark reports done once their metadata is checked');
      return 0;
    }
    io.out(`${'field'.padEnd(11)} ${'kept'.padStart(6)} ${'corrected'.padStart(9)}  accuracy`);
    for (const f of report.fields) {
      const percent = `${(100 * f.accuracy!).toFixed(1)}%`;
      io.out(
        `${f.field.padEnd(11)} ${String(f.agreed).padStart(6)} ${String(f.reviewed - f.agreed).padStart(9)}  ${percent.padStart(8)}`,
      );
    }
    return 0;
  },
};
