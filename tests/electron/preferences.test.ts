import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: {}, ipcMain: {}, shell: {} }));
vi.mock('electron-store', () => ({ default: class {} }));
const { ElectronPreferenceStore } = await import('../../src-main/electron/preferences');

class MemoryStore {
  data = new Map<string, unknown>();
  get(key: string) {
    return this.data.get(key);
  }
  set(key: string, value: unknown) {
    this.data.set(key, value);
  }
}

describe('desktop preferences', () => {
  it('starts from defaults and keeps what the user sets', async () => {
    const store = new MemoryStore();
    const preferences = new ElectronPreferenceStore(store as never);
    expect(preferences.get()).toMatchObject({
      language: 'vi',
      theme: 'system',
      recentCorpora: [],
      lastCorpus: null,
    });
    await preferences.set({ language: 'en', editorName: 'Lan' });
    expect(new ElectronPreferenceStore(store as never).get()).toMatchObject({
      language: 'en',
      editorName: 'Lan',
    });
  });

  it('replaces broken values with defaults instead of failing start-up', () => {
    const store = new MemoryStore();
    store.set('preferences', { language: 'klingon', theme: 42, recentCorpora: 'nope' });
    expect(new ElectronPreferenceStore(store as never).get()).toMatchObject({
      language: 'vi',
      theme: 'system',
      recentCorpora: [],
    });
  });

  it('remembers the window state, with a sane default', () => {
    const store = new MemoryStore();
    const preferences = new ElectronPreferenceStore(store as never);
    expect(preferences.windowState()).toEqual({ width: 1280, height: 820, maximized: false });
    preferences.saveWindowState({ x: 10, y: 20, width: 900, height: 600, maximized: true });
    expect(preferences.windowState()).toEqual({ x: 10, y: 20, width: 900, height: 600, maximized: true });
  });
});
