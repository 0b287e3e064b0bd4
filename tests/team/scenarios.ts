// The team scenarios of issue 14: two editors edit clones of one corpus through the real `folio` command line,
// B merges A's work, and what the merge left is measured: textual conflicts, `check`, whether every annotation
// still covers its quote, whether both sides' work survived. Used by tests/team/team.test.ts (with Folio's
// merge driver) and by scripts/team-scenarios.mjs (the table, for any build, with or without the driver).
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EDITORS, type Clone, type Team } from '../helpers/gitRepos';
import { describeCheck, describeRun, Findings, parseCheck, runCheck, sidecarPath, View } from './merged';

const R0 = '000_6609e38cc437fad5';
const R1 = '001_9e0dc26d2fc8d3f8';
const R2 = '002_797677fa4fdc1458';
const NBSP = '\u00a0';

/** A change to one line of a text (line numbers as the text the editor sees has them). */
interface LineEdit {
  line: number;
  from: string;
  to: string;
}

function applyEdits(text: string, edits: LineEdit[], what: string): string {
  const lines = text.split('\n');
  for (const { line, from, to } of edits) {
    if (!lines[line]?.includes(from)) throw new Error(`${what}: line ${line} does not contain "${from}"`);
    lines[line] = lines[line]!.replace(from, to);
  }
  return lines.join('\n');
}

/** A scratch folder beside the clones for the files an editor hands to `folio` (never committed). */
function scratch(clone: Clone): string {
  return mkdtempSync(path.join(path.dirname(clone.dir), `scratch-${clone.name}-`));
}

/** `folio correct` with the editor's text: the current text with `edits` made. */
async function correct(clone: Clone, id: string, edits: LineEdit[], editor?: string): Promise<void> {
  const view = new View(clone);
  const findings = new Findings();
  const text = view.text(id, findings);
  if (text === null) throw new Error(`${clone.name}: ${findings.missing.join('; ')}`);
  const file = path.join(scratch(clone), `${id}.txt`);
  writeFileSync(file, applyEdits(text, edits, `${clone.name} correcting ${id}`));
  await clone.folioOk(['correct', '.', id, '--text-file', file, ...(editor ? ['--editor', editor] : [])]);
}

/** The original file replaced by a new scrape of the page. */
function rescrape(
  clone: Clone,
  id: string,
  edits: LineEdit[],
  insert: { after: number; line: string },
): void {
  const original = clone.read(`${id}.txt`)!;
  const lines = applyEdits(original, edits, `re-scraping ${id}`).split('\n');
  lines.splice(insert.after + 1, 0, insert.line);
  clone.write(`${id}.txt`, lines.join('\n'));
}

const tag = (clone: Clone, id: string, name: string) => clone.folioOk(['tag', '.', id, '--add', name]);
const annotate = (clone: Clone, id: string, quote: string, label = 'Person', occurrence = 1) =>
  clone.folioOk([
    'annotate',
    '.',
    id,
    '--quote',
    quote,
    '--label',
    label,
    '--occurrence',
    String(occurrence),
  ]);

// The edits of the scenarios: real typos of the first sample report, fixed as an editor would.
const CITY_TYPO: LineEdit = { line: 12, from: 'thánh phố', to: 'thành phố' };
const CITY_FIXED = 'trên địa bàn thành phố được thực hiện';
const SECRETARY_TYPO: LineEdit = { line: 25, from: `Đảng,${NBSP}thư`, to: `Đảng,${NBSP}Bí thư` };
const SECRETARY_FIXED = `Đảng,${NBSP}Bí thư Thành ủy${NBSP}phát biểu kết luận`;
const SECRETARY_OTHER: LineEdit = {
  line: 25,
  from: `Đảng,${NBSP}thư Thành ủy`,
  to: `Đảng,${NBSP}Bí thư Thành ủy Cần Thơ`,
};
const SECRETARY_OTHER_TEXT = `Bí thư Thành ủy Cần Thơ${NBSP}phát biểu kết luận`;
const CAPITAL_TYPO: LineEdit = { line: 7, from: 'Bí Thư Thành ủy', to: 'Bí thư Thành ủy' };
const CAPTION = 'Các đồng chí lãnh đạo';
const CAPTION_EDIT: LineEdit = { line: 5, from: CAPTION, to: 'Các vị lãnh đạo' };
/** The page as scraped again: a line of update time added, and the caption under the first photo changed. */
const RESCRAPE = {
  edits: [{ line: 5, from: `${CAPTION} Thành ủy${NBSP}chủ trì Hội nghị.`, to: 'Quang cảnh Hội nghị.' }],
  insert: { after: 1, line: 'Cập nhật: 08:15 - 06/07/2018' },
};

/** One row of the table. */
export interface Scenario {
  key: string;
  title: string;
  /** Edits made (by A) and shared before the two editors diverge. */
  base?(team: Team): Promise<unknown>;
  a(team: Team): Promise<unknown>;
  b(team: Team): Promise<unknown>;
  /** B's clone never ran `folio git-setup`: git merges Folio's files line by line, as before the driver. */
  withoutDriver?: boolean;
  /** What B does once merged, before the outcome is read (an unrelated edit, `resolve`), with its findings. */
  afterMerge?(team: Team, findings: Findings): Promise<unknown>;
  /** What the merged clone must hold. */
  expect(view: View, findings: Findings): void;
  /** What `check` must say after the merge: a true conflict or an orphan is a problem it names on this report. */
  check: 'ok' | { problemOn: string };
}

/** B's next edit, unrelated to the text, after `check` has had its say on the merged corpus as it came. */
async function unrelatedEdit(clone: Clone, findings: Findings): Promise<void> {
  findings.note(`check before the edit: ${describeCheck(await runCheck(clone))}`);
  await tag(clone, R0, 'đã xem');
}

/** The behaviour of the commands on a corpus left with conflict markers, and `folio resolve`. */
async function conflictedCommands(
  clone: Clone,
  file: string,
  edit: string[],
  findings: Findings,
): Promise<void> {
  const named = (run: { stdout: string; stderr: string }) => {
    const said = run.stdout + run.stderr;
    return said.includes(path.basename(file)) && said.includes('folio resolve');
  };
  const exportDir = path.join(scratch(clone), 'export');
  const runs = {
    info: await clone.folio(['info', '.']),
    search: await clone.folio(['search', '.', 'Thành ủy']),
    export: await clone.folio(['export', '.', '--all', '--format', 'jsonl', '--out', exportDir]),
    check: await clone.folio(['check', '.', '--json']),
  };
  const commands = Object.keys(runs) as Array<keyof typeof runs>;
  findings.note(`exit ${commands.join('/')}: ${commands.map((c) => runs[c].code).join('/')}`);
  findings.note(
    `named with "folio resolve" by: ${commands.filter((c) => named(runs[c])).join(', ') || 'none'}`,
  );
  for (const command of commands)
    findings.require(named(runs[command]), `${command} does not name ${file} and "folio resolve"`);
  findings.require(runs.info.code === 0, 'info stops on the conflicted file');
  findings.require(runs.check.code === 1, 'check does not fail on the conflicted file');
  const listed = parseCheck(clone, runs.check);
  findings.require(
    listed.problems.some((p) => p.code === 'merge-conflict'),
    `check --json lists no merge-conflict problem (${describeCheck(listed)})`,
  );
  // An edit of what the file holds would write one side over the other: it waits for `resolve`.
  const refused = await clone.folio(edit);
  findings.note(`${edit[0]} ${describeRun(clone, refused)}`);
  findings.require(
    refused.code !== 0 && clone.filesWithMarkers().includes(file),
    `${edit[0]} overwrote ${file}`,
  );
  const resolve = await clone.folio(['resolve', '.']);
  findings.note(`resolve exit ${resolve.code}`);
  findings.require(resolve.code === 0, `folio resolve ${describeRun(clone, resolve)}`);
  const left = clone.filesWithMarkers();
  findings.require(left.length === 0, `markers left after resolve in ${left.join(', ')}`);
}

/**
 * Text corrections in different paragraphs over an earlier one (by A), with B saving as A's editor name
 * (`same`: git alone conflicted even then, on the shared `editor`/`at` lines) or as its own.
 */
function correctionsApart(editors: 'same' | 'different'): Scenario {
  const ofB = editors === 'same' ? EDITORS.A : EDITORS.B;
  return {
    key: `corrections-apart-${editors}-editor`,
    title: `text corrections in different paragraphs over an earlier correction, ${editors} editor${editors === 'same' ? '' : 's'}`,
    base: ({ a }) => correct(a, R0, [CAPITAL_TYPO]),
    a: ({ a }) => correct(a, R0, [CITY_TYPO]),
    b: ({ b }) => correct(b, R0, [SECRETARY_TYPO], ofB),
    expect(view, findings) {
      view.textHas(
        R0,
        [CITY_FIXED, SECRETARY_FIXED, CAPITAL_TYPO.to],
        ['thánh phố', CAPITAL_TYPO.from],
        findings,
      );
      const credits = {
        [CAPITAL_TYPO.line]: EDITORS.A,
        [CITY_TYPO.line]: EDITORS.A,
        [SECRETARY_TYPO.line]: ofB,
      };
      view.changedBy(R0, credits, findings);
    },
    check: 'ok',
  };
}

export const SCENARIOS: Scenario[] = [
  {
    key: 'different-reports',
    title: 'A and B edit different reports',
    a: ({ a }) => tag(a, R0, 'kiểm tra'),
    b: ({ b }) => tag(b, R1, 'tin tỉnh'),
    expect(view, findings) {
      view.tags(R0, ['kiểm tra'], findings);
      view.tags(R1, ['tin tỉnh'], findings);
    },
    check: 'ok',
  },
  {
    key: 'no-sidecar-in-base',
    title: 'same report, no sidecar in the base: each adds a tag',
    a: ({ a }) => tag(a, R0, 'kiểm tra'),
    b: ({ b }) => tag(b, R0, 'tin tỉnh'),
    expect: (view, findings) => view.tags(R0, ['kiểm tra', 'tin tỉnh'], findings),
    check: 'ok',
  },
  {
    key: 'append-tag',
    title: 'same report, both append a tag',
    base: ({ a }) => tag(a, R0, 'gốc'),
    a: ({ a }) => tag(a, R0, 'kiểm tra'),
    b: ({ b }) => tag(b, R0, 'tin tỉnh'),
    expect: (view, findings) => view.tags(R0, ['gốc', 'kiểm tra', 'tin tỉnh'], findings),
    check: 'ok',
  },
  {
    key: 'empty-tag-list',
    title: 'same report, both add to an empty tag list',
    base: ({ a }) => a.folioOk(['status', '.', R0, 'in-progress']),
    a: ({ a }) => tag(a, R0, 'kiểm tra'),
    b: ({ b }) => tag(b, R0, 'tin tỉnh'),
    expect(view, findings) {
      view.tags(R0, ['kiểm tra', 'tin tỉnh'], findings);
      findings.require(view.sidecar(R0, findings)?.status === 'in-progress', `${R0}: status lost`);
    },
    check: 'ok',
  },
  {
    key: 'append-annotation',
    title: 'same report, both append an annotation',
    base: ({ a }) => annotate(a, R0, 'Trần Quốc Trung'),
    a: ({ a }) => annotate(a, R0, 'Mai Thanh Dân'),
    b: ({ b }) => annotate(b, R0, 'Phạm Văn Hiểu'),
    expect: (view, findings) =>
      view.annotated(R0, ['Trần Quốc Trung', 'Mai Thanh Dân', 'Phạm Văn Hiểu'], findings),
    check: 'ok',
  },
  {
    key: 'corrections-apart',
    title: 'text corrections in different paragraphs, no earlier correction',
    a: ({ a }) => correct(a, R0, [CITY_TYPO]),
    b: ({ b }) => correct(b, R0, [SECRETARY_TYPO]),
    expect(view, findings) {
      view.textHas(R0, [CITY_FIXED, SECRETARY_FIXED], ['thánh phố'], findings);
      view.changedBy(R0, { [CITY_TYPO.line]: EDITORS.A, [SECRETARY_TYPO.line]: EDITORS.B }, findings);
    },
    check: 'ok',
  },
  correctionsApart('same'),
  correctionsApart('different'),
  {
    key: 'correction-under-annotations',
    title: 'A corrects the text while B annotates (over an earlier correction and annotation)',
    async base({ a }) {
      await correct(a, R0, [CAPITAL_TYPO]);
      await annotate(a, R0, 'Phạm Văn Hiểu');
    },
    a: ({ a }) => correct(a, R0, [CAPTION_EDIT]),
    async b({ b }) {
      await annotate(b, R0, 'Mai Thanh Dân');
      await annotate(b, R0, 'Trần Quốc Trung');
    },
    expect(view, findings) {
      view.textHas(R0, [CAPTION_EDIT.to], [CAPTION], findings);
      view.annotated(R0, ['Phạm Văn Hiểu', 'Mai Thanh Dân', 'Trần Quốc Trung'], findings);
      view.onLineOf(R0, 'Mai Thanh Dân', 'Tham dự và chủ trì Hội nghị', findings);
    },
    check: 'ok',
  },
  {
    key: 'first-collections',
    title: 'both create the first collection (no corpus.json in the base)',
    base: ({ a }) => a.git(['rm', '-q', '.folio/corpus.json']),
    a: ({ a }) => a.folioOk(['collection', '.', 'create', 'Tuyển chọn', R0, R1]),
    b: ({ b }) => b.folioOk(['collection', '.', 'create', 'Nổi bật', R2]),
    expect: (view, findings) => collections(view, { 'Tuyển chọn': [R0, R1], 'Nổi bật': [R2] }, findings),
    check: 'ok',
  },
  {
    key: 'create-collections',
    title: 'both create a collection',
    a: ({ a }) => a.folioOk(['collection', '.', 'create', 'Tuyển chọn', R0, R1]),
    b: ({ b }) => b.folioOk(['collection', '.', 'create', 'Nổi bật', R2]),
    expect: (view, findings) => collections(view, { 'Tuyển chọn': [R0, R1], 'Nổi bật': [R2] }, findings),
    check: 'ok',
  },
  {
    key: 'same-collection',
    title: 'both add to the same collection',
    base: ({ a }) => a.folioOk(['collection', '.', 'create', 'Tuyển chọn', R0]),
    a: ({ a }) => a.folioOk(['collection', '.', 'add', 'Tuyển chọn', R1]),
    b: ({ b }) => b.folioOk(['collection', '.', 'add', 'Tuyển chọn', R2]),
    expect: (view, findings) => collections(view, { 'Tuyển chọn': [R0, R1, R2] }, findings),
    check: 'ok',
  },
  {
    key: 'tag-and-metadata',
    title: 'same report, A tags while B corrects a metadata field',
    base: ({ a }) => tag(a, R0, 'gốc'),
    a: ({ a }) => tag(a, R0, 'kiểm tra'),
    b: ({ b }) => b.folioOk(['meta', '.', R0, '--set', 'place=Ninh Kiều, Cần Thơ']),
    expect(view, findings) {
      view.tags(R0, ['gốc', 'kiểm tra'], findings);
      const place = view.sidecar(R0, findings)?.metadata?.place?.value;
      findings.require(place === 'Ninh Kiều, Cần Thơ', `${R0}: place is ${JSON.stringify(place)}`);
    },
    check: 'ok',
  },
  {
    key: 'same-field',
    title: 'the same metadata field changed differently (a true conflict)',
    base: ({ a }) => a.folioOk(['meta', '.', R0, '--set', 'place=Cần Thơ']),
    a: ({ a }) => a.folioOk(['meta', '.', R0, '--set', 'place=Ninh Kiều, Cần Thơ']),
    b: ({ b }) => b.folioOk(['meta', '.', R0, '--set', 'place=Bình Thủy, Cần Thơ']),
    expect(view, findings) {
      view.conflictRecorded(sidecarPath(R0), ['Ninh Kiều, Cần Thơ', 'Bình Thủy, Cần Thơ'], findings);
      // Until the editor chooses, the state holds the merging side's own value.
      const place = view.sidecar(R0, findings)?.metadata?.place?.value;
      findings.require(
        place === 'Bình Thủy, Cần Thơ',
        `${R0}: place is ${JSON.stringify(place)} before a choice`,
      );
    },
    check: { problemOn: R0 },
  },
  {
    key: 'corrections-overlap',
    title: 'text corrections of the same line (a true conflict)',
    a: ({ a }) => correct(a, R0, [SECRETARY_OTHER]),
    b: ({ b }) => correct(b, R0, [SECRETARY_TYPO]),
    expect(view, findings) {
      view.conflictRecorded(sidecarPath(R0), [SECRETARY_FIXED, SECRETARY_OTHER_TEXT], findings);
      view.textHas(R0, [SECRETARY_FIXED], [SECRETARY_OTHER_TEXT], findings);
    },
    check: { problemOn: R0 },
  },
  {
    key: 'rescrape-under-annotations',
    title: "a re-scraped original (A) under B's annotations, then an unrelated edit",
    a: async ({ a }) => rescrape(a, R0, RESCRAPE.edits, RESCRAPE.insert),
    async b({ b }) {
      await annotate(b, R0, 'Mai Thanh Dân');
      await annotate(b, R0, `${CAPTION} Thành ủy`, 'Organisation');
    },
    afterMerge: ({ b }, findings) => unrelatedEdit(b, findings),
    expect(view, findings) {
      view.annotated(R0, ['Mai Thanh Dân'], findings);
      view.onLineOf(R0, 'Mai Thanh Dân', 'Tham dự và chủ trì Hội nghị', findings);
      view.orphaned(R0, `${CAPTION} Thành ủy`, findings);
    },
    check: { problemOn: R0 },
  },
  {
    key: 'rescrape-under-correction',
    title:
      "a re-scraped original (A) under B's correction elsewhere and an annotation on it, then an unrelated edit",
    a: async ({ a }) => rescrape(a, R0, RESCRAPE.edits, RESCRAPE.insert),
    async b({ b }) {
      await correct(b, R0, [SECRETARY_TYPO]);
      // The second "Trần Quốc Trung" is on the corrected line, below the lines the new scrape adds.
      await annotate(b, R0, 'Trần Quốc Trung', 'Person', 2);
    },
    afterMerge: ({ b }, findings) => unrelatedEdit(b, findings),
    expect(view, findings) {
      view.textHas(R0, [RESCRAPE.insert.line, 'Quang cảnh Hội nghị.', SECRETARY_FIXED], [CAPTION], findings);
      view.annotated(R0, ['Trần Quốc Trung'], findings);
      view.onLineOf(R0, 'Trần Quốc Trung', SECRETARY_FIXED, findings);
    },
    check: 'ok',
  },
  {
    key: 'rescrape-overlaps-correction',
    title: "a re-scraped original (A) changing the line of B's correction, then an unrelated edit",
    a: async ({ a }) => rescrape(a, R0, [SECRETARY_OTHER], RESCRAPE.insert),
    b: ({ b }) => correct(b, R0, [SECRETARY_TYPO]),
    afterMerge: ({ b }, findings) => unrelatedEdit(b, findings),
    expect(view, findings) {
      view.textHas(R0, [RESCRAPE.insert.line, SECRETARY_FIXED], [], findings);
      view.conflictRecorded(sidecarPath(R0), [SECRETARY_FIXED, SECRETARY_OTHER_TEXT], findings);
    },
    check: { problemOn: R0 },
  },
  {
    key: 'conflicted-sidecar',
    title: 'a sidecar merged without the driver (both tag and annotate), then `folio resolve`',
    withoutDriver: true,
    base: ({ a }) => tag(a, R0, 'gốc'),
    async a({ a }) {
      await tag(a, R0, 'kiểm tra');
      await annotate(a, R0, 'Mai Thanh Dân');
    },
    async b({ b }) {
      await tag(b, R0, 'tin tỉnh');
      await annotate(b, R0, 'Phạm Văn Hiểu');
    },
    afterMerge: ({ b }, findings) =>
      conflictedCommands(b, sidecarPath(R0), ['tag', '.', R0, '--add', 'khác'], findings),
    expect(view, findings) {
      view.tags(R0, ['gốc', 'kiểm tra', 'tin tỉnh'], findings);
      view.annotated(R0, ['Mai Thanh Dân', 'Phạm Văn Hiểu'], findings);
    },
    check: 'ok',
  },
  {
    key: 'conflicted-settings',
    title: 'corpus.json merged without the driver (both create a collection), then `folio resolve`',
    withoutDriver: true,
    a: ({ a }) => a.folioOk(['collection', '.', 'create', 'Tuyển chọn', R0, R1]),
    b: ({ b }) => b.folioOk(['collection', '.', 'create', 'Nổi bật', R2]),
    afterMerge: ({ b }, findings) =>
      conflictedCommands(b, '.folio/corpus.json', ['collection', '.', 'create', 'Khác'], findings),
    expect: (view, findings) => collections(view, { 'Tuyển chọn': [R0, R1], 'Nổi bật': [R2] }, findings),
    check: 'ok',
  },
];

function collections(view: View, expected: Record<string, string[]>, findings: Findings): void {
  const settings = view.settings(findings);
  if (!settings) return;
  for (const [name, ids] of Object.entries(expected)) {
    const found = settings.collections?.find((c) => c.name === name);
    findings.require(found !== undefined, `collection "${name}" lost`);
    for (const id of ids)
      findings.require(found?.ids?.includes(id) ?? false, `collection "${name}" lost ${id}`);
  }
}
