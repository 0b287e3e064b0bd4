import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { exportReports } from '../../../src-main/core/export';
import { decodeReport } from '../../../src-main/core/text/decode';
import { buildCorpus, SAMPLE_CORPUS, tempDir } from '../../helpers/corpora';
import { NOW } from './fixture';

const SHARED = path.resolve(import.meta.dirname, '../../../../shared');

/** A real report's text as it is on disk (all of them are UTF-8, LF, NFC, no BOM). */
const real = (file: string) => readFileSync(file, 'utf8');

/** How a tool saved the file: its line ending, Unicode form and whether it starts with a BOM. */
interface Conventions {
  eol: '\n' | '\r\n';
  form: 'NFC' | 'NFD';
  bom: boolean;
}

/** Folio's text (LF, NFC) as a file written with those conventions. */
function saved(text: string, { eol, form, bom }: Conventions): string {
  return (bom ? '\uFEFF' : '') + text.normalize(form).replace(/\n/g, eol);
}

/**
 * Real reports re-saved the way other tools save them, each with a one-word correction (the changed line is
 * never the first, so the BOM stays in the context).
 */
const CASES: Array<{ name: string; text: string; saved: Conventions; from: string; to: string }> = [
  {
    name: 'CRLF',
    text: real(path.join(SHARED, 'real-corpus/018_dantri-nganh-tu-phap.txt')),
    saved: { eol: '\r\n', form: 'NFC', bom: false },
    from: 'sử đồng tình',
    to: 'sự đồng tình',
  },
  {
    name: 'NFD',
    text: real(path.join(SAMPLE_CORPUS, '000_6609e38cc437fad5.txt')),
    saved: { eol: '\n', form: 'NFD', bom: false },
    // The scraped text has a no-break space after the comma.
    from: 'Đảng,\u00a0thư Thành ủy',
    to: 'Đảng,\u00a0Bí thư Thành ủy',
  },
  {
    name: 'BOM',
    text: real(path.join(SHARED, 'real-corpus/022_baoquangninh-binh-lieu-bao.txt')),
    saved: { eol: '\n', form: 'NFC', bom: true },
    from: 'đủ thời gian niêm yết',
    to: 'đủ thời hạn niêm yết',
  },
  {
    name: 'BOM, CRLF and NFD at once',
    text: real(path.join(SAMPLE_CORPUS, '004_ec9a05d4f704e603.txt')),
    saved: { eol: '\r\n', form: 'NFD', bom: true },
    from: 'Bí thư Thành ủy Cần Thơ phát biểu',
    to: 'Bí thư Thành ủy Cần Thơ đã phát biểu',
  },
];

/** Runs a tool in `cwd`, keeping its output out of the test log. */
function run(cwd: string, tool: string, ...args: string[]): void {
  execFileSync(tool, args, { cwd, stdio: 'pipe' });
}

/** A byte copy of the corpus's report files, without Folio's folder. */
function copyOf(dir: string): string {
  const copy = tempDir('folio-patched-');
  cpSync(dir, copy, { recursive: true });
  rmSync(path.join(copy, '.folio'), { recursive: true, force: true });
  return copy;
}

/** The patch of a one-report corpus holding `original`, after `edit` through the core API. */
async function patchOf(original: Buffer, edit: (text: string) => string) {
  const dir = buildCorpus({ 'report.txt': original });
  const corpus = await Corpus.open(dir);
  await corpus.saveCorrection('report', edit(corpus.report('report').text), 'Lan');
  const out = path.join(tempDir('folio-patch-'), 'patch');
  await exportReports(corpus, { selection: { kind: 'all' }, format: 'patch', out, now: NOW });
  const file = path.join(out, 'report.patch');
  const lines = readFileSync(file, 'utf8').split('\n');
  return {
    dir,
    file,
    corrected: corpus.report('report').text,
    hunks: lines.filter((line) => line.startsWith('@@ ')),
    removed: lines.filter((line) => line.startsWith('-') && !line.startsWith('--- ')),
    added: lines.filter((line) => line.startsWith('+') && !line.startsWith('+++ ')),
  };
}

/**
 * Applies the patch to byte copies of the corpus with `git apply` and `patch -p1`, checks both give `expected`
 * and that `patch -R` gives `original` back; returns the patched bytes.
 */
function applyEverywhere(dir: string, patch: string, expected: Buffer, original: Buffer): Buffer {
  const viaGit = copyOf(dir);
  run(viaGit, 'git', 'apply', '--check', patch);
  run(viaGit, 'git', 'apply', patch);
  expect(readFileSync(path.join(viaGit, 'report.txt')).equals(expected), 'git apply').toBe(true);
  const viaPatch = copyOf(dir);
  run(viaPatch, 'patch', '-p1', '--dry-run', '-s', '-i', patch);
  run(viaPatch, 'patch', '-p1', '-s', '-i', patch);
  const patched = readFileSync(path.join(viaPatch, 'report.txt'));
  expect(patched.equals(expected), 'patch -p1').toBe(true);
  run(viaPatch, 'patch', '-R', '-p1', '-s', '-i', patch);
  expect(readFileSync(path.join(viaPatch, 'report.txt')).equals(original), 'patch -R').toBe(true);
  return patched;
}

describe('patch: only the corrected line changes, in the original file’s own bytes', () => {
  for (const { name, text, saved: conventions, from, to } of CASES) {
    it(`${name}: one hunk, one line; git apply and patch -p1 give the expected bytes, patch -R the original`, async () => {
      expect(text.split(from), `"${from}" once in the report`).toHaveLength(2);
      const original = Buffer.from(saved(text, conventions));
      const expected = Buffer.from(saved(text.replace(from, to), conventions));
      const patch = await patchOf(original, (current) => current.replace(from, to));
      expect(patch.hunks).toHaveLength(1);
      // The changed line, byte for byte as the file has it and as it becomes (its CR and Unicode form kept).
      const changed = text.split('\n').find((line) => line.includes(from))!;
      const cr = conventions.eol === '\r\n' ? '\r' : '';
      expect(patch.removed).toEqual([`-${changed.normalize(conventions.form)}${cr}`]);
      expect(patch.added).toEqual([`+${changed.replace(from, to).normalize(conventions.form)}${cr}`]);
      const patched = applyEverywhere(patch.dir, patch.file, expected, original);
      // Folio reads the patched file as exactly the corrected text.
      expect(decodeReport(patched, 'report.txt').text).toBe(patch.corrected);
    });
  }

  it('a file mixing line endings and forms: the corrected line keeps its own CRLF and NFD, the rest their bytes', async () => {
    const lines = real(path.join(SAMPLE_CORPUS, '002_797677fa4fdc1458.txt')).split('\n');
    // One line pasted from another tool: decomposed and ending in CRLF, in a file of NFC lines ending in LF.
    const mixed = (text: string) =>
      text
        .split('\n')
        .map((line, i) => (i === 2 ? `${line.normalize('NFD')}\r` : line))
        .join('\n');
    const original = Buffer.from(mixed(lines.join('\n')));
    const patch = await patchOf(original, (text) =>
      text.replace('thực hiện NQ TW6', 'thực hiện Nghị quyết TW6'),
    );
    const edited = lines.join('\n').replace('thực hiện NQ TW6', 'thực hiện Nghị quyết TW6');
    expect(patch.added).toEqual([`+${edited.split('\n')[2]!.normalize('NFD')}\r`]);
    applyEverywhere(patch.dir, patch.file, Buffer.from(mixed(edited)), original);
  });

  it('a line added and one removed in a CRLF file without a final line break: both in CRLF, nothing else changes', async () => {
    const crlf: Conventions = { eol: '\r\n', form: 'NFC', bom: false };
    const lines = real(path.join(SHARED, 'real-corpus/026_vnexpress-duong-ham-hamas.txt'))
      .trimEnd()
      .split('\n');
    const inserted = 'Tin, ảnh: Huyền Lê';
    const edited = [lines[0]!, inserted, ...lines.slice(1, -2), lines.at(-1)!].join('\n');
    const original = Buffer.from(saved(lines.join('\n'), crlf));
    const patch = await patchOf(original, () => edited);
    expect(patch.added).toEqual([`+${inserted}\r`]);
    expect(patch.removed).toEqual([`-${lines.at(-2)!}\r`]);
    applyEverywhere(patch.dir, patch.file, Buffer.from(saved(edited, crlf)), original);
  });
});
