/** A correction typed but not yet saved: its text and the revision it was typed on. */
export interface Draft {
  text: string;
  revision: string | null;
  at: string;
}

/** How long typing may go unwritten: a crash of the window loses at most this much of it. */
const WRITE_DELAY_MS = 250;

/**
 * Unsaved corrections kept in the window's storage as they are typed, so a reload, a crash or a closed
 * window within the autosave delay loses nothing: the next opening of the report finds them. Writes wait
 * for a pause (a 100 KB report is not serialised at every keystroke) and are done at once when the page goes.
 */
export class DraftStore {
  private readonly unwritten = new Map<string, Draft>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** Distinguishes corpora: the same report id in two folders is two reports. */
    private readonly scope: () => string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage,
  ) {
    addEventListener('pagehide', () => this.write());
  }

  /** Keeps the latest text of a report's unsaved correction, stamped with the time. */
  keep(id: string, draft: Omit<Draft, 'at'>): void {
    this.unwritten.set(id, { ...draft, at: new Date().toISOString() });
    this.timer ??= setTimeout(() => this.write(), WRITE_DELAY_MS);
  }

  /** The unsaved correction of a report, if one was left; a malformed one is dropped. */
  take(id: string): Draft | null {
    this.write();
    const raw = this.storage.getItem(this.key(id));
    if (raw === null) return null;
    try {
      const draft = JSON.parse(raw) as Partial<Draft>;
      if (typeof draft.text === 'string' && (typeof draft.revision === 'string' || draft.revision === null))
        return { text: draft.text, revision: draft.revision, at: String(draft.at ?? '') };
    } catch {
      // Unreadable: dropped below, like a draft of the wrong shape.
    }
    this.drop(id);
    return null;
  }

  /** Forgets a report's draft: its correction is saved, or the editor took someone else's text. */
  drop(id: string): void {
    this.unwritten.delete(id);
    this.storage.removeItem(this.key(id));
  }

  private write(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const [id, draft] of this.unwritten) {
      try {
        this.storage.setItem(this.key(id), JSON.stringify(draft));
      } catch {
        // A full or refused storage only loses this safety net; the autosave still runs.
      }
    }
    this.unwritten.clear();
  }

  private key(id: string): string {
    return `folio-draft:${this.scope()}:${id}`;
  }
}
