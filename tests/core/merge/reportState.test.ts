import { cpSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { CodePointIndex } from '../../../src-main/contract/codepoints';
import { mergeReportStates } from '../../../src-main/core/merge';
import type { ReportState } from '../../../src-main/core/store/schema';
import { SidecarStore } from '../../../src-main/core/store/sidecars';
import { copySampleCorpus, SAMPLE_IDS, tempDir } from '../../helpers/corpora';

const ID = SAMPLE_IDS[0]!;

/** A copy of a corpus folder with `edit` made in it, as one editor's clone would have it. */
async function branch(from: string, edit: (corpus: Corpus) => Promise<unknown>): Promise<string> {
  const dir = tempDir('folio-merge-');
  cpSync(from, dir, { recursive: true });
  await edit(await Corpus.open(dir));
  return dir;
}

/** The report's sidecar in a corpus folder, read by the store as the merge driver gets it. */
async function stateIn(dir: string): Promise<ReportState> {
  const loaded = await new SidecarStore(dir).readState(ID, () => {
    throw new Error(`${dir}: no sidecar for ${ID}`);
  });
  return loaded.state;
}

/** Base, ours and theirs of the report: a shared history, then each side's edits on a copy of it. */
async function sides(
  shared: ((corpus: Corpus) => Promise<unknown>) | null,
  ours: (corpus: Corpus) => Promise<unknown>,
  theirs: (corpus: Corpus) => Promise<unknown>,
) {
  const start = copySampleCorpus();
  if (shared) await shared(await Corpus.open(start));
  const [base, a, b] = await Promise.all([
    shared ? stateIn(start) : null,
    branch(start, ours).then(stateIn),
    branch(start, theirs).then(stateIn),
  ]);
  return { base, ours: a, theirs: b, text: (await Corpus.open(start)).report(ID).text };
}

/** The text a state shows: its correction, else the original. */
function textOf(state: ReportState, original: string): string {
  return state.correction ? state.correction.lines.join('\n') : original;
}

/** Every annotation covers its quote in the text, with its context beside it. */
function expectAnchored(state: ReportState, original: string): void {
  const text = textOf(state, original);
  const index = new CodePointIndex(text);
  for (const annotation of state.annotations) {
    const from = index.toUtf16(annotation.start);
    const to = index.toUtf16(annotation.end);
    expect(text.slice(from, to), annotation.id).toBe(annotation.quote);
    expect(text.slice(0, from).endsWith(annotation.prefix), annotation.id).toBe(true);
    expect(text.slice(to).startsWith(annotation.suffix), annotation.id).toBe(true);
  }
}

/** The text with the words `from` finds replaced (spaces in it match the scraped text's non-breaking ones). */
const fix = (text: string, from: RegExp, to: string) => {
  expect(text).toMatch(from);
  return text.replace(from, to);
};

const BI_THU = /thư\sThành ủy\sphát/u;

describe('mergeReportStates', () => {
  it('keeps the tags both sides added and drops one either side removed', async () => {
    const { base, ours, theirs } = await sides(
      (c) => c.setTags([ID], { add: ['Cần Thơ', 'tạm'] }),
      (c) => c.setTags([ID], { add: ['kiểm tra'] }),
      (c) => c.setTags([ID], { add: ['tin tỉnh'], remove: ['tạm'] }),
    );
    const { state, conflicts } = mergeReportStates(base, ours, theirs);
    expect([...state.tags].sort()).toEqual(['Cần Thơ', 'kiểm tra', 'tin tỉnh'].sort());
    expect(conflicts).toEqual([]);
  });

  it('merges two sidecars made on both sides from nothing (add/add) as if from an empty one', async () => {
    const { base, ours, theirs } = await sides(
      null,
      (c) => c.setTags([ID], { add: ['kiểm tra'] }),
      async (c) => {
        await c.setTags([ID], { add: ['tin tỉnh'] });
        await c.annotateQuote(ID, 'Mai Thanh Dân', 1, 'Person', '', 'bao');
      },
    );
    expect(base).toBeNull();
    const { state, conflicts } = mergeReportStates(null, ours, theirs);
    expect([...state.tags].sort()).toEqual(['kiểm tra', 'tin tỉnh']);
    expect(state.annotations.map((a) => a.quote)).toEqual(['Mai Thanh Dân']);
    expect(conflicts).toEqual([]);
  });

  it('takes annotations by id: both additions, one side’s change, a deletion of an unchanged one', async () => {
    let changed = '';
    let deleted = '';
    const { base, ours, theirs, text } = await sides(
      async (c) => {
        changed = await c.annotateQuote(ID, 'Trần Quốc Trung', 1, 'Person', '', 'ana');
        deleted = await c.annotateQuote(ID, 'Cần Thơ', 1, 'Place', '', 'ana');
      },
      async (c) => {
        await c.annotateQuote(ID, 'Mai Thanh Dân', 1, 'Person', '', 'ana');
        await c.deleteAnnotation(ID, deleted);
      },
      async (c) => {
        await c.annotateQuote(ID, 'Trần Thành Trai', 1, 'Person', '', 'bao');
        await c.updateAnnotation(ID, changed, { note: 'Bí thư Thành ủy' });
      },
    );
    const { state, conflicts } = mergeReportStates(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(state.annotations.map((a) => a.quote).sort()).toEqual(
      ['Mai Thanh Dân', 'Trần Quốc Trung', 'Trần Thành Trai'].sort(),
    );
    expect(state.annotations.find((a) => a.id === changed)?.note).toBe('Bí thư Thành ủy');
    expectAnchored(state, text);
  });

  it('takes the same change made on both sides once, whenever each was made', async () => {
    let noted = '';
    const note = (c: Corpus) => c.updateAnnotation(ID, noted, { note: 'Bí thư Thành ủy' });
    const { base, ours, theirs } = await sides(
      async (c) => (noted = await c.annotateQuote(ID, 'Trần Quốc Trung', 1, 'Person', '', 'ana')),
      note,
      async (c) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await note(c);
      },
    );
    const [mine, other] = [ours, theirs].map((s) => s.annotations.find((a) => a.id === noted)!);
    expect(mine!.modified).not.toBe(other!.modified);
    const { state, conflicts } = mergeReportStates(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(state.annotations).toEqual(ours.annotations);
  });

  it('keeps ours and records a conflict for an annotation changed differently, or deleted against a change', async () => {
    let relabelled = '';
    let deleted = '';
    const { base, ours, theirs } = await sides(
      async (c) => {
        relabelled = await c.annotateQuote(ID, 'Thành ủy Cần Thơ', 1, 'Place', '', 'ana');
        deleted = await c.annotateQuote(ID, 'Mai Thanh Dân', 1, 'Person', '', 'ana');
      },
      async (c) => {
        await c.updateAnnotation(ID, relabelled, { label: 'Organisation' });
        await c.deleteAnnotation(ID, deleted);
      },
      async (c) => {
        await c.updateAnnotation(ID, relabelled, { note: 'cơ quan Đảng' });
        await c.updateAnnotation(ID, deleted, { note: 'Trưởng Ban Tổ chức' });
      },
    );
    const { state, conflicts } = mergeReportStates(base, ours, theirs);
    const kept = state.annotations.find((a) => a.id === relabelled)!;
    expect(kept).toMatchObject({ label: 'Organisation', note: '' });
    expect(state.annotations.some((a) => a.id === deleted)).toBe(false);
    expect(conflicts).toHaveLength(2);
    const byAnnotation = Object.fromEntries(
      conflicts.map((c) => [c.kind === 'annotation' ? c.annotationId : '', c]),
    );
    expect(byAnnotation[relabelled]).toMatchObject({
      kind: 'annotation',
      source: 'merge',
      ours: { label: 'Organisation', note: '' },
      theirs: { label: 'Place', note: 'cơ quan Đảng' },
      base: { label: 'Place', note: '' },
    });
    expect(byAnnotation[deleted]).toMatchObject({ ours: null, theirs: { note: 'Trưởng Ban Tổ chức' } });
    expect(state.conflicts.map((c) => c.id).sort()).toEqual(conflicts.map((c) => c.id).sort());
    for (const conflict of conflicts) expect(conflict.id).toMatch(/^[0-9a-f]{16}$/);
    // The same merge made on another machine names its conflicts alike.
    expect(mergeReportStates(base, ours, theirs).conflicts.map((c) => c.id)).toEqual(
      conflicts.map((c) => c.id),
    );
  });

  it('merges metadata field by field; a field set differently on both sides keeps ours as a conflict', async () => {
    const { base, ours, theirs } = await sides(
      (c) => c.setMetadata(ID, 'place', 'Cần Thơ', 'ana'),
      async (c) => {
        await c.setMetadata(ID, 'author', 'Ngọc Quy', 'ana');
        await c.setMetadata(ID, 'published', '2018-07-05', 'ana');
        await c.setStatus([ID], 'done');
      },
      async (c) => {
        await c.setMetadata(ID, 'section', 'Xây dựng Đảng', 'bao');
        await c.setMetadata(ID, 'published', '2018-07-06', 'bao');
        await c.resetMetadata(ID, 'place');
        await c.setStatus([ID], 'needs-review');
      },
    );
    const { state, conflicts } = mergeReportStates(base, ours, theirs);
    expect(state.metadata.author).toMatchObject({ value: 'Ngọc Quy', editor: 'ana' });
    expect(state.metadata.section).toMatchObject({ value: 'Xây dựng Đảng', editor: 'bao' });
    expect(state.metadata.place).toBeUndefined();
    expect(state.metadata.published).toMatchObject({ value: '2018-07-05', editor: 'ana' });
    expect(state.status).toBe('done');
    expect(state.statusBy).toEqual(ours.statusBy);
    const fields = Object.fromEntries(conflicts.map((c) => [c.kind === 'field' ? c.field : '', c]));
    expect(Object.keys(fields).sort()).toEqual(['published', 'status']);
    expect(fields.published).toMatchObject({
      base: null,
      ours: { value: '2018-07-05', editor: 'ana' },
      theirs: { value: '2018-07-06', editor: 'bao' },
    });
    expect(fields.status).toMatchObject({
      base: { value: 'new' },
      ours: { value: 'done' },
      theirs: { value: 'needs-review' },
    });
  });

  it('takes one side’s status with who set it, and the same value set on both sides once', async () => {
    const { base, ours, theirs } = await sides(
      null,
      (c) => c.setMetadata(ID, 'author', 'Ngọc Quy', 'ana'),
      async (c) => {
        await c.setMetadata(ID, 'author', 'Ngọc Quy', 'bao');
        await c.setStatus([ID], 'in-progress');
      },
    );
    const { state, conflicts } = mergeReportStates(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(state.status).toBe('in-progress');
    expect(state.statusBy).toEqual(theirs.statusBy);
    expect(state.metadata.author).toMatchObject({ value: 'Ngọc Quy', editor: 'ana' });
  });

  it('merges corrections of different paragraphs, each hunk keeping who made it', async () => {
    const { base, ours, theirs, text } = await sides(
      (c) => c.annotateQuote(ID, 'Trần Quốc Trung', 2, 'Person', '', 'ana'),
      (c) => c.saveCorrection(ID, fix(text0(c), BI_THU, 'Bí thư Thành ủy phát'), 'ana'),
      (c) => c.saveCorrection(ID, fix(text0(c), /\n\n156$/u, ''), 'bao'),
    );
    const { state, conflicts } = mergeReportStates(base, ours, theirs);
    expect(conflicts).toEqual([]);
    const merged = textOf(state, text);
    expect(merged).toBe(text.replace(BI_THU, 'Bí thư Thành ủy phát').replace(/\n\n156$/u, ''));
    expect(state.correction!.hunks!.map((h) => h.editor)).toEqual(['ana', 'bao']);
    expectAnchored(state, text);
  });

  it('carries the annotations one side made onto the text the other side corrected', async () => {
    const { base, ours, theirs, text } = await sides(
      null,
      (c) => c.saveCorrection(ID, fix(text0(c), /\(TGCT\)\sNgày/u, '(TGCT) - Ngày'), 'ana'),
      async (c) => {
        await c.annotateQuote(ID, 'Lê Văn Thành', 1, 'Person', 'tham luận', 'bao');
        await c.annotateQuote(ID, 'Thành ủy Cần Thơ', 1, 'Organisation', '', 'bao');
      },
    );
    const { state } = mergeReportStates(base, ours, theirs);
    expect(state.annotations.map((a) => a.quote).sort()).toEqual(['Lê Văn Thành', 'Thành ủy Cần Thơ']);
    const moved = state.annotations.find((a) => a.quote === 'Lê Văn Thành')!;
    const before = theirs.annotations.find((a) => a.id === moved.id)!;
    expect(moved.start).toBe(before.start + 2);
    expectAnchored(state, text);
  });

  it('records overlapping corrections as a text conflict, the lines holding ours', async () => {
    const { base, ours, theirs, text } = await sides(
      null,
      (c) => c.saveCorrection(ID, fix(text0(c), BI_THU, 'Bí thư Thành ủy phát'), 'ana'),
      (c) => c.saveCorrection(ID, fix(text0(c), BI_THU, 'Bí thư Thành uỷ phát'), 'bao'),
    );
    const { state, conflicts } = mergeReportStates(base, ours, theirs);
    expect(textOf(state, text)).toBe(textOf(ours, text));
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({ kind: 'text', source: 'merge' });
    if (conflict?.kind !== 'text') return;
    expect(state.correction!.lines.slice(conflict.line, conflict.line + conflict.ours.length)).toEqual(
      conflict.ours,
    );
    expect(conflict.ours.join('\n')).toContain('Bí thư Thành ủy');
    expect(conflict.theirs.join('\n')).toContain('Bí thư Thành uỷ');
    expect(conflict.base.join('\n')).toMatch(BI_THU);
  });

  it('keeps conflicts either side holds unless the other resolved them', async () => {
    const { base, ours, theirs } = await sides(
      null,
      (c) => c.setMetadata(ID, 'author', 'Ngọc Quy', 'ana'),
      (c) => c.setMetadata(ID, 'author', 'Quy', 'bao'),
    );
    const first = mergeReportStates(base, ours, theirs).state;
    expect(first.conflicts).toHaveLength(1);
    // Both later clones start from the conflicted merge; one resolves it, the other tags the report.
    const resolved = { ...structuredClone(first), conflicts: [] };
    const tagged = { ...structuredClone(first), tags: ['kiểm tra'] };
    expect(mergeReportStates(first, resolved, tagged).state.conflicts).toEqual([]);
    expect(mergeReportStates(first, tagged, structuredClone(first)).state.conflicts).toEqual(first.conflicts);
    expect(mergeReportStates(null, first, tagged).state.conflicts).toEqual(first.conflicts);
    // Changed differently once more, the field has one conflict: the newer one.
    const setAuthor = (value: string, editor: string): ReportState => ({
      ...structuredClone(first),
      metadata: { author: { value, editor, at: '2026-01-02T03:04:05.000Z' } },
    });
    const again = mergeReportStates(first, setAuthor('Ngọc Quy (TGCT)', 'ana'), setAuthor('N. Quy', 'bao'));
    expect(again.state.conflicts).toEqual(again.conflicts);
    expect(again.conflicts).toMatchObject([
      { field: 'author', base: { value: 'Ngọc Quy' }, theirs: { value: 'N. Quy' } },
    ]);
  });
});

/** The text a corpus shows for the report now. */
function text0(corpus: Corpus): string {
  return corpus.report(ID).text;
}
