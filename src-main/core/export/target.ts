import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FolioError } from '../errors';
import { FOLIO_DIR } from '../store/sidecars';
import { zipFiles } from './zip';

/** Where exports inside a corpus may go: a place the corpus never reads as reports. */
export const EXPORTS_DIR = `${FOLIO_DIR}/exports`;

/**
 * The place an export goes: files are written to a staging folder beside it and moved into place only when
 * the whole export succeeded, so a failed export leaves `out` as it was.
 */
export class ExportTarget {
  private constructor(
    readonly out: string,
    readonly zip: boolean,
    /** The folder the export's files are written into. */
    readonly staging: string,
  ) {}

  /**
   * Checks `out` and makes the staging folder. Refuses a path inside the corpus (except under
   * `.folio/exports/`) or containing it, a file where a folder is wanted and the reverse, and an existing
   * non-empty folder or zip file unless `force`.
   */
  static async prepare(
    root: string,
    out: string,
    options: { zip: boolean; force: boolean },
  ): Promise<ExportTarget> {
    const target = await realLocation(path.resolve(out));
    const corpus = await fs.realpath(root);
    const inside = path.relative(corpus, target);
    if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) {
      const parts = inside.split(path.sep);
      if (!(parts[0] === FOLIO_DIR && parts[1] === 'exports' && parts.length > 2)) {
        throw new FolioError(
          'invalid-input',
          `--out ${out} is inside the corpus ${root}; export outside it or under ${path.join(root, EXPORTS_DIR)}${path.sep}`,
        );
      }
    } else if (!path.relative(target, corpus).startsWith('..')) {
      throw new FolioError(
        'invalid-input',
        `--out ${out} contains the corpus ${root}; choose a folder outside it`,
      );
    }
    await checkExisting(out, target, options);
    const parent = path.dirname(target);
    const staging = path.join(parent, `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
    try {
      await fs.mkdir(parent, { recursive: true });
      await fs.mkdir(staging);
    } catch (error) {
      throw new FolioError(
        'invalid-input',
        `--out ${out}: cannot write there (${(error as Error).message})`,
        out,
      );
    }
    return new ExportTarget(target, options.zip, staging);
  }

  /**
   * Moves the finished export into place, replacing what `force` allowed to replace; for a zip, first zips the
   * staged files in the order given, every entry dated `mtime`.
   */
  async commit(paths: readonly string[], mtime: Date): Promise<void> {
    const ready = this.zip ? `${this.staging}.zip` : this.staging;
    if (this.zip) await zipFiles(this.staging, paths, ready, mtime);
    const old = `${this.staging}.old`;
    const existed = await fs.rename(this.out, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await fs.rename(ready, this.out);
    if (existed) await fs.rm(old, { recursive: true, force: true });
    if (this.zip) await fs.rm(this.staging, { recursive: true, force: true });
  }

  /** Removes everything the failed export wrote. */
  async abort(): Promise<void> {
    await fs.rm(this.staging, { recursive: true, force: true });
    await fs.rm(`${this.staging}.zip`, { force: true });
  }
}

async function checkExisting(
  out: string,
  target: string,
  options: { zip: boolean; force: boolean },
): Promise<void> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) return;
  if (options.zip && stat.isDirectory())
    throw new FolioError('invalid-input', `--out ${out} is a folder; --zip writes a file`);
  if (!options.zip && !stat.isDirectory()) {
    throw new FolioError('invalid-input', `--out ${out} is a file; an export without --zip writes a folder`);
  }
  const empty = stat.isDirectory() && (await fs.readdir(target)).length === 0;
  if (!empty && !options.force) {
    throw new FolioError(
      'invalid-input',
      `--out ${out} already exists${stat.isDirectory() ? ' and is not empty' : ''}; pass --force to replace it`,
    );
  }
}

/** The path with its existing part resolved through symbolic links, so a link cannot hide the corpus. */
async function realLocation(absolute: string): Promise<string> {
  const rest: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return path.join(await fs.realpath(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}
