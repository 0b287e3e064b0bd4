import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { EditHistory, type AppliedEdit } from '../../../src-main/core/edits';
import {
  applyImport,
  planImport,
  type AnnotationChange,
  type ImportFormatName,
} from '../../../src-main/core/import';
import { tempDir } from '../../helpers/corpora';
import { filesOf } from '../../helpers/files';
import { annotatedCorpus, ASTRAL, exportAll, ID0, openCopy } from '../export/fixture';

/** The time of the import, so the changes it stamps are told apart from the export's. */
const LATER = new Date('2025-03-08T08:00:00Z');

let source: { dir: string; corpus: Corpus };

beforeAll(async () => {
  source = await annotatedCorpus();
});

/** Every report's annotations, in a stable order, to compare a corpus before and after. */
function annotationsOf(corpus: Corpus): Record<string, unknown[]> {
  return Object.fromEntries(
    corpus.ids().map((id) => [id, [...corpus.report(id).annotations].sort((a, b) => (a.id < b.id ? -1 : 1))]),
  );
}

function plan(corpus: Corpus, format: ImportFormatName, from: string, manifest?: string) {
  return planImport(corpus, { format, source: from, editor: 'Lan', now: LATER, manifest });
}

/** Undoes an applied import as the app's undo does: one step for every report it changed. */
async function undo(corpus: Corpus, applied: AppliedEdit[]): Promise<void> {
  const history = new EditHistory();
  history.record('import', applied);
  expect(history.state().undo).toEqual({
    verb: 'import',
    reports: new Set(applied.map((s) => s.kind === 'report' && s.id)).size,
  });
  await history.undo((step) => {
    if (step.kind !== 'report') throw new Error('an import changes reports only');
    return corpus.edit(step.id, step.edit.inverse(step.before, step.after));
  });
}

/** A change as one line: what, where in the text, and what it was. */
function brief(change: AnnotationChange): string {
  const at = `${change.reportId === ID0 ? 'ID0' : change.reportId} ${change.label} ${JSON.stringify(change.text)} ${change.start}-${change.end}`;
  switch (change.kind) {
    case 'added':
      return `added ${at} note ${JSON.stringify(change.note)}`;
    case 'removed':
      return `removed ${at}`;
    case 'relabelled':
      return `relabelled ${at} from ${change.from}`;
    case 'moved':
      return `moved ${at} from ${change.from.start}-${change.from.end}`;
    case 'renoted':
      return `renoted ${at} from ${JSON.stringify(change.from)} to ${JSON.stringify(change.note)}`;
  }
}

/** Code-point offsets of the first occurrence of `words` in `text`. */
function spanOf(text: string, words: string): [number, number] {
  const at = text.indexOf(words);
  expect(at).toBeGreaterThanOrEqual(0);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...words].length];
}

/** The spans of a brat `.ann` as label, offsets, text and note, whatever their T ids and line order. */
function bratSpans(ann: string): string[] {
  const notes = new Map<string, string>();
  for (const [, target, note] of ann.matchAll(/^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/gm))
    notes.set(target!, note!);
  return [...ann.matchAll(/^(T\d+)\t(.*)$/gm)]
    .map(([, tid, rest]) => `${rest} | ${notes.get(tid!) ?? ''}`)
    .sort();
}

describe('brat: export, edit in brat, import back', () => {
  it('the dry run lists exactly what was done in brat; --apply does it; one undo puts it all back', async () => {
    const corpus = await openCopy(source.dir);
    const before = annotationsOf(corpus);
    const out = await exportAll(corpus, 'brat');
    const first = filesOf(out);
    const text = first[`${ID0}.txt`]!;
    const [start, end] = spanOf(text, 'Bộ Chính trị');
    // As a brat user leaves it: T3 deleted, so brat hands its id to the new span, whose note is written first;
    // a note edited, one added.
    const edited = [
      `#1\tAnnotatorNotes T3\tcơ quan của Đảng`,
      'T1\tPlace 0 16\tThành uỷ Cần Thơ',
      'T2\tPlace 9 16\tCần Thơ',
      '#2\tAnnotatorNotes T2\tthành phố trực thuộc trung ương',
      'T4\tOrganisation 599 617\tBan Tuyên giáo mới',
      '#6\tAnnotatorNotes T4\tban của Thành ủy',
      'T5\tPerson 676 691\tTrần Quốc Trung',
      '#5\tAnnotatorNotes T5\tBí thư Thành ủy',
      'T6\tQuote 718 724\tBí thư',
      `T3\tOrganisation ${start} ${end}\tBộ Chính trị`,
      '',
    ].join('\n');
    expect(first[`${ID0}.ann`]).toContain('T3\tDocument_reference 43 65\tNghị quyết số 22-NQ/TW\n');
    writeFileSync(path.join(out, `${ID0}.ann`), edited);
    const astral = first[`${ASTRAL}.ann`]!.replace(
      'T3\tPlace 69 75\tHà Nội\n#3\tAnnotatorNotes T3\tsau 𝕏\n',
      '',
    );
    expect(astral).not.toBe(first[`${ASTRAL}.ann`]);
    writeFileSync(path.join(out, `${ASTRAL}.ann`), astral);

    const dryRun = await plan(corpus, 'brat', out);
    expect(dryRun.summary.changes.map(brief)).toEqual([
      'relabelled ID0 Place "Thành uỷ Cần Thơ" 0-16 from Organisation',
      'renoted ID0 Place "Cần Thơ" 9-16 from "thành phố\\nở miền Tây" to "thành phố trực thuộc trung ương"',
      'removed ID0 Document reference "Nghị quyết số 22-NQ/TW" 43-65',
      'added ID0 Organisation "Bộ Chính trị" 131-143 note "cơ quan của Đảng"',
      'renoted ID0 Organisation "Ban Tuyên giáo mới" 599-617 from "" to "ban của Thành ủy"',
      'moved ID0 Quote "Bí thư" 718-724 from 718-726',
      `removed ${ASTRAL} Place "Hà Nội" 69-75`,
    ]);
    expect(dryRun.summary).toMatchObject({
      applied: false,
      manifest: path.join(out, 'manifest.json'),
      additionsOnly: null,
      kept: [],
      unmatched: [],
      reports: [ID0, ASTRAL].sort(),
      annotationsUnchanged: 5,
    });
    // The manifest names each exported annotation by its Folio id and its T id, so T3's is known to be gone.
    expect(JSON.parse(first['manifest.json']!).annotations[ID0][2]).toEqual({
      id: dryRun.summary.changes.find((c) => c.kind === 'removed')!.annotationId,
      local: 'T3',
      start: 43,
      end: 65,
      label: 'Document reference',
      note: '',
    });
    expect(annotationsOf(corpus)).toEqual(before);

    const { summary, applied } = await applyImport(corpus, dryRun);
    expect(summary.applied).toBe(true);
    expect(applied).toHaveLength(2);
    const moved = corpus.report(ID0).annotations.find((a) => a.label === 'Quote')!;
    expect(moved).toMatchObject({ quote: 'Bí thư', start: 718, end: 724, modified: LATER.toISOString() });
    // The span brat gave T3 again is a new annotation, not the deleted one relabelled.
    const removedId = dryRun.summary.changes.find((c) => c.kind === 'removed')!.annotationId;
    expect(corpus.report(ID0).annotations.map((a) => a.id)).not.toContain(removedId);

    const second = filesOf(await exportAll(corpus, 'brat'));
    for (const file of Object.keys(first)) {
      if ([`${ID0}.ann`, `${ASTRAL}.ann`, 'manifest.json'].includes(file)) continue;
      expect(second[file], file).toBe(first[file]);
    }
    expect(bratSpans(second[`${ID0}.ann`]!)).toEqual(bratSpans(edited));
    expect(bratSpans(second[`${ASTRAL}.ann`]!)).toEqual(bratSpans(astral));
    expect((await plan(corpus, 'brat', out)).summary.changes).toEqual([]);

    await undo(corpus, applied);
    expect(annotationsOf(corpus)).toEqual(before);
    expect(filesOf(await exportAll(corpus, 'brat'))).toEqual(first);
  });

  it('keeps what Folio changed since the export, and never removes an annotation made after it', async () => {
    const corpus = await openCopy(source.dir);
    const out = await exportAll(corpus, 'brat');
    const ann = readFileSync(path.join(out, `${ID0}.ann`), 'utf8');
    const byQuote = (quote: string) => corpus.report(ID0).annotations.find((a) => a.quote === quote)!;
    await corpus.updateAnnotation(ID0, byQuote('Thành uỷ Cần Thơ').id, { label: 'Place' });
    await corpus.updateAnnotation(ID0, byQuote('Trần Quốc Trung').id, { note: 'Chủ tịch' });
    const madeAfter = await corpus.annotateQuote(ID0, 'Bộ Chính trị', 1, 'Organisation', '', 'Minh');
    const before = annotationsOf(corpus);
    writeFileSync(
      path.join(out, `${ID0}.ann`),
      ann
        .replace('T1\tOrganisation 0 16', 'T1\tPerson 0 16')
        .replace('T5\tPerson 676 691\tTrần Quốc Trung\n#5\tAnnotatorNotes T5\tBí thư Thành ủy\n', ''),
    );
    const { summary, edits } = await plan(corpus, 'brat', out);
    expect(summary.changes).toEqual([]);
    expect(edits).toEqual([]);
    expect(summary.kept.map((k) => `${k.where ?? '-'} ${k.label} ${k.text}: ${k.reason}`)).toEqual([
      `${ID0}.ann:1 Place Thành uỷ Cần Thơ: the file makes it Person, Folio made it Place since the export; Folio's is kept`,
      '- Person Trần Quốc Trung: the file no longer has it, but Folio changed it since the export; kept',
    ]);
    expect(summary.annotationsUnchanged).toBe(9);
    expect(annotationsOf(corpus)).toEqual(before);
    expect(corpus.report(ID0).annotations.map((a) => a.id)).toContain(madeAfter);
  });

  it('without the manifest only additions are made, and the summary says why', async () => {
    const corpus = await openCopy(source.dir);
    const out = await exportAll(corpus, 'brat');
    rmSync(path.join(out, 'manifest.json'));
    const ann = readFileSync(path.join(out, `${ID0}.ann`), 'utf8');
    writeFileSync(
      path.join(out, `${ID0}.ann`),
      ann
        .replace('T3\tDocument_reference 43 65\tNghị quyết số 22-NQ/TW\n', '')
        .replace('T1\tOrganisation', 'T1\tPlace'),
    );
    const { summary } = await plan(corpus, 'brat', out);
    // The relabelled span is one more annotation: nothing tells that it was the Organisation.
    expect(summary.changes.map(brief)).toEqual(['added ID0 Place "Thành uỷ Cần Thơ" 0-16 note ""']);
    expect(summary.manifest).toBeNull();
    expect(summary.additionsOnly).toMatch(
      /^no manifest\.json of the Folio export came with the files, so only additions are made/,
    );
  });

  it('a manifest named with --manifest must be of the same format', async () => {
    const corpus = await openCopy(source.dir);
    const brat = await exportAll(corpus, 'brat');
    const doccano = await exportAll(corpus, 'doccano');
    await expect(
      plan(corpus, 'brat', path.join(brat, `${ID0}.ann`), path.join(doccano, 'manifest.json')),
    ).rejects.toThrow(
      `${path.join(doccano, 'manifest.json')} is the manifest of a doccano export; importing brat files needs the manifest of the brat export they come from (or none)`,
    );
    // One .ann from inside the export: the manifest beside it is found, and only that report is spoken for.
    const { summary } = await plan(corpus, 'brat', path.join(brat, `${ID0}.ann`));
    expect(summary).toMatchObject({ manifest: path.join(brat, 'manifest.json'), changes: [] });
  });

  it('all or nothing: when one report changed since the dry run, the reports already changed are put back', async () => {
    const corpus = await openCopy(source.dir);
    const out = await exportAll(corpus, 'brat');
    for (const id of [ID0, ASTRAL]) {
      const ann = readFileSync(path.join(out, `${id}.ann`), 'utf8');
      writeFileSync(path.join(out, `${id}.ann`), ann.split('\n').slice(1).join('\n'));
    }
    const planned = await plan(corpus, 'brat', out);
    expect(planned.edits.map((e) => e.id)).toEqual([ID0, ASTRAL]);
    // Meanwhile someone relabels an annotation the import removes from the second report.
    const lam = corpus.report(ASTRAL).annotations.find((a) => a.quote === 'Lâm Thị Phương Thanh')!;
    await corpus.updateAnnotation(ASTRAL, lam.id, { label: 'Organisation' });
    const before = annotationsOf(corpus);
    await expect(applyImport(corpus, planned)).rejects.toThrow(
      `report "${ASTRAL}" was changed by someone else since it was opened; reload it. Nothing was imported`,
    );
    expect(annotationsOf(corpus)).toEqual(before);
  });
});

describe('doccano: export, edit in doccano, import its export back', () => {
  it('spans without ids are matched by offsets: a new label on the same span is a relabel, an overlap a move', async () => {
    const corpus = await openCopy(source.dir);
    const before = annotationsOf(corpus);
    const out = await exportAll(corpus, 'doccano');
    const first = filesOf(out);
    const lines = first['doccano.jsonl']!.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const row = lines.find((l) => l.report_id === ID0);
    const text: string = row.text;
    const at = text.indexOf('Bộ Chính trị');
    // doccano's export of its project: its own ids, extra columns kept, spans in its own order (UTF-16 units).
    row.label = [
      [at, at + 'Bộ Chính trị'.length, 'Organisation'],
      ...row.label
        .filter(([, , label]: [number, number, string]) => label !== 'Document reference')
        .map(([s, e, label]: [number, number, string]) =>
          label === 'Quote' ? [s, e - 3, label] : s === 0 ? [s, e, 'Place'] : [s, e, label],
        )
        .reverse(),
    ];
    const edited = lines.map((l, i) => JSON.stringify({ id: i + 1, ...l, Comments: [] })).join('\n');
    const from = tempDir('folio-doccano-');
    writeFileSync(path.join(from, 'admin.jsonl'), `${edited}\n`);

    const dryRun = await plan(corpus, 'doccano', from, path.join(out, 'manifest.json'));
    expect(dryRun.summary.changes.map(brief)).toEqual([
      'relabelled ID0 Place "Thành uỷ Cần Thơ" 0-16 from Organisation',
      'removed ID0 Document reference "Nghị quyết số 22-NQ/TW" 43-65',
      'added ID0 Organisation "Bộ Chính trị" 131-143 note ""',
      'moved ID0 Quote "Bí thư" 718-724 from 718-726',
    ]);
    expect(dryRun.summary).toMatchObject({ unmatched: [], kept: [], reports: [ID0] });

    const { applied } = await applyImport(corpus, dryRun);
    // doccano carries no notes: Folio's stay as they were.
    expect(corpus.report(ID0).annotations.find((a) => a.quote === 'Cần Thơ')!.note).toBe(
      'thành phố\nở miền Tây',
    );
    const second = filesOf(await exportAll(corpus, 'doccano'));
    const secondLines = second['doccano.jsonl']!.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const spans = (r: { text: string; label: Array<[number, number, string]> }) =>
      r.label.map(([s, e, label]) => `${label} ${s}-${e} ${r.text.slice(s, e)}`).sort();
    lines.forEach((line, i) => {
      expect(secondLines[i].report_id).toBe(line.report_id);
      expect(spans(secondLines[i])).toEqual(spans(line));
    });
    expect(secondLines.filter((l) => l.report_id !== ID0)).toEqual(lines.filter((l) => l.report_id !== ID0));

    await undo(corpus, applied);
    expect(annotationsOf(corpus)).toEqual(before);
    expect(filesOf(await exportAll(corpus, 'doccano'))).toEqual(first);
  });
});

describe('doccano: every span of a report deleted there', () => {
  it('removes each exported annotation of that report, and none of the others', async () => {
    const corpus = await openCopy(source.dir);
    const out = await exportAll(corpus, 'doccano');
    const lines = readFileSync(path.join(out, 'doccano.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const emptied = lines.map((l) => (l.report_id === ID0 ? { ...l, label: [] } : l));
    const from = tempDir('folio-doccano-empty-');
    writeFileSync(path.join(from, 'admin.jsonl'), `${emptied.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const exported = lines.find((l) => l.report_id === ID0).label.length;
    const dryRun = await plan(corpus, 'doccano', from, path.join(out, 'manifest.json'));
    expect(exported).toBeGreaterThan(0);
    expect(dryRun.summary.changes.map((c) => `${c.kind} ${c.reportId === ID0 ? 'ID0' : c.reportId}`)).toEqual(
      Array.from({ length: exported }, () => 'removed ID0'),
    );
  });
});

describe('Web Annotation: export, edit in an annotation tool, import back', () => {
  it('annotations are matched by their ids: deleted, relabelled, re-noted, moved and new ones', async () => {
    const corpus = await openCopy(source.dir);
    const before = annotationsOf(corpus);
    const out = await exportAll(corpus, 'webannotation');
    const first = filesOf(out);
    const collection = JSON.parse(first['annotations.jsonld']!);
    type Item = {
      id: string;
      body: Array<{ purpose: string; value: string }>;
      target: {
        source: unknown;
        selector: Array<{ type: string; exact?: string; start?: number; end?: number }>;
      };
    };
    const items: Item[] = collection.first.items;
    const exact = (item: Item) => item.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact;
    const find = (quote: string) => items.find((i) => exact(i) === quote)!;
    find('Thành uỷ Cần Thơ').body[0]!.value = 'Place';
    find('Trần Quốc Trung').body[1]!.value = 'Bí thư Thành ủy Cần Thơ';
    const quote = find('Bí thư 😀');
    for (const selector of quote.target.selector) {
      if (selector.type === 'TextQuoteSelector') selector.exact = 'Bí thư';
      else selector.end = 724;
    }
    const [start, end] = spanOf(corpus.report(ID0).text, 'Bộ Chính trị');
    const added = randomUUID();
    collection.first.items = [
      ...items.filter((i) => exact(i) !== 'Nghị quyết số 22-NQ/TW'),
      {
        id: `urn:uuid:${added}`,
        type: 'Annotation',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Organisation' }],
        target: {
          source: quote.target.source,
          selector: [
            { type: 'TextQuoteSelector', exact: 'Bộ Chính trị' },
            { type: 'TextPositionSelector', start, end },
          ],
        },
      },
    ];
    writeFileSync(path.join(out, 'annotations.jsonld'), JSON.stringify(collection, null, 2));

    const dryRun = await plan(corpus, 'webannotation', out);
    expect(dryRun.summary.changes.map(brief)).toEqual([
      'relabelled ID0 Place "Thành uỷ Cần Thơ" 0-16 from Organisation',
      'removed ID0 Document reference "Nghị quyết số 22-NQ/TW" 43-65',
      'added ID0 Organisation "Bộ Chính trị" 131-143 note ""',
      'renoted ID0 Person "Trần Quốc Trung" 676-691 from "Bí thư Thành ủy" to "Bí thư Thành ủy Cần Thơ"',
      'moved ID0 Quote "Bí thư" 718-724 from 718-726',
    ]);
    expect(dryRun.summary.changes.find((c) => c.kind === 'added')!.annotationId).toBe(added);

    const { applied } = await applyImport(corpus, dryRun);
    const second = filesOf(await exportAll(corpus, 'webannotation'));
    for (const file of Object.keys(first)) {
      if (['annotations.jsonld', 'manifest.json'].includes(file)) continue;
      expect(second[file], file).toBe(first[file]);
    }
    const tuples = (list: Item[]) =>
      list
        .map((i) => {
          const position = i.target.selector.find((s) => s.type === 'TextPositionSelector')!;
          return [
            i.id,
            ...i.body.map((b) => `${b.purpose}=${b.value}`),
            exact(i),
            position.start,
            position.end,
          ].join(' ');
        })
        .sort();
    expect(tuples(JSON.parse(second['annotations.jsonld']!).first.items)).toEqual(
      tuples(collection.first.items),
    );

    await undo(corpus, applied);
    expect(annotationsOf(corpus)).toEqual(before);
    expect(filesOf(await exportAll(corpus, 'webannotation'))).toEqual(first);
  });
});
