import Store from 'electron-store';
import { Emitter } from '../core';
import type { Preferences } from '../contract/operations';
import { sanitizePreferences, type PreferenceStore } from '../service/preferences';

/** Where the window was and how big, remembered across starts. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface StoreShape {
  preferences: Preferences;
  window: WindowState;
}

/** App preferences and window state in electron-store (the user's config folder). */
export class ElectronPreferenceStore implements PreferenceStore {
  private readonly store: Store<StoreShape>;
  private readonly changed = new Emitter<Preferences>();
  /** Fires after the preferences changed, with their new state (the menu speaks their language). */
  readonly onDidChange = this.changed.event;

  constructor(store?: Store<StoreShape>) {
    this.store = store ?? new Store<StoreShape>({ name: 'preferences', clearInvalidConfig: true });
  }

  get(): Preferences {
    return sanitizePreferences(this.store.get('preferences'));
  }

  async set(patch: Partial<Preferences>): Promise<Preferences> {
    const next = sanitizePreferences({ ...this.get(), ...patch });
    this.store.set('preferences', next);
    this.changed.fire(next);
    return next;
  }

  /** The remembered window state, or a sensible default. */
  windowState(): WindowState {
    const saved = this.store.get('window');
    return saved && saved.width > 200 && saved.height > 200
      ? saved
      : { width: 1280, height: 820, maximized: false };
  }

  /** Remembers the window state. */
  saveWindowState(state: WindowState): void {
    this.store.set('window', state);
  }
}
