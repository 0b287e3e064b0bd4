import { execFileSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../../src-main/core';
import { exportReports, type ExportFormatName } from '../../../src-main/core/export';
import { copySampleCorpus, SAMPLE_IDS, tempDir } from '../../helpers/corpora';

/** The sample report the fixture corrects and annotates most. */
export const ID0 = SAMPLE_IDS[0]!;
/** A sample report with a span across a line break. */
export const ID1 = SAMPLE_IDS[1]!;
/** A report whose text has characters outside the BMP and arrives as NFD with CRLF line ends. */
export const ASTRAL = 'astral';
/** The export time every test passes, so exports are comparable byte for byte. */
export const NOW = new Date('2025-03-01T08:00:00Z');

// "Đ", "ồ", "ị" … decomposed, CRLF line ends: the corpus must see NFC with LF.
const ASTRAL_TEXT =
  'Tin tức - Sự kiện\r\n😀 Đồng chí Lâm Thị Phương Thanh 🇻🇳 phát biểu tại 𝕏 Hà Nội; "Thành ủy" <b> *đẹp*.\r\n# Có thể bạn quan tâm\r\nView count: 220';

/** Writes the astral report into a corpus folder. */
export function writeAstral(dir: string): void {
  writeFileSync(path.join(dir, `${ASTRAL}.txt`), ASTRAL_TEXT.normalize('NFD'));
}

/**
 * The sample corpus plus the astral report, with a text correction (including an emoji and a new sentence),
 * annotations (notes, an overlap, one on new text, one across a line break, one orphaned by a deletion) and metadata, tags
 * and status set through the core API.
 */
export async function annotatedCorpus(): Promise<{ dir: string; corpus: Corpus }> {
  const dir = copySampleCorpus();
  writeAstral(dir);
  const corpus = await Corpus.open(dir);
  await correctAndAnnotate(corpus);
  return { dir, corpus };
}

/** The text correction of the fixture, applied alone (a fresh copy for imports needs the same text). */
export async function correctText(corpus: Corpus): Promise<void> {
  const text = corpus
    .report(ID0)
    .text.replace('Bí Thư Thành ủy', 'Bí thư 😀 Thành ủy')
    .replace(/\(TGCT\)\s/, '')
    .replace(/Các đồng chí lãnh đạo Thành ủy\schủ trì Hội nghị\./, 'Ban Tuyên giáo mới dự Hội nghị.');
  await corpus.saveCorrection(ID0, text, 'Lan');
}

async function correctAndAnnotate(corpus: Corpus): Promise<void> {
  await corpus.annotateQuote(ID0, 'TGCT', 1, 'Organisation', 'deleted by the correction', 'Lan');
  await correctText(corpus);
  await corpus.annotateQuote(ID0, 'Cần Thơ', 1, 'Place', 'thành phố\nở miền Tây', 'Lan');
  await corpus.annotateQuote(ID0, 'Thành uỷ Cần Thơ', 1, 'Organisation', '', 'Lan');
  await corpus.annotateQuote(ID0, 'Trần Quốc Trung', 1, 'Person', 'Bí thư Thành ủy', 'Minh');
  await corpus.annotateQuote(ID0, 'Nghị quyết số 22-NQ/TW', 1, 'Document reference', '', 'Lan');
  await corpus.annotateQuote(ID0, 'Ban Tuyên giáo mới', 1, 'Organisation', '', 'Lan');
  await corpus.annotateQuote(ID0, 'Bí thư 😀', 1, 'Quote', '', 'Lan');
  const text1 = corpus.report(ID1).text;
  const firstBreak = text1.indexOf('\n');
  await corpus.annotateQuote(ID1, text1.slice(firstBreak - 5, firstBreak + 6), 1, 'Quote', '', 'Lan');
  await corpus.annotateQuote(ASTRAL, 'Lâm Thị Phương Thanh', 1, 'Person', '', 'Lan');
  await corpus.annotateQuote(ASTRAL, '🇻🇳', 1, 'Place', '', 'Lan');
  await corpus.annotateQuote(ASTRAL, 'Hà Nội', 1, 'Place', 'sau 𝕏', 'Lan');
  await corpus.annotateQuote(ASTRAL, 'Thành ủy', 1, 'Organisation', '', 'Lan');
  await corpus.setMetadata(ID0, 'title', 'Tổng kết Nghị quyết 22, "Cần Thơ"; 2018', 'Lan');
  await corpus.setMetadata(ID0, 'people', [{ name: 'Trần Quốc Trung', role: 'Bí thư; Thành ủy' }], 'Lan');
  await corpus.setTags([ID0, ASTRAL], { add: ['hội nghị', 'Cần Thơ'] });
  await corpus.setStatus([ID0], 'done');
}

/** Runs a Python 3 script (standard library only) with arguments; returns its stdout parsed as JSON. */
export function python(script: string, ...args: string[]): unknown {
  const stdout = execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
  return JSON.parse(stdout);
}

/** Opens a copy of the corpus folder `dir`, for a test to change. */
export async function openCopy(dir: string): Promise<Corpus> {
  const copy = tempDir('folio-copy-');
  cpSync(dir, copy, { recursive: true });
  return Corpus.open(copy);
}

/** Exports every report of `corpus` in `format` at `NOW` (as a zip with `zip`); resolves with where it went. */
export async function exportAll(corpus: Corpus, format: ExportFormatName, zip = false): Promise<string> {
  const out = path.join(tempDir('folio-export-'), zip ? `${format}.zip` : format);
  await exportReports(corpus, { selection: { kind: 'all' }, format, out, zip, now: NOW });
  return out;
}
