/** Where a term's FNV-1a hash starts, before its first unit. */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Folds one UTF-16 unit into a running FNV-1a hash; start a term's hash from `FNV_OFFSET`. */
export function hashUnit(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, FNV_PRIME);
}

/** The string of `units[from, to)`, unit for unit (a lone surrogate too), whatever its length. */
export function termOf(units: Uint16Array, from: number, to: number): string {
  let term = '';
  for (let at = from; at < to; at += 4096) {
    term += String.fromCharCode(...units.subarray(at, Math.min(to, at + 4096)));
  }
  return term;
}

/**
 * An open-addressing hash table from terms to values, looked up by a run of UTF-16 units rather than a string:
 * indexing a report then makes no string for a word already known, which is nearly every word.
 */
export class TermTable<V> {
  private table = new Int32Array(1 << 12).fill(-1);
  private readonly hashes: number[] = [];
  private readonly values: V[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private units = new Uint16Array(1 << 14);
  private unitsUsed = 0;

  /** The value of the term spelled by `units[from, to)` whose hash is `hash`, or undefined. */
  find(units: Uint16Array, from: number, to: number, hash: number): V | undefined {
    const mask = this.table.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at]!;
      if (entry < 0) return undefined;
      if (this.hashes[entry] === hash && this.spells(entry, units, from, to)) return this.values[entry];
    }
  }

  /** Adds a term (not in the table yet) with its value. */
  add(term: string, hash: number, value: V): void {
    if ((this.values.length + 1) * 2 > this.table.length) this.rehash(this.table.length * 2);
    const entry = this.values.length;
    this.values.push(value);
    this.hashes.push(hash);
    if (this.unitsUsed + term.length > this.units.length) {
      const grown = new Uint16Array(Math.max(this.units.length * 2, this.unitsUsed + term.length));
      grown.set(this.units);
      this.units = grown;
    }
    this.starts.push(this.unitsUsed);
    this.lengths.push(term.length);
    for (let i = 0; i < term.length; i++) this.units[this.unitsUsed++] = term.charCodeAt(i);
    this.place(entry);
  }

  /** The hash of a whole term, as `add` and `find` expect it. */
  static hash(term: string): number {
    let hash = FNV_OFFSET;
    for (let i = 0; i < term.length; i++) hash = hashUnit(hash, term.charCodeAt(i));
    return hash;
  }

  private spells(entry: number, units: Uint16Array, from: number, to: number): boolean {
    const length = this.lengths[entry]!;
    if (length !== to - from) return false;
    const start = this.starts[entry]!;
    for (let i = 0; i < length; i++) if (this.units[start + i] !== units[from + i]) return false;
    return true;
  }

  private place(entry: number): void {
    const mask = this.table.length - 1;
    let at = this.hashes[entry]! & mask;
    while (this.table[at]! >= 0) at = (at + 1) & mask;
    this.table[at] = entry;
  }

  private rehash(capacity: number): void {
    this.table = new Int32Array(capacity).fill(-1);
    for (let entry = 0; entry < this.values.length; entry++) this.place(entry);
  }
}
