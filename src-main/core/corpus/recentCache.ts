/** A bounded map that forgets the least recently used entry first. */
export class RecentCache<V> {
  // A Map iterates in insertion order, so re-inserting on use keeps the oldest first.
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** The value of `key`, marking it as just used. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Stores a value, forgetting the oldest one when full. */
  put(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Forgets a key. */
  delete(key: string): void {
    this.entries.delete(key);
  }
}
