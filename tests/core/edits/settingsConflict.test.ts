import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus, FolioError, type AppliedSettingsEdit } from '../../../src-main/core';
import { resolveSettingsConflict } from '../../../src-main/core/edits/resolveSettingsConflict';
import { mergeSettings } from '../../../src-main/core/merge';
import type { CorpusSettings } from '../../../src-main/core/store/schema';
import { SidecarStore } from '../../../src-main/core/store/sidecars';
import { copySampleCorpus, SAMPLE_IDS } from '../../helpers/corpora';

// Issue 14: what a merge of two versions of corpus.json could not decide is listed by `check` and `info`,
// and the editor keeps ours or takes theirs, one undoable step each.

const ID = SAMPLE_IDS[0]!;

/**
 * A sample corpus whose corpus.json is what merging Bảo's settings (theirs) into Ana's (ours) leaves: both
 * recoloured "Person", both made a collection "Tỉnh" (Ana a saved search, Bảo a hand-picked one), and Bảo
 * deleted the "Figure" label Ana renamed in Vietnamese.
 */
async function conflicted(): Promise<{ dir: string; corpus: Corpus }> {
  const dir = copySampleCorpus();
  const store = new SidecarStore(dir);
  const base = await store.readSettings();
  const ours: CorpusSettings = structuredClone(base);
  const theirs: CorpusSettings = structuredClone(base);
  ours.labels = ours.labels.map((l) =>
    l.name === 'Person'
      ? { ...l, color: '#c92a2a' }
      : l.name === 'Figure'
        ? { ...l, names: { ...l.names, vi: 'Con số' } }
        : l,
  );
  theirs.labels = theirs.labels
    .filter((l) => l.name !== 'Figure')
    .map((l) => (l.name === 'Person' ? { ...l, color: '#364fc7' } : l));
  ours.collections = [{ kind: 'search', name: 'Tỉnh', query: 'Cần Thơ', filters: {} }];
  theirs.collections = [{ kind: 'manual', name: 'Tỉnh', ids: [ID] }];
  const merged = mergeSettings(base, ours, theirs);
  await store.writeSettings(merged.settings);
  return { dir, corpus: await Corpus.open(dir) };
}

const onDisk = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, '.folio', 'corpus.json'), 'utf8')) as CorpusSettings;

const conflictOf = (corpus: Corpus, name: string) =>
  corpus.info().settingsConflicts.find((c) => c.name === name)!;

const resolve = (corpus: Corpus, name: string, choice: 'ours' | 'theirs') =>
  corpus.editSettings(
    resolveSettingsConflict(conflictOf(corpus, name).id, choice, () => corpus.labelUsage()),
  );

const undo = (corpus: Corpus, applied: AppliedSettingsEdit) =>
  corpus.editSettings(applied.edit.inverse(applied.before, applied.after));

describe('settings conflicts', () => {
  it('are listed by info and make check fail, each with both versions', async () => {
    const { corpus } = await conflicted();
    const conflicts = corpus.info().settingsConflicts;
    expect(conflicts.map((c) => `${c.kind}:${c.name}`).sort()).toEqual([
      'collection:Tỉnh',
      'label:Figure',
      'label:Person',
    ]);
    expect(conflictOf(corpus, 'Person')).toMatchObject({
      ours: { color: '#c92a2a' },
      theirs: { color: '#364fc7' },
    });
    expect(conflictOf(corpus, 'Figure').theirs).toBeNull();
    const check = corpus.check();
    expect(check.ok).toBe(false);
    expect(check.settingsConflicts).toEqual(conflicts);
    // The settings hold ours meanwhile.
    expect(corpus.info().labels.find((l) => l.name === 'Person')?.color).toBe('#c92a2a');
  });

  it('takes theirs in the setting’s place, on disk, and is undone exactly', async () => {
    const { dir, corpus } = await conflicted();
    const order = corpus.info().labels.map((l) => l.name);
    const applied = await resolve(corpus, 'Person', 'theirs');
    expect(corpus.info().labels.map((l) => l.name)).toEqual(order);
    expect(onDisk(dir).labels.find((l) => l.name === 'Person')?.color).toBe('#364fc7');
    expect(
      onDisk(dir)
        .conflicts?.map((c) => c.name)
        .sort(),
    ).toEqual(['Figure', 'Tỉnh']);

    await undo(corpus, applied);
    expect(onDisk(dir).labels.find((l) => l.name === 'Person')?.color).toBe('#c92a2a');
    expect(
      corpus
        .info()
        .settingsConflicts.map((c) => c.name)
        .sort(),
    ).toEqual(['Figure', 'Person', 'Tỉnh']);
  });

  it('keeps ours, and takes a deletion or a collection of another kind for theirs', async () => {
    const { dir, corpus } = await conflicted();
    await resolve(corpus, 'Tỉnh', 'theirs');
    await resolve(corpus, 'Figure', 'theirs');
    await resolve(corpus, 'Person', 'ours');
    const settings = onDisk(dir);
    expect(settings.collections).toEqual([{ kind: 'manual', name: 'Tỉnh', ids: [ID] }]);
    expect(settings.labels.map((l) => l.name)).not.toContain('Figure');
    expect(settings.labels.find((l) => l.name === 'Person')?.color).toBe('#c92a2a');
    expect(settings.conflicts).toBeUndefined();
    expect(corpus.check().ok).toBe(true);
  });

  it('refuses to delete a label annotations use, and a conflict resolved already', async () => {
    const { corpus } = await conflicted();
    await corpus.annotateQuote(ID, 'Mai Thanh Dân', 1, 'Figure', '', 'ana');
    const refused = await resolve(corpus, 'Figure', 'theirs').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FolioError);
    expect((refused as FolioError).params).toMatchObject({ reason: 'label-in-use', label: 'Figure' });
    expect(conflictOf(corpus, 'Figure')).toBeDefined();

    const { id } = conflictOf(corpus, 'Person');
    await resolve(corpus, 'Person', 'ours');
    const again = await corpus
      .editSettings(resolveSettingsConflict(id, 'theirs', () => corpus.labelUsage()))
      .catch((error: unknown) => error);
    expect((again as FolioError).params).toMatchObject({ reason: 'conflict-resolved' });
  });
});
