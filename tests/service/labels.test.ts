import { describe, expect, it } from 'vitest';
import { historyLabel } from '../../src-main/contract/history';
import type { FolioEvents } from '../../src-main/contract/operations';
import { copySampleCorpus, SAMPLE_IDS } from '../helpers/corpora';
import { openService } from '../helpers/service';

// The label set through the contract: each change one undoable action, named in both languages, and the
// window told so it shows the new labels.

describe('editLabels', () => {
  it('adds a label, tells the window, names the action for undo, and undoes it', async () => {
    const service = await openService(copySampleCorpus());
    const changes: Array<FolioEvents['corpusChanged']> = [];
    service.on('corpusChanged', (change) => changes.push(change));
    const labels = await service.call('editLabels', {
      kind: 'add',
      label: { name: 'Event', names: { vi: 'Sự kiện', en: 'Event' }, color: '#5c940d', key: '8' },
    });
    expect(labels.at(-1)).toEqual({
      name: 'Event',
      names: { vi: 'Sự kiện', en: 'Event' },
      color: '#5c940d',
      key: '8',
    });
    expect(changes).toEqual([{ kind: 'settings', id: '' }]);
    expect((await service.call('corpusInfo', {}))!.labels.at(-1)!.name).toBe('Event');
    const { undo } = await service.call('editHistory', {});
    expect(historyLabel('en', 'undo', undo)).toBe('Undo new label');
    expect(historyLabel('vi', 'undo', undo)).toBe('Hoàn tác thêm nhãn');
    await service.call('undo', {});
    expect((await service.call('corpusInfo', {}))!.labels.map((l) => l.name)).not.toContain('Event');
    expect(changes).toHaveLength(2);
    await service.call('redo', {});
    expect((await service.call('corpusInfo', {}))!.labels.at(-1)!.name).toBe('Event');
    await service.close();
  });

  it('counts the annotations of each label in the corpus info, and refuses removing a used one', async () => {
    const service = await openService(copySampleCorpus());
    const { text, revision } = await service.call('getReport', { id: SAMPLE_IDS[0]! });
    const start = [...text.slice(0, text.indexOf('Cần Thơ'))].length;
    await service.call('addAnnotation', {
      id: SAMPLE_IDS[0]!,
      start,
      end: start + 7,
      label: 'Place',
      revision,
    });
    expect((await service.call('corpusInfo', {}))!.labelUsage).toEqual({ Place: 1 });
    await expect(service.call('editLabels', { kind: 'remove', name: 'Place' })).rejects.toMatchObject({
      code: 'invalid-input',
      params: { reason: 'label-in-use', label: 'Place', count: 1 },
    });
    await service.close();
  });

  it('refuses a key outside 1–9, and input of the wrong shape', async () => {
    const service = await openService(copySampleCorpus());
    await expect(
      service.call('editLabels', { kind: 'update', name: 'Date', key: '0' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      params: { reason: 'label-key', label: 'Date', key: '0' },
    });
    await expect(service.call('editLabels', { kind: 'rename', name: 'Date' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await service.close();
  });
});
