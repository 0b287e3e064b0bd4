import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../errors';
import type { OutputFile } from './types';

/** Writes a format's output files into a folder; files built from pieces stay open until `close`. */
export class FolderWriter {
  private readonly open = new Map<string, FileHandle>();
  private readonly written = new Set<string>();

  constructor(readonly dir: string) {}

  /** Writes a whole file, or appends a piece to one; throws when a whole file would be written twice. */
  async write(file: OutputFile): Promise<void> {
    const target = this.resolve(file.path);
    if (!file.append) {
      if (this.written.has(file.path)) {
        throw new FolioError(
          'invalid-input',
          `export file "${file.path}" would be written twice (two reports with one name?)`,
        );
      }
      this.written.add(file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.content);
      return;
    }
    let handle = this.open.get(file.path);
    if (!handle) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      handle = await fs.open(target, 'a');
      this.open.set(file.path, handle);
      this.written.add(file.path);
    }
    await handle.writeFile(file.content);
  }

  /** Closes every file still open. */
  async close(): Promise<void> {
    const handles = [...this.open.values()];
    this.open.clear();
    await Promise.all(handles.map((handle) => handle.close()));
  }

  /** Every path written, sorted. */
  paths(): string[] {
    return [...this.written].sort();
  }

  private resolve(relative: string): string {
    const parts = relative.split('/');
    if (path.isAbsolute(relative) || parts.some((part) => part === '' || part === '.' || part === '..')) {
      throw new FolioError('invalid-input', `export file name "${relative}" would leave the export folder`);
    }
    return path.join(this.dir, ...parts);
  }
}
