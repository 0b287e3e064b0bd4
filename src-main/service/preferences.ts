import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { LANGUAGES, THEMES, type Preferences } from '../contract/operations';
import { toPrettyJson, writeFileAtomic } from '../core/store/atomic';

/** Where app preferences live: electron-store on the desktop, a JSON file in the browser shell and tests. */
export interface PreferenceStore {
  get(): Preferences;
  set(patch: Partial<Preferences>): Promise<Preferences>;
}

const MAX_RECENT = 10;

const preferencesSchema = z.object({
  language: z.enum(LANGUAGES).catch('vi'),
  theme: z.enum(THEMES).catch('system'),
  editorName: z
    .string()
    .min(1)
    .catch(() => userInfo().username),
  recentCorpora: z.array(z.string()).catch([]),
  lastCorpus: z.string().nullable().catch(null),
});

/** Preferences with every field valid: unknown or broken values fall back to defaults rather than failing start-up. */
export function sanitizePreferences(raw: unknown): Preferences {
  return preferencesSchema.parse(typeof raw === 'object' && raw !== null ? raw : {});
}

/** Records a corpus as the last one opened, most recent first. */
export function withRecentCorpus(preferences: Preferences, root: string): Partial<Preferences> {
  return {
    lastCorpus: root,
    recentCorpora: [root, ...preferences.recentCorpora.filter((r) => r !== root)].slice(0, MAX_RECENT),
  };
}

/** Preferences in one JSON file, written atomically. */
export class JsonPreferenceStore implements PreferenceStore {
  private current: Preferences;

  constructor(private readonly file: string) {
    let raw: unknown = {};
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // Missing or broken preferences start from the defaults; the file is rewritten on the next change.
    }
    this.current = sanitizePreferences(raw);
  }

  get(): Preferences {
    return this.current;
  }

  async set(patch: Partial<Preferences>): Promise<Preferences> {
    this.current = sanitizePreferences({ ...this.current, ...patch });
    await writeFileAtomic(this.file, toPrettyJson(this.current));
    return this.current;
  }
}
