import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, copySampleCorpus, SAMPLE_IDS } from '../helpers/corpora';
import { openService } from '../helpers/service';

describe('FolioService', () => {
  it('pages the library and sorts text columns in Vietnamese order', async () => {
    const service = await openService(
      buildCorpus({
        'a.txt': 'Đà Nẵng tổng kết',
        'b.txt': 'Cần Thơ tổng kết',
        'c.txt': 'Dương Kinh tổng kết',
        'd.txt': 'Ấp Bắc tổng kết',
        'e.txt': 'An Giang tổng kết',
      }),
    );
    const page = await service.call('listReports', { sort: 'title', limit: 3 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.title)).toEqual([
      'An Giang tổng kết',
      'Ấp Bắc tổng kết',
      'Cần Thơ tổng kết',
    ]);
    const next = await service.call('listReports', { sort: 'title', offset: 3, limit: 3 });
    expect(next.rows.map((r) => r.title)).toEqual(['Dương Kinh tổng kết', 'Đà Nẵng tổng kết']);
    const descending = await service.call('listReports', { sort: 'title', descending: true, limit: 1 });
    expect(descending.rows[0]!.title).toBe('Đà Nẵng tổng kết');
    // The order follows an editor's correction at once.
    await service.call('setMetadata', { id: 'e', field: 'title', value: 'Yên Bái tổng kết' });
    const after = await service.call('listReports', { sort: 'title' });
    expect(after.rows.map((r) => r.id)).toEqual(['d', 'b', 'c', 'a', 'e']);
    await service.close();
  });

  it('keeps reports without a value last whichever way a column is sorted', async () => {
    const service = await openService(copySampleCorpus());
    for (const descending of [false, true]) {
      const rows = (await service.call('listReports', { sort: 'published', descending })).rows;
      expect(rows.at(-1)!.published).toBeNull();
      expect(rows.slice(0, -1).every((r) => r.published !== null)).toBe(true);
    }
    await service.close();
  });

  it('lists search results and counts facets for the current query', async () => {
    const service = await openService(copySampleCorpus());
    await service.call('setTags', { ids: [SAMPLE_IDS[0]!, SAMPLE_IDS[1]!], add: ['Cần Thơ'] });
    const page = await service.call('listReports', { query: '"thanh uy can tho"' });
    expect(page.total).toBe(3);
    const facets = await service.call('facets', { query: '"thanh uy can tho"' });
    expect(facets.tags).toEqual([{ value: 'Cần Thơ', count: 2 }]);
    expect(facets.status).toEqual([{ value: 'new', count: 3 }]);
    expect(facets.place).toEqual([{ value: 'Cần Thơ', count: 3 }]);
    await service.close();
  });

  it('returns every matching id, and excerpts with highlights for a query page', async () => {
    const service = await openService(copySampleCorpus());
    expect(await service.call('listIds', { query: '"lạng sơn"' })).toEqual([SAMPLE_IDS[3]]);
    const page = await service.call('listReports', { query: '"lạng sơn"' });
    const [start, end] = page.rows[0]!.snippet!.highlights[0]!;
    expect([...page.rows[0]!.snippet!.text].slice(start, end).join('')).toBe('Lạng Sơn');
    await service.close();
  });

  it('applies one metadata value to many reports at once', async () => {
    const service = await openService(copySampleCorpus());
    const rows = await service.call('applyMetadata', {
      ids: [SAMPLE_IDS[0]!, SAMPLE_IDS[2]!],
      field: 'source',
      value: 'Báo Cần Thơ',
    });
    expect(rows.map((r) => r.source)).toEqual(['Báo Cần Thơ', 'Báo Cần Thơ']);
    expect((await service.call('getReport', { id: SAMPLE_IDS[2]! })).metadata.source.extracted.value).toBe(
      'Trung tâm Văn hóa - TT&TT',
    );
    await service.close();
  });

  it('uses the editor name from the preferences as the author of changes', async () => {
    const service = await openService(copySampleCorpus());
    await service.call('setPreferences', { editorName: 'Nguyễn Lan' });
    const report = await service.call('setMetadata', {
      id: SAMPLE_IDS[0]!,
      field: 'author',
      value: 'Ngọc Quy',
    });
    expect(report.metadata.author.correction).toMatchObject({ editor: 'Nguyễn Lan', value: 'Ngọc Quy' });
    await service.close();
  });

  it('rejects input that does not match the contract, naming the operation and field', async () => {
    const service = await openService(copySampleCorpus());
    await expect(service.call('listReports', { limit: 0 })).rejects.toThrow(
      /^listReports: invalid input at limit: /,
    );
    await expect(
      service.call('addAnnotation', { id: SAMPLE_IDS[0]!, start: -1, end: 3, label: 'Person' }),
    ).rejects.toThrow(/addAnnotation: invalid input at start/);
    await expect(service.call('nope' as never, {})).rejects.toThrow(/unknown operation "nope"/);
    await service.close();
  });

  it("lists a manual collection in the editor's order and exports it to .folio/exports", async () => {
    const corpus = copySampleCorpus();
    const service = await openService(corpus);
    await service.call('createCollection', {
      kind: 'manual',
      name: 'Cần Thơ',
      ids: [SAMPLE_IDS[4]!, SAMPLE_IDS[0]!],
    });
    await service.call('addToCollection', { name: 'cần thơ', ids: [SAMPLE_IDS[1]!] });
    await service.call('moveInCollection', { name: 'Cần Thơ', id: SAMPLE_IDS[1]!, position: 1 });
    const page = await service.call('listReports', { collection: 'Cần Thơ' });
    expect(page.rows.map((r) => r.id)).toEqual([SAMPLE_IDS[1], SAMPLE_IDS[4], SAMPLE_IDS[0]]);
    expect(await service.call('listIds', { collection: 'Cần Thơ', query: 'ttxvn' })).toEqual([
      SAMPLE_IDS[1],
      SAMPLE_IDS[4],
    ]);
    const summary = await service.call('exportReports', {
      selection: { kind: 'collection', name: 'Cần Thơ' },
      format: 'jsonl',
    });
    expect(summary.reports).toBe(3);
    expect(summary.out.startsWith(path.join(corpus, '.folio', 'exports', 'Cần Thơ-jsonl-'))).toBe(true);
    const lines = readFileSync(path.join(summary.out, summary.files[0]!.path), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).id)).toEqual([SAMPLE_IDS[1], SAMPLE_IDS[4], SAMPLE_IDS[0]]);
    expect(await service.call('deleteCollection', { name: 'Cần Thơ' })).toEqual([]);
    await service.close();
  });

  it('remembers opened corpora as recent ones', async () => {
    const first = buildCorpus({ 'a.txt': 'A' });
    const service = await openService(first);
    const second = buildCorpus({ 'b.txt': 'B' });
    await service.open(second);
    const prefs = await service.call('getPreferences', {});
    expect(prefs.recentCorpora).toEqual([second, first]);
    expect(prefs.lastCorpus).toBe(second);
    const reopened = await service.call('openRecentCorpus', { path: first });
    expect(reopened.reports).toBe(1);
    await service.close();
  });
});
