import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, OPERATION_NAMES } from '../../src-main/contract/channels';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string, input: unknown) => ({ channel, input }));
const listeners: Array<(event: unknown, message: unknown) => void> = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke,
    on: (_channel: string, listener: (event: unknown, message: unknown) => void) => listeners.push(listener),
    removeListener: vi.fn(),
  },
}));

await import('../../src-main/preload/index');

describe('the preload bridge', () => {
  const bridge = exposed.get('folioBridge') as {
    api: Record<string, (input: unknown) => Promise<unknown>>;
    on: (event: string, listener: (payload: unknown) => void) => () => void;
  };

  it('exposes exactly the contract operations and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['folioBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'on']);
    expect(Object.keys(bridge.api).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('invokes the operation channel with the input', async () => {
    await expect(bridge.api.getReport!({ id: 'x' })).resolves.toEqual({
      channel: 'folio:call:getReport',
      input: { id: 'x' },
    });
  });

  it('delivers only the subscribed event and refuses unknown events', () => {
    const received: unknown[] = [];
    bridge.on('progress', (payload) => received.push(payload));
    for (const listener of listeners) {
      listener({}, { event: 'progress', payload: { done: 1 } });
      listener({}, { event: 'corpusChanged', payload: { id: 'a' } });
    }
    expect(received).toEqual([{ done: 1 }]);
    expect(() => bridge.on('anything', () => {})).toThrow(/unknown event/);
    expect(EVENT_CHANNEL).toBe('folio:event');
  });
});
