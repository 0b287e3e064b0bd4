import { closeSync, openSync, promises as fs, readSync } from 'node:fs';
import path from 'node:path';
import { originalTextKey, type ExtractedValues } from '../analyze/analyze';
import type { Outlet } from '../extract/outlets';
import { EXTRACTOR_VERSION } from '../extract/version';
import { sha256 } from '../store/hash';
import type { Extraction } from '../extract/types';
import { SearchIndex } from '../search/searchIndex';
import { writeFileAtomic } from '../store/atomic';
import { ensureFolioGitignore, TEMP_DIR } from '../store/sidecars';

/** The cache's layout and the extractor that filled it: either changing makes the whole cache stale. */
const CACHE_LAYOUT = `4.${EXTRACTOR_VERSION}`;
const REPORTS_FILE = 'reports.json';
const EXTRACTIONS_FILE = 'extractions.ndjson';
const INDEX_FILE = 'index.bin';
/** Files of earlier cache versions, removed when the cache is next saved. */
const OLD_FILES = ['corpus-cache.json'];

/** What a previous open learnt about one report, reused while its file and text are unchanged. */
export interface CachedReport {
  size: number;
  mtimeMs: number;
  sha256: string;
  encoding: string;
  /** Names the effective text the extraction was made from (see `originalTextKey`). */
  textKey: string;
  values: ExtractedValues;
}

/** A report as `reports.json` holds it: the usual encoding and text key are left out. */
type StoredReport = Omit<CachedReport, 'encoding' | 'textKey'> &
  Partial<Pick<CachedReport, 'encoding' | 'textKey'>> &
  Partial<StoredAt>;

const DEFAULT_ENCODING = 'utf-8';

/** Where a report's full extraction stands in the extractions file. */
interface StoredAt {
  at: number;
  length: number;
}

/**
 * The persisted cache of a corpus in `.folio/cache/`: the extracted values of every report (`reports.json`,
 * small enough to load at once), the full extractions with their evidence (`extractions.ndjson`, read one line
 * at a time when a report is opened) and the search index (`index.bin`). It is only an optimisation: anything
 * missing, stale or unreadable is rebuilt from the report files.
 */
export class CorpusCache {
  private readonly reports = new Map<string, CachedReport & Partial<StoredAt>>();
  /** Extractions not yet in the extractions file, as its JSON lines. */
  private readonly pending = new Map<string, Buffer>();
  private dirty = false;

  private constructor(
    private readonly dir: string,
    private readonly version: string,
    /** The search index as last saved, or null when there was none to load. */
    readonly index: SearchIndex | null,
  ) {}

  /**
   * Loads the cache of the corpus whose `.folio/` folder is `folioDir`; an empty one when there is none, or
   * when it was filled by another extractor or knowing other corpus outlets than `outlets`.
   */
  static async load(folioDir: string, outlets: readonly Outlet[] = []): Promise<CorpusCache> {
    const dir = path.join(folioDir, 'cache');
    const version =
      outlets.length === 0
        ? CACHE_LAYOUT
        : `${CACHE_LAYOUT}+outlets.${sha256(Buffer.from(JSON.stringify(outlets))).slice(0, 16)}`;
    const [reports, index] = await Promise.all([
      fs
        .readFile(path.join(dir, REPORTS_FILE), 'utf8')
        .then((json) => JSON.parse(json))
        .catch(() => null),
      fs
        .readFile(path.join(dir, INDEX_FILE))
        .then((bytes) => SearchIndex.deserialize(bytes))
        .catch(() => null),
    ]);
    const current = reports?.version === version && typeof reports.reports === 'object';
    // An index built by another extractor holds other values: it is rebuilt with the reports.
    const cache = new CorpusCache(dir, version, current ? index : null);
    if (current) {
      for (const [id, entry] of Object.entries(reports.reports) as Array<[string, StoredReport]>) {
        // The usual values are left out of the file (see `reportsJson`).
        entry.encoding ??= DEFAULT_ENCODING;
        entry.textKey ??= originalTextKey(entry.sha256);
        cache.reports.set(id, entry as CachedReport);
      }
    }
    cache.dirty = !current || index === null || cache.reports.size === 0;
    return cache;
  }

  /** Whether the cache knows no report at all (a first open, or one after the cache was deleted). */
  get isEmpty(): boolean {
    return this.reports.size === 0;
  }

  /** Whether anything changed since the cache was loaded or saved. */
  get changed(): boolean {
    return this.dirty;
  }

  /** Marks the cache as changed (the index it saves changed). */
  touch(): void {
    this.dirty = true;
  }

  get(id: string): CachedReport | undefined {
    return this.reports.get(id);
  }

  ids(): string[] {
    return [...this.reports.keys()];
  }

  /** Records a report's values and full extraction (as UTF-8 JSON, or as the object to serialise). */
  put(id: string, report: CachedReport, extraction: Uint8Array | Extraction): void {
    this.reports.set(id, { ...report });
    const json = extraction instanceof Uint8Array ? extraction : Buffer.from(JSON.stringify(extraction));
    this.pending.set(
      id,
      Buffer.concat([
        Buffer.from(`{"id":${JSON.stringify(id)},"textKey":${JSON.stringify(report.textKey)},"extraction":`),
        json,
        CLOSE_BRACE,
      ]),
    );
    this.dirty = true;
  }

  /** Updates the file facts of a report whose text is unchanged (a file touched, say). */
  restat(id: string, size: number, mtimeMs: number): void {
    const entry = this.reports.get(id);
    if (!entry || (entry.size === size && entry.mtimeMs === mtimeMs)) return;
    entry.size = size;
    entry.mtimeMs = mtimeMs;
    this.dirty = true;
  }

  delete(id: string): void {
    if (this.reports.delete(id)) this.dirty = true;
    this.pending.delete(id);
  }

  /** The full extraction of a report's text named `textKey`, or null when the cache does not hold it. */
  readExtraction(id: string, textKey: string): Extraction | null {
    const entry = this.reports.get(id);
    if (entry?.textKey !== textKey) return null;
    try {
      const line = this.pending.get(id)?.toString('utf8') ?? this.readLine(entry);
      const parsed = line === null ? null : JSON.parse(line);
      // The line names its report and text, so a file rewritten under stale offsets is never trusted.
      return parsed?.id === id && parsed.textKey === textKey ? (parsed.extraction as Extraction) : null;
    } catch {
      return null;
    }
  }

  private readLine(entry: Partial<StoredAt>): string | null {
    if (entry.at === undefined || entry.length === undefined) return null;
    const fd = openSync(path.join(this.dir, EXTRACTIONS_FILE), 'r');
    try {
      const bytes = Buffer.alloc(entry.length);
      readSync(fd, bytes, 0, entry.length, entry.at);
      return bytes.toString('utf8');
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Writes the cache atomically, file by file: the extractions (the saved lines copied, new ones added), the
   * values with where each extraction now stands, and `index`. `.folio/.gitignore` keeps it out of a team's
   * repository.
   */
  async save(index: SearchIndex): Promise<void> {
    // Changes made while saving mark the cache changed again.
    this.dirty = false;
    try {
      await this.write(index);
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }

  private async write(index: SearchIndex): Promise<void> {
    const folioDir = path.dirname(this.dir);
    await ensureFolioGitignore(folioDir);
    const options = { tempDir: path.join(folioDir, TEMP_DIR) };
    const positions = new Map<string, StoredAt>();
    const written = new Map<string, Buffer>();
    await writeFileAtomic(
      path.join(this.dir, EXTRACTIONS_FILE),
      this.extractionLines(positions, written),
      options,
    );
    for (const [id, entry] of this.reports) {
      Object.assign(entry, positions.get(id) ?? { at: undefined, length: undefined });
    }
    for (const [id, line] of written) if (this.pending.get(id) === line) this.pending.delete(id);
    await writeFileAtomic(path.join(this.dir, REPORTS_FILE), this.reportsJson(), options);
    await writeFileAtomic(path.join(this.dir, INDEX_FILE), index.serializeChunks(), options);
    await Promise.all(OLD_FILES.map((file) => fs.rm(path.join(this.dir, file), { force: true })));
  }

  /**
   * The lines of the new extractions file: the saved lines still wanted, copied from the old file in runs of
   * neighbours, then the new ones. Records where each line lands in `positions` and the new lines written.
   */
  private async *extractionLines(
    positions: Map<string, StoredAt>,
    written: Map<string, Buffer>,
  ): AsyncGenerator<Uint8Array> {
    let at = 0;
    const place = (id: string, length: number) => {
      positions.set(id, { at, length });
      at += length + 1;
    };
    const old = await fs.open(path.join(this.dir, EXTRACTIONS_FILE), 'r').catch(() => null);
    try {
      const size = old ? (await old.stat()).size : 0;
      // Each saved line is followed by its newline, so a wanted line ends before the file does.
      const saved = [...this.reports]
        .filter(([id, e]) => !this.pending.has(id) && e.at !== undefined && e.at + e.length! < size)
        .sort((x, y) => x[1].at! - y[1].at!);
      for (let first = 0; first < saved.length;) {
        const start = saved[first]![1].at!;
        let last = first;
        let end = start + saved[first]![1].length! + 1;
        while (last + 1 < saved.length && saved[last + 1]![1].at === end && end - start < COPY_RUN_BYTES) {
          last++;
          end += saved[last]![1].length! + 1;
        }
        const run = Buffer.alloc(end - start);
        for (let read = 0; read < run.length;) {
          const { bytesRead } = await old!.read(run, read, run.length - read, start + read);
          if (bytesRead === 0) throw new Error('the extractions file shrank while it was copied');
          read += bytesRead;
        }
        for (let i = first; i <= last; i++) place(saved[i]![0], saved[i]![1].length!);
        yield run;
        first = last + 1;
      }
    } finally {
      // Closed before the new file is renamed over it, which Windows would refuse.
      await old?.close();
    }
    for (const [id, line] of this.pending) {
      if (!this.reports.has(id)) continue;
      written.set(id, line);
      place(id, line.length);
      yield line;
      yield NEWLINE;
    }
  }

  /** `reports.json`, in pieces: at 100,000 reports one string of it would be a hundred megabytes. */
  private *reportsJson(): Generator<Uint8Array> {
    yield Buffer.from(`{"version":${JSON.stringify(this.version)},"reports":{`);
    let separator = '';
    let piece = '';
    for (const [id, entry] of this.reports) {
      // Most reports are UTF-8 and uncorrected: writing neither fact 100,000 times makes the file a tenth smaller.
      const stored: StoredReport = { ...entry };
      if (stored.encoding === DEFAULT_ENCODING) delete stored.encoding;
      if (stored.textKey === originalTextKey(stored.sha256)) delete stored.textKey;
      piece += `${separator}${JSON.stringify(id)}:${JSON.stringify(stored)}`;
      separator = ',';
      if (piece.length > 1 << 20) {
        yield Buffer.from(piece);
        piece = '';
      }
    }
    yield Buffer.from(`${piece}}}`);
  }
}

/** Largest run of saved lines read from the old extractions file at once. */
const COPY_RUN_BYTES = 8 * 1024 * 1024;
const NEWLINE = Buffer.from('\n');
const CLOSE_BRACE = Buffer.from('}');
