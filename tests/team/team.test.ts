import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TeamFactory } from '../helpers/gitRepos';
import { runScenario } from './runScenarios';
import { SCENARIOS } from './scenarios';

/** The command line the global setup built from the current source. */
const CLI = path.resolve(import.meta.dirname, '../../out/cli/folio.mjs');

let factory: TeamFactory;
beforeAll(async () => {
  factory = await TeamFactory.create({ cli: CLI, driver: true });
}, 120_000);
afterAll(() => factory?.remove());

// Each scenario is a few `folio` and git processes in a row, waiting on them: several run at once.
describe.concurrent('two editors merging their clones in git, with `folio git-setup`', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.title, { timeout: 180_000 }, async ({ expect }) => {
      const { conflicts, anchors, failures } = await runScenario(factory, scenario);
      // Merged without the driver, markers are expected: `resolve` (in the scenario) must remove them all.
      if (scenario.withoutDriver) expect(conflicts.files.length).toBeGreaterThan(0);
      else expect(conflicts).toEqual({ files: [], hunks: 0 });
      expect(anchors.unreadable).toEqual([]);
      expect(anchors.wrong).toEqual([]);
      // Both sides' work, `check` (exit 0, or 1 naming the report of a true conflict), `export`.
      expect(failures).toEqual([]);
    });
  }
});
