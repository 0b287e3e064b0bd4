import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { FolioError } from '../errors';

/** The files of an import: paths relative to the folder or zip given (`/`-separated), with their bytes. */
export type InputFiles = Map<string, Uint8Array>;

/** Reads a folder (recursively, hidden files skipped), a zip file, or a single file as import input. */
export async function readInput(source: string): Promise<InputFiles> {
  const stat = await fs.stat(source).catch(() => null);
  if (!stat) throw new FolioError('unreadable', `${source}: no such file or folder`, source);
  const files: InputFiles = new Map();
  if (stat.isDirectory()) {
    const entries = await fs.readdir(source, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      const relative = path.relative(source, path.join(entry.parentPath, entry.name)).split(path.sep);
      if (!entry.isFile() || relative.some((part) => part.startsWith('.'))) continue;
      files.set(relative.join('/'), await readBytes(path.join(entry.parentPath, entry.name)));
    }
    return files;
  }
  const bytes = await readBytes(source);
  if (/\.zip$/i.test(source)) {
    try {
      for (const [name, content] of Object.entries(unzipSync(bytes))) {
        if (!name.endsWith('/')) files.set(name, content);
      }
    } catch (error) {
      throw new FolioError(
        'unreadable',
        `${source}: not a readable zip file (${(error as Error).message})`,
        source,
      );
    }
    return files;
  }
  files.set(path.basename(source), bytes);
  return files;
}

/** The files whose names end with one of the extensions, sorted by path. */
export function filesEnding(files: InputFiles, ...extensions: string[]): Array<[string, Uint8Array]> {
  return [...files]
    .filter(([name]) => extensions.some((ext) => name.toLowerCase().endsWith(ext)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** UTF-8 text of an input file (a BOM is dropped); throws naming the file when it is not UTF-8. */
export function utf8(name: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FolioError('undecodable', `${name}: not valid UTF-8`, name);
  }
}

async function readBytes(file: string): Promise<Uint8Array> {
  return fs.readFile(file).catch((error: Error) => {
    throw new FolioError('unreadable', `${file}: cannot be read (${error.message})`, file);
  });
}
