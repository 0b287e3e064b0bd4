import { describe, expect, it } from 'vitest';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  removeFromCollection,
} from '../../../src-main/core/collections/edit';
import { mergeSettings } from '../../../src-main/core/merge';
import type { CorpusSettings } from '../../../src-main/core/store/schema';
import { SidecarStore } from '../../../src-main/core/store/sidecars';
import { copySampleCorpus, SAMPLE_IDS } from '../../helpers/corpora';

const [ID0, ID1, ID2, ID3] = SAMPLE_IDS as [string, string, string, string, string];

/** A corpus's settings as the store reads them, then changed by `change` (as an editor's session would). */
async function settingsAfter(change: (settings: CorpusSettings) => CorpusSettings): Promise<CorpusSettings> {
  const store = new SidecarStore(copySampleCorpus());
  await store.transactSettings((settings) => change(settings));
  return store.readSettings();
}

const withCollections =
  (edit: (collections: CorpusSettings['collections']) => CorpusSettings['collections']) =>
  (settings: CorpusSettings): CorpusSettings => ({ ...settings, collections: edit(settings.collections) });

describe('mergeSettings', () => {
  it('keeps collections made on both sides and merges a hand-picked one’s reports as a set', async () => {
    const base = await settingsAfter(
      withCollections((c) => createCollection(c, { kind: 'manual', name: 'chung', ids: [ID0, ID3] })),
    );
    const ours = withCollections((c) =>
      addToCollection(createCollection(c, { kind: 'manual', name: 'Hội nghị', ids: [ID1] }), 'chung', [ID1]),
    )(structuredClone(base));
    const theirs = withCollections((c) =>
      removeFromCollection(
        addToCollection(
          createCollection(c, { kind: 'search', name: 'NQ 22', query: '22-NQ/TW', filters: {} }),
          'chung',
          [ID2],
        ),
        'chung',
        [ID3],
      ),
    )(structuredClone(base));
    const { settings, conflicts } = mergeSettings(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(settings.collections.map((c) => c.name)).toEqual(['chung', 'Hội nghị', 'NQ 22']);
    expect(settings.collections[0]).toEqual({ kind: 'manual', name: 'chung', ids: [ID0, ID1, ID2] });
    expect(settings.id).toBe(base.id);
    expect(settings.conflicts).toEqual([]);
  });

  it('merges the tag vocabulary, labels and outlets by name; one changed differently keeps ours', async () => {
    const base = await settingsAfter((s) => ({ ...s, tags: ['tạm', 'Cần Thơ'] }));
    const ours: CorpusSettings = {
      ...structuredClone(base),
      tags: ['Cần Thơ', 'kiểm tra'],
      labels: base.labels.map((l) => (l.name === 'Person' ? { ...l, color: '#000000' } : l)),
      outlets: [
        {
          name: 'Báo Tây Vinh',
          domains: ['baotayvinh.vn'],
          abbreviations: [],
          kind: 'other',
          province: null,
        },
      ],
    };
    const theirs: CorpusSettings = {
      ...structuredClone(base),
      tags: ['tạm', 'Cần Thơ', 'tin tỉnh'],
      labels: [
        ...base.labels.map((l) => (l.name === 'Person' ? { ...l, color: '#ffffff' } : l)),
        { name: 'Event', color: '#123456', key: null },
      ],
    };
    const { settings, conflicts } = mergeSettings(base, ours, theirs);
    expect(settings.tags).toEqual(['Cần Thơ', 'kiểm tra', 'tin tỉnh']);
    expect(settings.labels.map((l) => l.name)).toEqual([...base.labels.map((l) => l.name), 'Event']);
    expect(settings.labels.find((l) => l.name === 'Person')?.color).toBe('#000000');
    expect(settings.outlets?.map((o) => o.name)).toEqual(['Báo Tây Vinh']);
    expect(conflicts).toMatchObject([
      {
        kind: 'label',
        name: 'Person',
        base: { color: '#d9480f' },
        ours: { color: '#000000' },
        theirs: { color: '#ffffff' },
      },
    ]);
    expect(settings.conflicts).toEqual(conflicts);
    expect(conflicts[0]!.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('records a collection deleted on one side and changed on the other as a conflict, ours kept', async () => {
    const base = await settingsAfter(
      withCollections((c) => createCollection(c, { kind: 'manual', name: 'chung' })),
    );
    const ours = withCollections((c) => deleteCollection(c, 'chung'))(structuredClone(base));
    const theirs = withCollections((c) => addToCollection(c, 'chung', [ID2]))(structuredClone(base));
    const { settings, conflicts } = mergeSettings(base, ours, theirs);
    expect(settings.collections).toEqual([]);
    expect(conflicts).toMatchObject([
      { kind: 'collection', name: 'chung', ours: null, theirs: { ids: [ID2] } },
    ]);
    // Deleted on one side, untouched on the other: gone, no conflict.
    expect(mergeSettings(base, ours, structuredClone(base))).toMatchObject({
      conflicts: [],
      settings: { collections: [] },
    });
  });

  it('merges two corpus.json made apart (no base) and keeps the corpus id of ours, else theirs', async () => {
    const ours = await settingsAfter(
      withCollections((c) => createCollection(c, { kind: 'manual', name: 'A', ids: [ID0] })),
    );
    const theirs = await settingsAfter(
      withCollections((c) => createCollection(c, { kind: 'manual', name: 'A', ids: [ID1] })),
    );
    const { settings, conflicts } = mergeSettings(null, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(settings.id).toBe(ours.id);
    expect(settings.collections).toEqual([{ kind: 'manual', name: 'A', ids: [ID0, ID1] }]);
    expect(mergeSettings(null, { ...ours, id: undefined }, theirs).settings.id).toBe(theirs.id);
  });
});
