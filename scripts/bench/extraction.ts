import fs from 'node:fs';
import path from 'node:path';
import { decodeReport, extractMetadata } from '../../src-main/core';
import type { ExtractOptions } from '../../src-main/core/extract';
import { GOLD_FIELDS, readGold, scoreAgainstGold } from './gold';
import type { Extracted } from './gold';

// Extraction quality beside the speed figures: scores against hand-written metadata, and how often a field
// is left empty on real folders. Measured in the bench's own process; no figure here is timed.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared');

/** A set of reports with metadata written by hand, in score.py's shape. */
interface GoldSet {
  name: string;
  dir: string;
  gold: string;
}

const GOLD_SETS: readonly GoldSet[] = [
  {
    name: 'samples (resources/sample-corpus)',
    dir: path.join(ROOT, 'resources/sample-corpus'),
    gold: path.join(ROOT, 'tests/fixtures/sample-gold.json'),
  },
  {
    name: 'real-corpus (../shared/real-corpus)',
    dir: path.join(SHARED, 'real-corpus'),
    gold: path.join(SHARED, 'real-corpus/gold.json'),
  },
  {
    name: 'archive, 40 checked by hand',
    dir: path.join(SHARED, 'real-archive'),
    gold: path.join(ROOT, 'tests/fixtures/archive-gold.json'),
  },
];

/** The report files below a folder (`.txt`, `.md`), hidden folders and `.folio/` left out. */
function* reportFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* reportFiles(full);
    else if (/\.(?:txt|md|markdown)$/iu.test(entry.name)) yield full;
  }
}

/** How many report files a folder holds. */
export function countReportFiles(dir: string): number {
  return [...reportFiles(dir)].length;
}

/** A report file's extracted values as score.py reads them, and its language. */
export function extractedRecord(
  file: string,
  options: ExtractOptions = {},
): Extracted & { language: string | null } {
  const r = extractMetadata(decodeReport(fs.readFileSync(file), file).text, options);
  return {
    title: r.title.value,
    published: r.published.value,
    source: r.source.value,
    author: r.author.value,
    place: r.place.value,
    references: r.references.map((x) => x.value.code),
    language: r.language,
  };
}

function scoreSet(set: GoldSet): string[] {
  if (!fs.existsSync(set.gold) || !fs.existsSync(set.dir)) return [`| ${set.name} | not found | | | | | | |`];
  const gold = readGold(set.gold);
  const records = new Map(
    [...gold.keys()].map((id) => [id, extractedRecord(path.join(set.dir, `${id}.txt`))]),
  );
  const score = scoreAgainstGold(gold, records);
  const cells = GOLD_FIELDS.map((f) => `${score.hits[f]}/${score.reports}`);
  return [
    `| ${set.name} | ${score.reports} | ${cells.join(' | ')} | P ${score.precision.toFixed(2)} · R ${score.recall.toFixed(2)} |`,
  ];
}

/** Share of reports whose field is empty, for every report and for the Vietnamese ones. */
function emptyShares(dir: string): string[] {
  const fields = ['title', 'published', 'source', 'author', 'place'] as const;
  const counts = { all: 0, vi: 0 };
  const empty = { all: new Map<string, number>(), vi: new Map<string, number>() };
  for (const file of reportFiles(dir)) {
    let record: ReturnType<typeof extractedRecord>;
    try {
      record = extractedRecord(file);
    } catch {
      continue;
    }
    const groups = record.language === 'vi' ? (['all', 'vi'] as const) : (['all'] as const);
    for (const group of groups) {
      counts[group]++;
      for (const f of fields) if (record[f] === null) empty[group].set(f, (empty[group].get(f) ?? 0) + 1);
    }
  }
  const share = (group: 'all' | 'vi', f: string) =>
    counts[group] === 0 ? '—' : `${((100 * (empty[group].get(f) ?? 0)) / counts[group]).toFixed(1)} %`;
  return [
    `| ${dir}: all ${counts.all.toLocaleString('en-US')} | ${fields.map((f) => share('all', f)).join(' | ')} |`,
    `| ${dir}: Vietnamese ${counts.vi.toLocaleString('en-US')} | ${fields.map((f) => share('vi', f)).join(' | ')} |`,
  ];
}

/** The extraction tables the bench prints after its timings: gold scores, then empty fields per folder. */
export function extractionTables(realFolders: readonly string[]): string {
  const lines = [
    'Extraction against hand-written metadata (rules of ../shared/real-corpus/score.py):',
    '',
    `| Set | Reports | ${GOLD_FIELDS.join(' | ')} | References |`,
    `|---|---|${GOLD_FIELDS.map(() => '---').join('|')}|---|`,
    ...GOLD_SETS.flatMap(scoreSet),
  ];
  if (realFolders.length > 0) {
    lines.push(
      '',
      'Empty fields on real folders (--corpus):',
      '',
      '| Reports | title | published | source | author | place |',
      '|---|---|---|---|---|---|',
      ...realFolders.flatMap(emptyShares),
    );
  }
  return lines.join('\n');
}
