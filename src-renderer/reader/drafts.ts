/** A correction typed but not yet saved: its text and the revision it was typed on. */
export interface Draft {
  text: string;
  revision: string | null;
  at: string;
}

/**
 * Unsaved corrections kept in the window's storage as they are typed, so a reload, a crash or a closed
 * window within the autosave delay loses nothing: the next opening of the report finds them.
 */
export class DraftStore {
  constructor(
    /** Distinguishes corpora: the same report id in two folders is two reports. */
    private readonly scope: () => string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage,
  ) {}

  /** Keeps the latest text of a report's unsaved correction, stamped with the time. */
  keep(id: string, draft: Omit<Draft, 'at'>): void {
    try {
      this.storage.setItem(this.key(id), JSON.stringify({ ...draft, at: new Date().toISOString() }));
    } catch {
      // A full or refused storage only loses this safety net; the autosave still runs.
    }
  }

  /** The unsaved correction of a report, if one was left; a malformed one is dropped. */
  take(id: string): Draft | null {
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

  drop(id: string): void {
    this.storage.removeItem(this.key(id));
  }

  private key(id: string): string {
    return `folio-draft:${this.scope()}:${id}`;
  }
}
