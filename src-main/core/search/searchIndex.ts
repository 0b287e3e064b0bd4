import { foldUnitsForSearch } from '../text/fold';
import { forEachToken, MIN_PREFIX, parseQuery, type ParsedQuery } from './query';
import { TermTable, termOf } from './termTable';

/** The searchable content of one report. */
export interface SearchDocument {
  id: string;
  title: string;
  text: string;
  /** Metadata values (source, author, place, people, references) as one string. */
  meta: string;
}

/** A report that matched, with its relevance score. */
export interface SearchHit {
  id: string;
  score: number;
}

// A title word weighs three text words and a metadata word two, so a report about a place outranks one
// that mentions it in passing.
const FIELDS = [
  ['title', 3],
  ['text', 1],
  ['meta', 2],
] as const;
const BM25_K1 = 1.2;
const BM25_B = 0.7;
/** A word matched only as the prefix of a longer one counts less than the word itself. */
const PREFIX_WEIGHT = 0.4;
const MAX_WEIGHT = 0xffff;
const FORMAT = 'folio-index-2';
/** Scores are ranked in steps of 2^-24, far finer than any two reports' relevance differs by. */
const SCORE_SCALE = 2 ** 24;
const SCORE_STEPS = 2 ** 30;

/**
 * The documents one term occurs in. Entries are appended in any slot order; positions are delta-encoded
 * varints, since a term's positions in one report are ascending and mostly close together.
 */
class Postings {
  count = 0;
  bytes = 0;
  /** The last position recorded for the entry being built. */
  private lastPosition = 0;
  constructor(
    public slots: Uint32Array = new Uint32Array(2),
    public weights: Uint16Array = new Uint16Array(2),
    /** Where each entry's positions start in `positions`. */
    public starts: Uint32Array = new Uint32Array(2),
    public positions: Uint8Array = new Uint8Array(8),
  ) {}

  static view(
    count: number,
    bytes: number,
    slots: Uint32Array,
    weights: Uint16Array,
    starts: Uint32Array,
    positions: Uint8Array,
  ): Postings {
    const postings = new Postings(slots, weights, starts, positions);
    postings.count = count;
    postings.bytes = bytes;
    return postings;
  }

  /** Records one occurrence at `position` in the report in `slot`; a report's occurrences come in order. */
  occur(slot: number, weight: number, position: number): void {
    if (this.count === 0 || this.slots[this.count - 1] !== slot) {
      if (this.count === this.slots.length) {
        const capacity = this.count * 2;
        this.slots = grow(this.slots, capacity);
        this.weights = grow(this.weights, capacity);
        this.starts = grow(this.starts, capacity);
      }
      this.slots[this.count] = slot;
      this.weights[this.count] = 0;
      this.starts[this.count] = this.bytes;
      this.count++;
      this.lastPosition = 0;
    }
    this.weights[this.count - 1] = Math.min(MAX_WEIGHT, this.weights[this.count - 1]! + weight);
    if (this.bytes + 5 > this.positions.length) {
      this.positions = grow(this.positions, Math.max(this.positions.length * 2, this.bytes + 5));
    }
    let delta = position - this.lastPosition;
    this.lastPosition = position;
    while (delta >= 0x80) {
      this.positions[this.bytes++] = (delta & 0x7f) | 0x80;
      delta >>>= 7;
    }
    this.positions[this.bytes++] = delta;
  }

  /** Appends another postings list, its slots renumbered through `slotMap`. */
  append(other: Postings, slotMap: Uint32Array): void {
    const count = this.count + other.count;
    if (count > this.slots.length) {
      this.slots = grow(this.slots, count);
      this.weights = grow(this.weights, count);
      this.starts = grow(this.starts, count);
    }
    for (let i = 0; i < other.count; i++) {
      this.slots[this.count + i] = slotMap[other.slots[i]!]!;
      this.starts[this.count + i] = other.starts[i]! + this.bytes;
    }
    this.weights.set(other.weights.subarray(0, other.count), this.count);
    this.count = count;
    if (this.bytes + other.bytes > this.positions.length)
      this.positions = grow(this.positions, this.bytes + other.bytes);
    this.positions.set(other.positions.subarray(0, other.bytes), this.bytes);
    this.bytes += other.bytes;
  }

  /** Decodes the positions of entry `entry` into `out` (emptied first, reused to spare allocations). */
  positionsOf(entry: number, out: number[]): number[] {
    const end = entry + 1 < this.count ? this.starts[entry + 1]! : this.bytes;
    out.length = 0;
    let position = 0;
    let i = this.starts[entry]!;
    while (i < end) {
      let delta = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = this.positions[i++]!;
        delta += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      position += delta;
      out.push(position);
    }
    return out;
  }
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array>(array: T, capacity: number): T {
  const grown = new (array.constructor as new (length: number) => T)(capacity);
  grown.set(array);
  return grown;
}

/** Scratch arrays for one search, one entry per slot. */
interface Scratch {
  scores: Float64Array;
  /** How many query parts a slot matched so far: a slot stays a candidate while it matched all of them. */
  matched: Uint16Array;
}

/**
 * The full-text index: an inverted index from folded terms to the reports and positions they occur at, so
 * loose words, prefixes of the word being typed and exact `"phrases"` are answered from memory, ranked by
 * BM25 with title and metadata words weighing more. Text is folded for Vietnamese (case, diacritics, tone-mark
 * placement, đ/d and NBSP are ignored). Each report occupies a slot; a changed report takes a new slot and
 * its old one is left dead until the index is next saved. It saves to one binary file that loads without
 * parsing, and indexes built in worker threads merge into it by copying arrays.
 */
export class SearchIndex {
  private terms = new Map<string, Postings>();
  /** The same terms, found by their folded units while indexing; built on first use after a load or merge. */
  private table: TermTable<Postings> | null = null;
  private sortedTerms: string[] | null = null;
  /** Report id of each slot, or null once the slot is dead. */
  private slotIds: Array<string | null> = [];
  private slotKeys: string[] = [];
  private lengths: number[] = [];
  private slotOf = new Map<string, number>();
  private liveLength = 0;

  /** An empty index. */
  static create(): SearchIndex {
    return new SearchIndex();
  }

  /** Number of reports in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Ids of the indexed reports. */
  ids(): string[] {
    return [...this.slotOf.keys()];
  }

  /** Whether a report is indexed. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** The key of the content a report was indexed from (see `put`), or null when it is not indexed. */
  keyOf(id: string): string | null {
    const slot = this.slotOf.get(id);
    return slot === undefined ? null : this.slotKeys[slot]!;
  }

  /** Adds or replaces a report; `key` names the content indexed, so a cached index can be checked against it. */
  put(doc: SearchDocument, key = ''): void {
    const slot = this.claimSlot(doc.id, key, 0);
    const table = this.termTable();
    let position = 0;
    let length = 0;
    for (const [field, weight] of FIELDS) {
      const units = foldUnitsForSearch(doc[field]);
      forEachToken(units, (start, end, hash) => {
        let postings = table.find(units, start, end, hash);
        if (!postings) {
          const term = termOf(units, start, end);
          this.terms.set(term, (postings = new Postings()));
          table.add(term, hash, postings);
          this.sortedTerms = null;
        }
        postings.occur(slot, weight, position++);
        length += weight;
      });
      // A gap between fields, so no phrase spans two.
      position++;
    }
    this.lengths[slot] = length;
    this.liveLength += length;
  }

  /** Removes a report if present. */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.slotIds[slot] = null;
    this.liveLength -= this.lengths[slot]!;
  }

  /** Moves every report of `other` into this index, replacing reports with the same id; `other` is used up. */
  merge(other: SearchIndex): void {
    // Entries of dead slots cannot be skipped while positions are copied whole; shards never have any.
    if (other.slotOf.size !== other.slotIds.length) throw new Error('merge: compact the index first');
    if (this.slotIds.length === 0) {
      // Into an empty index (a first open), the first shard is taken as it is rather than copied.
      ({ terms: this.terms, slotIds: this.slotIds, slotKeys: this.slotKeys, lengths: this.lengths } = other);
      ({ slotOf: this.slotOf, liveLength: this.liveLength } = other);
      this.table = null;
      this.sortedTerms = null;
      return;
    }
    const slotMap = new Uint32Array(other.slotIds.length);
    other.slotIds.forEach((id, slot) => {
      if (id !== null) slotMap[slot] = this.claimSlot(id, other.slotKeys[slot]!, other.lengths[slot]!);
    });
    for (const [token, postings] of other.terms) {
      let mine = this.terms.get(token);
      if (!mine) {
        this.terms.set(token, (mine = new Postings()));
        this.table?.add(token, TermTable.hash(token), mine);
        this.sortedTerms = null;
      }
      mine.append(postings, slotMap);
    }
  }

  private termTable(): TermTable<Postings> {
    if (!this.table) {
      this.table = new TermTable();
      for (const [term, postings] of this.terms) this.table.add(term, TermTable.hash(term), postings);
    }
    return this.table;
  }

  private claimSlot(id: string, key: string, length: number): number {
    this.remove(id);
    const slot = this.slotIds.length;
    this.slotIds.push(id);
    this.slotKeys.push(key);
    this.lengths.push(length);
    this.slotOf.set(id, slot);
    this.liveLength += length;
    return slot;
  }

  /**
   * Reports containing every word and phrase of `query`, best first (the best `limit` of them); `allowed` keeps
   * only ids that passed the filters. The last loose word also matches as a prefix, so instant search finds
   * `thanh` from `tha`.
   */
  search(query: string | ParsedQuery, allowed?: (id: string) => boolean, limit = Infinity): SearchHit[] {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const parts = [
      ...parsed.words.map((word, i) => ({
        kind: 'word' as const,
        word,
        prefix: i === parsed.words.length - 1 && word.length >= MIN_PREFIX,
      })),
      ...parsed.phrases.map((phrase) => ({ kind: 'phrase' as const, phrase })),
    ];
    if (parts.length === 0 || this.slotOf.size === 0) return [];
    // The rarest part first: every later part only looks at the candidates left.
    const rarity = (part: (typeof parts)[number]) =>
      part.kind === 'phrase'
        ? Math.min(...part.phrase.map((t) => this.terms.get(t)?.count ?? 0))
        : (this.terms.get(part.word)?.count ?? 0) + (part.prefix ? 1 : 0);
    parts.sort((a, b) => rarity(a) - rarity(b));
    const scratch: Scratch = {
      scores: new Float64Array(this.slotIds.length),
      matched: new Uint16Array(this.slotIds.length),
    };
    for (let round = 0; round < parts.length; round++) {
      const part = parts[round]!;
      const found =
        part.kind === 'word'
          ? this.scoreWord(part.word, part.prefix, round, scratch)
          : this.scorePhrase(part.phrase, round, scratch);
      if (!found) return [];
    }
    const { matched, scores } = scratch;
    const found: number[] = [];
    for (let slot = 0; slot < matched.length; slot++) {
      if (matched[slot] !== parts.length) continue;
      const id = this.slotIds[slot];
      if (id && (!allowed || allowed(id))) found.push(slot);
    }
    return this.ranked(found, scores, limit);
  }

  /**
   * Hits best first, equal scores in id order. A common word matches every report, so this sorts 100,000
   * numbers natively (score and slot packed into one float) instead of 100,000 objects with a comparator.
   */
  private ranked(slots: number[], scores: Float64Array, limit: number): SearchHit[] {
    const slotSpace = 2 ** Math.ceil(Math.log2(this.slotIds.length + 1));
    let keys = new Float64Array(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      // Best first: the larger the score, the smaller the key; 2^53 bounds the packed value.
      const rank = SCORE_STEPS - Math.min(SCORE_STEPS, Math.round(scores[slot]! * SCORE_SCALE));
      keys[i] = rank * slotSpace + slot;
    }
    if (limit < keys.length) {
      // Only the best `limit`, with every hit as good as the last of them (ties are then ordered by id, as in
      // the full ranking): the limit-th smallest key is found in linear time, not by sorting them all.
      const lastRank = Math.floor(nthSmallest(keys.slice(), limit - 1) / slotSpace);
      keys = keys.filter((key) => Math.floor(key / slotSpace) <= lastRank);
    }
    keys.sort();
    const hits: SearchHit[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const slot = keys[i]! % slotSpace;
      hits[i] = { id: this.slotIds[slot]!, score: scores[slot]! };
    }
    // Slots follow the order reports were indexed in; within one score, order by id.
    for (let start = 0; start < hits.length;) {
      const rank = Math.floor(keys[start]! / slotSpace);
      let end = start + 1;
      while (end < hits.length && Math.floor(keys[end]! / slotSpace) === rank) end++;
      if (end - start > 1) {
        const run = hits.slice(start, end).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
        for (let i = 0; i < run.length; i++) hits[start + i] = run[i]!;
      }
      start = end;
    }
    return hits.length > limit ? hits.slice(0, limit) : hits;
  }

  /** Scores the slots still in the running that contain `word` (or, for a prefix, a longer word); false if none. */
  private scoreWord(word: string, prefix: boolean, round: number, scratch: Scratch): boolean {
    let found = this.scoreTerm(this.terms.get(word), 1, round, scratch);
    if (prefix) {
      for (const term of this.termsStartingWith(word)) {
        if (term !== word)
          found = this.scoreTerm(this.terms.get(term), PREFIX_WEIGHT, round, scratch) || found;
      }
    }
    return found;
  }

  private scoreTerm(postings: Postings | undefined, boost: number, round: number, scratch: Scratch): boolean {
    if (!postings) return false;
    const { matched, scores } = scratch;
    const idf = this.idf(postings.count);
    const averageLength = this.liveLength / this.slotOf.size;
    let found = false;
    for (let entry = 0; entry < postings.count; entry++) {
      const slot = postings.slots[entry]!;
      // A slot already counted for this part (through an earlier term of a prefix) keeps its first score.
      if (matched[slot] !== round || this.slotIds[slot] === null) continue;
      matched[slot] = round + 1;
      scores[slot]! +=
        boost * idf * this.saturate(postings.weights[entry]!, this.lengths[slot]!, averageLength);
      found = true;
    }
    return found;
  }

  /** Scores the slots still in the running where the phrase's words stand in a row. */
  private scorePhrase(phrase: readonly string[], round: number, scratch: Scratch): boolean {
    const lists = phrase.map((term) => this.terms.get(term));
    if (lists.some((postings) => !postings)) return false;
    const postings = lists as Postings[];
    // Where each later word's entry is, by slot: one pass over each list instead of a search per candidate.
    const entryOf = postings.slice(1).map((list) => {
      const entries = new Int32Array(this.slotIds.length).fill(-1);
      for (let entry = 0; entry < list.count; entry++) {
        if (scratch.matched[list.slots[entry]!] === round) entries[list.slots[entry]!] = entry;
      }
      return entries;
    });
    const averageLength = this.liveLength / this.slotOf.size;
    const idf = postings.reduce((sum, list) => sum + this.idf(list.count), 0);
    const first = postings[0]!;
    const starts: number[] = [];
    const later: number[] = [];
    let found = false;
    for (let entry = 0; entry < first.count; entry++) {
      const slot = first.slots[entry]!;
      if (scratch.matched[slot] !== round || this.slotIds[slot] === null) continue;
      if (entryOf.some((entries) => entries[slot] === -1)) continue;
      // Phrase starts that survive each later word standing at its offset; both lists ascend, so one merge each.
      first.positionsOf(entry, starts);
      let kept = starts.length;
      for (let i = 0; i < entryOf.length && kept > 0; i++) {
        postings[i + 1]!.positionsOf(entryOf[i]![slot]!, later);
        kept = keepFollowed(starts, kept, later, i + 1);
      }
      if (kept === 0) continue;
      scratch.matched[slot] = round + 1;
      scratch.scores[slot]! += idf * this.saturate(kept, this.lengths[slot]!, averageLength);
      found = true;
    }
    return found;
  }

  private idf(documents: number): number {
    const total = this.slotOf.size;
    return Math.log(1 + (total - Math.min(documents, total) + 0.5) / (documents + 0.5));
  }

  private saturate(weight: number, length: number, averageLength: number): number {
    return (
      (weight * (BM25_K1 + 1)) / (weight + BM25_K1 * (1 - BM25_B + (BM25_B * length) / (averageLength || 1)))
    );
  }

  /** Terms beginning with `prefix`, found by binary search in the sorted term list. */
  private termsStartingWith(prefix: string): string[] {
    this.sortedTerms ??= [...this.terms.keys()].sort();
    const terms = this.sortedTerms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (terms[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const out: string[] = [];
    for (let i = low; i < terms.length && terms[i]!.startsWith(prefix); i++) out.push(terms[i]!);
    return out;
  }

  /** The index as one buffer (see `serializeChunks`), to hand from a worker to the main thread. */
  serialize(): Uint8Array {
    return Buffer.concat(this.serializeChunks());
  }

  /**
   * The index as bytes, in pieces to write one after another: a JSON header (ids, keys, terms, sizes) and then
   * every array as it is in memory, so loading is a read and a few views. Dead slots are left out.
   */
  serializeChunks(): Uint8Array[] {
    const live: number[] = [];
    const newSlot = new Uint32Array(this.slotIds.length);
    this.slotIds.forEach((id, slot) => {
      if (id !== null) newSlot[slot] = live.push(slot) - 1;
    });
    const terms: string[] = [];
    const counts: number[] = [];
    const sizes: number[] = [];
    const compacted: Postings[] = [];
    const anyDead = live.length < this.slotIds.length;
    for (const [term, postings] of this.terms) {
      const kept = anyDead ? this.compact(postings, newSlot) : postings;
      if (kept.count === 0) continue;
      terms.push(term);
      counts.push(kept.count);
      sizes.push(kept.bytes);
      compacted.push(kept);
    }
    const header = Buffer.from(
      JSON.stringify({
        format: FORMAT,
        ids: live.map((slot) => this.slotIds[slot]),
        keys: live.map((slot) => this.slotKeys[slot]),
        terms,
        counts,
        sizes,
      }),
    );
    const parts: Uint8Array[] = [];
    let length = 0;
    // Every array starts on a multiple of 8 bytes so it can be viewed in place when loaded.
    const push = (bytes: Uint8Array) => {
      parts.push(bytes, padding(length + bytes.length));
      length += bytes.length + padLength(length + bytes.length);
    };
    parts.push(uint32(header.length));
    length = 4;
    push(header);
    push(bytesOf(Float64Array.from(live, (slot) => this.lengths[slot]!)));
    for (const postings of compacted) {
      push(bytesOf(postings.slots.subarray(0, postings.count)));
      push(bytesOf(postings.starts.subarray(0, postings.count)));
      push(bytesOf(postings.weights.subarray(0, postings.count)));
      push(postings.positions.subarray(0, postings.bytes));
    }
    return parts;
  }

  /** The postings without entries of dead slots, renumbered to the compacted slots. */
  private compact(postings: Postings, newSlot: Uint32Array): Postings {
    const kept = new Postings(
      new Uint32Array(postings.count),
      new Uint16Array(postings.count),
      new Uint32Array(postings.count),
      new Uint8Array(postings.bytes),
    );
    for (let entry = 0; entry < postings.count; entry++) {
      const slot = postings.slots[entry]!;
      if (this.slotIds[slot] === null) continue;
      const end = entry + 1 < postings.count ? postings.starts[entry + 1]! : postings.bytes;
      const bytes = postings.positions.subarray(postings.starts[entry]!, end);
      kept.slots[kept.count] = newSlot[slot]!;
      kept.weights[kept.count] = postings.weights[entry]!;
      kept.starts[kept.count] = kept.bytes;
      kept.positions.set(bytes, kept.bytes);
      kept.count++;
      kept.bytes += bytes.length;
    }
    return kept;
  }

  /** An index from `serialize()` output; throws on anything else, so a broken cache is rebuilt. */
  static deserialize(bytes: Uint8Array): SearchIndex {
    // Typed-array views need aligned offsets; a buffer from a pool may start anywhere.
    const data = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const headerLength = view.getUint32(0, true);
    const header = JSON.parse(Buffer.from(data.buffer, data.byteOffset + 4, headerLength).toString('utf8'));
    if (header?.format !== FORMAT) throw new Error('not a Folio search index');
    const index = new SearchIndex();
    let offset = 4 + headerLength + padLength(4 + headerLength);
    const take = <T>(
      make: (buffer: ArrayBuffer, at: number, length: number) => T,
      length: number,
      size: number,
    ): T => {
      if (offset + length * size > data.byteLength) throw new Error('search index is truncated');
      const array = make(data.buffer as ArrayBuffer, data.byteOffset + offset, length);
      offset += length * size;
      offset += padLength(offset);
      return array;
    };
    const ids: string[] = header.ids;
    const lengths = take((b, at, n) => new Float64Array(b, at, n), ids.length, 8);
    index.slotIds = ids;
    index.slotKeys = header.keys;
    index.lengths = Array.from(lengths);
    ids.forEach((id, slot) => {
      index.slotOf.set(id, slot);
      index.liveLength += lengths[slot]!;
    });
    (header.terms as string[]).forEach((term, i) => {
      const count: number = header.counts[i];
      const size: number = header.sizes[i];
      const slots = take((b, at, n) => new Uint32Array(b, at, n), count, 4);
      const starts = take((b, at, n) => new Uint32Array(b, at, n), count, 4);
      const weights = take((b, at, n) => new Uint16Array(b, at, n), count, 2);
      const positions = take((b, at, n) => new Uint8Array(b, at, n), size, 1);
      index.terms.set(term, Postings.view(count, size, slots, weights, starts, positions));
    });
    return index;
  }
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

function bytesOf(array: Uint32Array | Uint16Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Zero bytes that bring `length` to a multiple of 8, so every array that follows is aligned. */
function padding(length: number): Uint8Array {
  return new Uint8Array(padLength(length));
}

function padLength(length: number): number {
  return (8 - (length % 8)) % 8;
}

/**
 * Keeps, among the first `count` phrase starts, those with `positions` holding `start + offset` (both ascending),
 * compacting them to the front of `starts`; returns how many are kept.
 */
function keepFollowed(starts: number[], count: number, positions: readonly number[], offset: number): number {
  let kept = 0;
  let j = 0;
  for (let i = 0; i < count; i++) {
    const wanted = starts[i]! + offset;
    while (j < positions.length && positions[j]! < wanted) j++;
    if (j < positions.length && positions[j] === wanted) starts[kept++] = starts[i]!;
  }
  return kept;
}

/** The `n`-th smallest (0-based) of `values`, which it reorders (Hoare's selection). */
function nthSmallest(values: Float64Array, n: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (n <= j) high = j;
    else if (n >= i) low = i;
    else return values[n]!;
  }
  return values[n]!;
}
