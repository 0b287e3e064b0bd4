import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus, type ReportDetail } from '../../../src-main/core';
import { reconcileState } from '../../../src-main/core/corpus/reconcile';
import { sha256 } from '../../../src-main/core/store/hash';
import { parseReportState } from '../../../src-main/core/store/sidecars';
import { textKeyOf } from '../../../src-main/core/text/anchor';
import { buildCorpus, copySampleCorpus, tempDir } from '../../helpers/corpora';

// A sidecar read from disk reconciled with the original as it is now, on every load and before every edit:
// a re-scraped original under annotations and under a correction, a hand-edited sidecar, a format-1 one.

const SHARED = path.resolve(import.meta.dirname, '../../../../shared');
/** A real report, one paragraph per line; "Trần Thanh Mẫn" occurs six times. */
const REPORT = readFileSync(path.join(SHARED, 'real-corpus/014_dangcongsan-tran-thanh-man.txt'), 'utf8');
const LINES = REPORT.split('\n');
const NAME = 'Trần Thanh Mẫn';
const EDITOR = 'Lan';

/**
 * The report as its outlet published it again, scraped anew: the topic tag gone from the title, a paragraph
 * added after the photo (longer than the text between the 4th and 5th "Trần Thanh Mẫn", so the 4th now
 * stands nearer the 5th's old offsets than the 5th itself), and the paragraph on the visit's aims dropped.
 */
const ADDED =
  'Tại sân bay quốc tế Nội Bài, tiễn Đoàn có Phó Chủ tịch Quốc hội cùng lãnh đạo các Ủy ban của Quốc hội, ' +
  'đại diện Bộ Ngoại giao, Văn phòng Quốc hội và Đại sứ quán các nước tại Việt Nam. Trước chuyến đi, lãnh đạo ' +
  'Quốc hội đã làm việc với các cơ quan liên quan về nội dung hợp tác nghị viện, thương mại, đầu tư, giáo dục, ' +
  'khoa học công nghệ và giao lưu nhân dân, nhằm đưa quan hệ giữa các nước lên tầm cao mới. Các hoạt động được ' +
  'chuẩn bị kỹ lưỡng, bảo đảm thiết thực, hiệu quả, đúng tinh thần đối ngoại của Đảng và Nhà nước trong giai đoạn mới.';
const RESCRAPED = [
  ...LINES.slice(0, 2),
  LINES[2]!.replace('[Trần Thanh Mẫn] ', ''),
  ...LINES.slice(3, 9),
  ADDED,
  '',
  ...LINES.slice(9, 16),
  ...LINES.slice(18),
].join('\n');

/** The text an annotation's code-point offsets cover. */
function covered(text: string, a: { start: number; end: number }): string {
  return [...text].slice(a.start, a.end).join('');
}

/** Where `needle` first stands in `text`, in code points. */
function codePointIndexOf(text: string, needle: string): number {
  return [...text.slice(0, text.indexOf(needle))].length;
}

/** Every annotation of a report covers its quote, or is orphaned. */
function expectAnchored(report: ReportDetail): void {
  for (const a of report.annotations) {
    if (!a.orphaned) expect(covered(report.text, a), `annotation ${a.id} "${a.quote}"`).toBe(a.quote);
  }
}

function sidecarOf(dir: string, id = 'r') {
  return parseReportState(readFileSync(path.join(dir, '.folio', 'reports', `${id}.json`), 'utf8'), id);
}

/** A corpus of the real report, annotated: the 5th "Trần Thanh Mẫn", a name, a place, a document. */
async function annotatedReport() {
  const dir = buildCorpus({ 'r.txt': REPORT });
  const corpus = await Corpus.open(dir);
  const ids = {
    fifth: await corpus.annotateQuote('r', NAME, 5, 'Person', '', EDITOR),
    speaker: await corpus.annotateQuote('r', 'Seah Kian Peng', 1, 'Person', '', EDITOR),
    place: await corpus.annotateQuote('r', 'Việt Nam với Singapore', 1, 'Place', '', EDITOR),
    resolution: await corpus.annotateQuote(
      'r',
      'Nghị quyết số 34-NQ/TW',
      1,
      'Document reference',
      '',
      EDITOR,
    ),
  };
  return { dir, corpus, ids };
}

describe('a re-scraped original under annotations', () => {
  it('moves each annotation onto its own words, the 5th occurrence to the 5th, and orphans the dropped one', async () => {
    const { dir, ids } = await annotatedReport();
    writeFileSync(path.join(dir, 'r.txt'), RESCRAPED);
    const corpus = await Corpus.open(dir);
    const report = corpus.report('r');
    expectAnchored(report);
    const byId = new Map(report.annotations.map((a) => [a.id, a]));
    expect(byId.get(ids.fifth)!.start).toBe(
      codePointIndexOf(RESCRAPED, 'Trần Thanh Mẫn và Phu nhân rời Hà Nội'),
    );
    expect(byId.get(ids.resolution)).toMatchObject({ orphaned: true });
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'original-changed' }),
      expect.objectContaining({ code: 'orphaned-annotations', count: 1 }),
      expect.objectContaining({ code: 'annotations-moved', count: 3 }),
    ]);
    expect(corpus.check().ok).toBe(false);
  });

  it('after an unrelated edit, the sidecar holds the repaired offsets with the new hash, and the orphan stays listed', async () => {
    const { dir, ids } = await annotatedReport();
    writeFileSync(path.join(dir, 'r.txt'), RESCRAPED);
    const corpus = await Corpus.open(dir);
    await corpus.setStatus(['r'], 'in-progress');
    const onDisk = sidecarOf(dir);
    expect(onDisk.original.sha256).toBe(sha256(Buffer.from(RESCRAPED)));
    for (const a of onDisk.annotations) {
      expect(a.revision).toBe(textKeyOf(null, onDisk.original.sha256));
      if (!a.orphaned) expect(covered(RESCRAPED, a)).toBe(a.quote);
    }
    expect(onDisk.annotations.find((a) => a.id === ids.resolution)).toMatchObject({ orphaned: true });
    const reopened = await Corpus.open(dir);
    expectAnchored(reopened.report('r'));
    expect(reopened.check().problems.map((p) => p.code)).toEqual(['orphaned-annotations']);
  });

  it('repairs before an edit even in the process that had the report open when the file changed', async () => {
    const { dir, corpus } = await annotatedReport();
    writeFileSync(path.join(dir, 'r.txt'), RESCRAPED);
    await corpus.reload('r');
    await corpus.setTags(['r'], { add: ['đối ngoại'] });
    for (const a of sidecarOf(dir).annotations) if (!a.orphaned) expect(covered(RESCRAPED, a)).toBe(a.quote);
    expectAnchored(corpus.report('r'));
  });
});

describe('a re-scraped original under a correction', () => {
  /** The report with "Doãn Tấn - TTXVN" corrected to "Doãn Tấn/TTXVN" on line 12, annotated on both sides of it. */
  async function correctedReport() {
    const dir = buildCorpus({ 'r.txt': REPORT });
    const corpus = await Corpus.open(dir);
    const corrected = REPORT.replace('Ảnh: Doãn Tấn - TTXVN', 'Ảnh: Doãn Tấn/TTXVN');
    await corpus.saveCorrection('r', corrected, EDITOR);
    const credit = await corpus.annotateQuote('r', 'Doãn Tấn/TTXVN', 1, 'Person', '', EDITOR);
    const speaker = await corpus.annotateQuote('r', 'Seah Kian Peng', 1, 'Person', '', EDITOR);
    return { dir, corpus, corrected, credit, speaker };
  }

  it('takes the changes of the original the editor did not touch, keeps theirs, and says so', async () => {
    const { dir, credit } = await correctedReport();
    writeFileSync(path.join(dir, 'r.txt'), RESCRAPED);
    const corpus = await Corpus.open(dir);
    const report = corpus.report('r');
    expect(report.text).toBe(RESCRAPED.replace('Ảnh: Doãn Tấn - TTXVN', 'Ảnh: Doãn Tấn/TTXVN'));
    expectAnchored(report);
    expect(report.annotations.find((a) => a.id === credit)).toMatchObject({ orphaned: false });
    expect(report.conflicts).toEqual([]);
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'original-changed' }),
      expect.objectContaining({
        code: 'correction-rebased',
        message: expect.stringMatching(
          /^the text correction was carried onto the changed original: \d+ change\(s\) of the original taken; saved with the next edit$/,
        ),
      }),
      expect.objectContaining({ code: 'annotations-moved', count: 2 }),
    ]);
    // Saved with the next edit: the correction's base is the new original, nothing left to rebase.
    await corpus.setStatus(['r'], 'done');
    expect(sidecarOf(dir).correction).toMatchObject({ base: sha256(Buffer.from(RESCRAPED)) });
    const reopened = await Corpus.open(dir);
    expect(reopened.report('r').text).toBe(report.text);
    expect(reopened.summary('r').problems).toEqual([]);
  });

  it('keeps the editor’s text where the original changed the same line differently, as a conflict', async () => {
    const { dir, corrected } = await correctedReport();
    const upstream = REPORT.replace('Ảnh: Doãn Tấn - TTXVN', 'Ảnh: Doãn Tấn (TTXVN)');
    writeFileSync(path.join(dir, 'r.txt'), upstream);
    const corpus = await Corpus.open(dir);
    const report = corpus.report('r');
    expect(report.text).toBe(corrected);
    expectAnchored(report);
    const line = LINES.findIndex((l) => l.includes('Doãn Tấn'));
    expect(report.conflicts).toEqual([
      expect.objectContaining({
        kind: 'text',
        source: 'original-changed',
        line,
        ours: [corrected.split('\n')[line]],
        theirs: [upstream.split('\n')[line]],
      }),
    ]);
    const conflict = report.conflicts[0]!;
    expect(covered(report.text, conflict as { start: number; end: number })).toBe(
      corrected.split('\n')[line],
    );
    expect(report.problems.map((p) => p.code)).toEqual([
      'original-changed',
      'correction-rebased',
      'conflicts',
    ]);
    expect(corpus.check().ok).toBe(false);
    // The conflict is written with the next edit, and listed after it.
    await corpus.setTags(['r'], { add: ['cần xem'] });
    expect(sidecarOf(dir).conflicts).toHaveLength(1);
    expect((await Corpus.open(dir)).check().problems.map((p) => p.code)).toEqual(['conflicts']);
  });

  it('rebases a format-1 correction whose original changed even after an edit recorded the new hash', async () => {
    // What Folio 1 left after a re-scrape and a later tag edit: `original.sha256` new, `baseSha256` old.
    const dir = buildCorpus({ 'r.txt': RESCRAPED });
    const corrected = REPORT.replace('Ảnh: Doãn Tấn - TTXVN', 'Ảnh: Doãn Tấn/TTXVN');
    const start = codePointIndexOf(corrected, 'Seah Kian Peng');
    const formatOne = {
      schema: 1,
      id: 'r',
      original: { file: 'r.txt', sha256: sha256(Buffer.from(RESCRAPED)), size: Buffer.byteLength(RESCRAPED) },
      status: 'new',
      tags: ['đối ngoại'],
      metadata: {},
      annotations: [
        {
          id: 'a1',
          start,
          end: start + 14,
          label: 'Person',
          note: '',
          quote: 'Seah Kian Peng',
          orphaned: false,
          author: EDITOR,
          created: '2025-01-01T00:00:00.000Z',
          modified: '2025-01-01T00:00:00.000Z',
        },
      ],
      correction: {
        lines: corrected.split('\n'),
        baseSha256: sha256(Buffer.from(REPORT)),
        editor: EDITOR,
        at: '2025-01-01T00:00:00.000Z',
      },
    };
    const reportsDir = path.join(dir, '.folio', 'reports');
    mkdirSync(reportsDir, { recursive: true });
    writeFileSync(path.join(reportsDir, 'r.json'), JSON.stringify(formatOne, null, 2));
    const corpus = await Corpus.open(dir);
    const report = corpus.report('r');
    // The old original is gone and Folio 1 kept no hunks: each difference is the editor's call, none reverted.
    expect(report.problems.map((p) => p.code)).toContain('conflicts');
    expect(report.conflicts.length).toBeGreaterThan(0);
    for (const conflict of report.conflicts)
      expect(conflict).toMatchObject({ kind: 'text', source: 'original-changed' });
    expectAnchored(report);
  });
});

describe('a sidecar whose git conflict markers were resolved by hand', () => {
  const ID = '000_6609e38cc437fad5';

  it('carries an annotation made on the original through the correction it did not see', async () => {
    const dir = copySampleCorpus();
    const file = path.join(dir, '.folio', 'reports', `${ID}.json`);
    await (await Corpus.open(dir)).annotateQuote(ID, 'Cần Thơ', 1, 'Place', '', EDITOR);
    const base = readFileSync(file, 'utf8');
    // Editor A corrects a typo; editor B, on the text as it was, annotates the words it is in.
    const a = await Corpus.open(dir);
    await a.saveCorrection(ID, a.report(ID).text.replace('thánh phố', 'thành phố'), 'A');
    const ours = readFileSync(file, 'utf8');
    writeFileSync(file, base);
    const placeOfB = await (
      await Corpus.open(dir)
    ).annotateQuote(ID, 'địa bàn thánh phố', 1, 'Place', '', 'B');
    const sides = tempDir('folio-merge-');
    for (const [side, text] of Object.entries({ ours, base, theirs: readFileSync(file, 'utf8') }))
      writeFileSync(path.join(sides, side), text);
    const merged = spawnSync(
      'git',
      [
        'merge-file',
        '-p',
        '-L',
        'ours',
        '-L',
        'base',
        '-L',
        'theirs',
        ...['ours', 'base', 'theirs'].map((f) => path.join(sides, f)),
      ],
      { encoding: 'utf8' },
    );
    // A's correction restamped the annotation B's side also touched: one conflict, in the annotations.
    expect(merged.status).toBe(1);
    // Resolved as people do without Folio: B's annotation lines taken, A's correction kept.
    writeFileSync(file, merged.stdout.replace(/<<<<<<< ours\n[^]*?=======\n([^]*?)>>>>>>> theirs\n/, '$1'));
    const corpus = await Corpus.open(dir);
    const report = corpus.report(ID);
    expect(report.text).toContain('trên địa bàn thành phố được thực hiện');
    expectAnchored(report);
    expect(report.annotations.find((x) => x.id === placeOfB)).toMatchObject({
      quote: 'địa bàn thành phố',
      orphaned: false,
    });
    expect(corpus.check().problems).toEqual([
      expect.objectContaining({ id: ID, code: 'annotations-moved', count: 1 }),
    ]);
  });
});

describe('a sidecar edited by hand', () => {
  const ID = '000_6609e38cc437fad5';

  it('moves offsets that no longer cover their quote back onto it, and orphans a quote that is nowhere', async () => {
    const dir = copySampleCorpus();
    const corpus = await Corpus.open(dir);
    const person = await corpus.annotateQuote(ID, 'Trần Quốc Trung', 2, 'Person', '', EDITOR);
    const figure = await corpus.annotateQuote(ID, '156', 1, 'Figure', '', EDITOR);
    const file = path.join(dir, '.folio', 'reports', `${ID}.json`);
    const json = readFileSync(file, 'utf8');
    const state = parseReportState(json, file);
    const edited = json
      .split('\n')
      .map((line) => {
        if (line.includes(person)) {
          const a = state.annotations.find((x) => x.id === person)!;
          return line.replace(
            `"start":${a.start},"end":${a.end}`,
            `"start":${a.start + 4},"end":${a.end + 4}`,
          );
        }
        return line.includes(figure) ? line.replace('"quote":"156"', '"quote":"157"') : line;
      })
      .join('\n');
    expect(edited).not.toBe(json);
    writeFileSync(file, edited);
    const reopened = await Corpus.open(dir);
    const check = reopened.check();
    expect(check.problems).toEqual([
      expect.objectContaining({ id: ID, code: 'orphaned-annotations', count: 1 }),
      expect.objectContaining({ id: ID, code: 'annotations-moved', count: 1 }),
    ]);
    const report = reopened.report(ID);
    expectAnchored(report);
    const before = corpus.report(ID).annotations.find((a) => a.id === person)!;
    expect(report.annotations.find((a) => a.id === person)).toMatchObject({
      start: before.start,
      end: before.end,
    });
  });
});

describe('reconcileState', () => {
  it('reads no original when every annotation is stamped with the current text and nothing is to rebase', async () => {
    const { dir } = await annotatedReport();
    const state = sidecarOf(dir);
    const unread = {
      sha256: state.original.sha256,
      text: () => {
        throw new Error('the original was read');
      },
    };
    const trusted = reconcileState(state, unread, { trustRevisions: true });
    expect(trusted).toMatchObject({ text: null, repaired: 0, orphaned: 0, rebased: null });
    expect(trusted.state.annotations).toEqual(state.annotations);
    expect(() => reconcileState(state, unread)).toThrow('the original was read');
    // One annotation from another revision (a merge, a format-1 file): the original is read and checked.
    const stale = {
      ...state,
      annotations: state.annotations.map((a, i) => (i ? a : { ...a, revision: null })),
    };
    expect(() => reconcileState(stale, unread, { trustRevisions: true })).toThrow('the original was read');
  });
});
