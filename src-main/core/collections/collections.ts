import type { CorpusWriter } from '../corpus/reader';
import { collectionsEdit, type AppliedSettingsEdit, type EditVerb } from '../edits';
import { FolioError } from '../errors';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  findCollection,
  moveCollection,
  moveInCollection,
  removeFromCollection,
  renameCollection,
  type CollectionSpec,
} from './edit';
import { checkFilters, withoutEmpty } from './filters';
import { resolveCollection, type ResolvedCollection } from './resolve';
import type { Collection } from './schema';

/**
 * The named collections of an open corpus, read from and written to `.folio/corpus.json` through the
 * corpus's settings, so every change is atomic.
 */
export class Collections {
  /** `onApplied` hears of every change made, so a window can offer to undo it. */
  constructor(
    private readonly corpus: CorpusWriter,
    private readonly onApplied: (applied: AppliedSettingsEdit) => void = () => {},
  ) {}

  /** Every collection, evaluated now, in the editor's order (the order they were created, until moved). */
  list(): ResolvedCollection[] {
    return this.stored().map((collection) => resolveCollection(this.corpus, collection));
  }

  /** One collection by name (case-insensitive), evaluated now. */
  get(name: string): ResolvedCollection {
    return resolveCollection(this.corpus, findCollection(this.stored(), name));
  }

  /** Creates a manual collection (optionally with ids) or a saved search; returns it evaluated. */
  async create(spec: CollectionSpec): Promise<ResolvedCollection> {
    const checked: CollectionSpec =
      spec.kind === 'manual'
        ? { ...spec, ids: this.existingIds(spec.ids ?? []) }
        : { ...spec, filters: withoutEmpty(spec.filters) };
    if (checked.kind === 'search') checkFilters(checked.filters, `collection "${spec.name}"`);
    const next = await this.save('create-collection', (all) => createCollection(all, checked));
    return resolveCollection(this.corpus, next.at(-1)!);
  }

  /** Appends reports to a manual collection; every id must be a report of the corpus. */
  async add(name: string, ids: string[]): Promise<ResolvedCollection> {
    const existing = this.existingIds(ids);
    return this.saveAndGet('add-to-collection', name, (all) => addToCollection(all, name, existing));
  }

  /** Removes entries from a manual collection (missing ones included). */
  async remove(name: string, ids: string[]): Promise<ResolvedCollection> {
    return this.saveAndGet('remove-from-collection', name, (all) => removeFromCollection(all, name, ids));
  }

  /** Moves an entry of a manual collection to a 1-based position. */
  async move(name: string, id: string, position: number): Promise<ResolvedCollection> {
    return this.saveAndGet('move-in-collection', name, (all) => moveInCollection(all, name, id, position));
  }

  /** Renames a collection (the new name checked as a new one's); returns it evaluated. */
  async rename(name: string, newName: string): Promise<ResolvedCollection> {
    const all = this.stored();
    const target = findCollection(all, name);
    const renamed = renameCollection(all, name, newName)[all.indexOf(target)]!;
    // The same name again changes nothing, so there is nothing to undo either.
    if (renamed.name === target.name) return resolveCollection(this.corpus, target);
    return this.saveAndGet('rename-collection', renamed.name, (all) => renameCollection(all, name, newName));
  }

  /** Moves a collection to a 1-based position among the collections; returns them all, evaluated. */
  async reorder(name: string, position: number): Promise<ResolvedCollection[]> {
    const before = this.stored();
    const next = moveCollection(before, name, position);
    if (next.every((c, i) => c === before[i])) return this.list();
    await this.save('move-collection', (all) => moveCollection(all, name, position));
    return this.list();
  }

  /** Deletes a collection; its reports are untouched. */
  async delete(name: string): Promise<void> {
    await this.save('delete-collection', (all) => deleteCollection(all, name));
  }

  private stored(): Collection[] {
    return this.corpus.corpusSettings().collections;
  }

  private existingIds(ids: string[]): string[] {
    const present = new Set(this.corpus.ids());
    const unknown = ids.filter((id) => !present.has(id));
    if (unknown.length) {
      throw new FolioError(
        'unknown-report',
        `no report ${unknown.map((id) => `"${id}"`).join(', ')} in ${this.corpus.root}`,
      );
    }
    return ids;
  }

  private async save(verb: EditVerb, change: (all: Collection[]) => Collection[]): Promise<Collection[]> {
    const applied = await this.corpus.editSettings(collectionsEdit(verb, change));
    this.onApplied(applied);
    return applied.after.collections;
  }

  private async saveAndGet(
    verb: EditVerb,
    name: string,
    change: (all: Collection[]) => Collection[],
  ): Promise<ResolvedCollection> {
    const next = await this.save(verb, change);
    return resolveCollection(this.corpus, findCollection(next, name));
  }
}
