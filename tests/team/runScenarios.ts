// Runs the team scenarios and lays their outcomes out as issue 14's table.
import path from 'node:path';
import { TeamFactory, type TeamOptions, type TextualConflicts } from '../helpers/gitRepos';
import {
  countAnchors,
  describeCheck,
  describeRun,
  Findings,
  runCheck,
  View,
  type AnchorCount,
  type CheckOutcome,
} from './merged';
import { SCENARIOS, type Scenario } from './scenarios';

/** The outcome of one scenario, read in B's clone after the merge (and `afterMerge`). */
export interface ScenarioResult {
  scenario: Scenario;
  /** Left by `git pull`, before anything else ran. */
  conflicts: TextualConflicts;
  check: CheckOutcome;
  /** `export --all --format jsonl` after the merge: its exit code and first complaint. */
  exported: string;
  anchors: AnchorCount;
  findings: Findings;
  /** Everything that is not as the issue requires: lost work, the wrong `check` or `export` outcome. */
  failures: string[];
}

/** A scenario's result, or the error that stopped it. */
export type ScenarioOutcome = ScenarioResult | { scenario: Scenario; error: Error };

/** Builds the team's history for one scenario, merges it in B's clone and reads what the merge left. */
export async function runScenario(factory: TeamFactory, scenario: Scenario): Promise<ScenarioResult> {
  const team = await factory.team();
  const { a, b } = team;
  if (scenario.base) {
    await scenario.base(team);
    await a.commit('Shared beginning');
    await a.push();
    await b.git(['pull', '-q', '--ff-only', 'origin', 'main']);
  }
  await Promise.all([
    scenario.a(team).then(async () => {
      await a.commit(`A: ${scenario.key}`);
      await a.push();
    }),
    scenario.b(team).then(() => b.commit(`B: ${scenario.key}`)),
  ]);
  // A teammate who never ran `folio git-setup`: git finds no driver for the attributes and merges by lines.
  if (scenario.withoutDriver && factory.driver)
    await b.git(['config', '--local', '--remove-section', 'merge.folio']);
  const conflicts = await b.pull();
  const findings = new Findings();
  await scenario.afterMerge?.(team, findings);
  const check = await runCheck(b);
  const exported = await b.folio([
    'export',
    '.',
    '--all',
    '--format',
    'jsonl',
    '--out',
    path.join(team.root, 'out'),
  ]);
  scenario.expect(new View(b), findings);
  const outcome = { check, exported: describeRun(b, exported), anchors: countAnchors(b) };
  const failures = [...findings.missing];
  const require = (ok: boolean, failure: string) => ok || failures.push(failure);
  if (scenario.check === 'ok') {
    require(check.code === 0, `check ${describeCheck(check)}, expected exit 0`);
    require(exported.code === 0, `export ${outcome.exported}`);
  } else {
    const { problemOn } = scenario.check;
    require(check.code === 1, `check ${describeCheck(check)}, expected exit 1`);
    require(check.problems.some((p) => p.id === problemOn), `check names no problem on ${problemOn}`);
  }
  return { scenario, conflicts, ...outcome, findings, failures };
}

/**
 * Every scenario (or those named), `jobs` at a time; a scenario that throws gives its error in its place. `keep`
 * leaves the repositories on disk to look into.
 */
export async function runScenarios(
  options: TeamOptions,
  { keys, jobs = 2, keep = false }: { keys?: string[]; jobs?: number; keep?: boolean } = {},
): Promise<ScenarioOutcome[]> {
  const chosen = keys ? SCENARIOS.filter((s) => keys.includes(s.key)) : SCENARIOS;
  const factory = await TeamFactory.create(options);
  try {
    const results: ScenarioOutcome[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < chosen.length; i = next++) {
        const scenario = chosen[i]!;
        results[i] = await runScenario(factory, scenario).catch((error: Error) => ({ scenario, error }));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
    return results;
  } finally {
    if (keep) process.stderr.write(`repositories kept in ${factory.folder}\n`);
    else factory.remove();
  }
}

/** A table cell: one line, its pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/gu, ' ').replace(/\|/gu, '\\|');
}

function describeConflicts({ files, hunks }: TextualConflicts): string {
  return files.length === 0 ? '0' : `${files.length} file(s), ${hunks} hunk(s)`;
}

function describeAnchors({ total, onText, orphaned, wrong, unreadable }: AnchorCount): string {
  const parts = total ? [`${onText}/${total - orphaned} on their text`] : [];
  if (orphaned) parts.push(`${orphaned} orphaned`);
  parts.push(...wrong);
  if (unreadable.length) parts.push(`${unreadable.length} sidecar(s) unreadable`);
  return parts.join('; ') || '—';
}

/** The table of issue 14: one row per scenario. */
export function markdownTable(results: ScenarioOutcome[]): string {
  const rows = [
    '| scenario | textual conflicts | `check` | `export` | annotations | lost or wrong | notes |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const result of results) {
    const columns =
      'error' in result
        ? [result.scenario.title, '—', '—', '—', '—', `could not run: ${result.error.message}`, '']
        : [
            result.scenario.title,
            describeConflicts(result.conflicts),
            describeCheck(result.check),
            result.exported,
            describeAnchors(result.anchors),
            result.findings.missing.join('; ') || 'nothing',
            result.findings.notes.join('; '),
          ];
    rows.push(`| ${columns.map(cell).join(' | ')} |`);
  }
  return rows.join('\n');
}
