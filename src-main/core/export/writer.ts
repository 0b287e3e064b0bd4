import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../errors';
import type { OutputFile } from './types';

/** Bytes of appended pieces gathered before they are written: one write instead of thousands of small ones. */
const APPEND_BUFFER_BYTES = 1024 * 1024;

/** Writes a format's output files into a folder; files built from pieces stay open until `close`. */
export class FolderWriter {
  private readonly open = new Map<string, { handle: FileHandle; pieces: Buffer[]; bytes: number }>();
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
    let open = this.open.get(file.path);
    if (!open) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      open = { handle: await fs.open(target, 'a'), pieces: [], bytes: 0 };
      this.open.set(file.path, open);
      this.written.add(file.path);
    }
    const piece = Buffer.from(file.content);
    open.pieces.push(piece);
    open.bytes += piece.length;
    if (open.bytes >= APPEND_BUFFER_BYTES) await writePieces(open);
  }

  /** Writes what is gathered and closes every file still open. */
  async close(): Promise<void> {
    const files = [...this.open.values()];
    this.open.clear();
    await Promise.all(
      files.map(async (open) => {
        try {
          await writePieces(open);
        } finally {
          await open.handle.close();
        }
      }),
    );
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

async function writePieces(open: { handle: FileHandle; pieces: Buffer[]; bytes: number }): Promise<void> {
  const bytes = Buffer.concat(open.pieces);
  open.pieces = [];
  open.bytes = 0;
  await open.handle.writeFile(bytes);
}
