import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus, FolioError } from '../../../src-main/core';
import { writeFileAtomic } from '../../../src-main/core/store/atomic';
import { fromOsError } from '../../../src-main/core/store/osError';
import { buildCorpus, tempDir } from '../../helpers/corpora';
import { folio } from '../../helpers/cli';

// What the operating system refuses, said in words, with nothing left behind.

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something low-level`), { code });
}

describe('operating-system errors', () => {
  it('name the file and say what went wrong in words a person understands', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['ENOSPC', 'disk-full', /^cannot save \/c\/r\.json: the disk is full$/],
      ['EROFS', 'read-only', /the disk or folder is read-only$/],
      ['EACCES', 'unwritable', /permission denied$/],
      ['ENAMETOOLONG', 'name-too-long', /the file name is too long for the file system$/],
      ['ENOTDIR', 'not-a-folder', /a file stands where a folder is needed$/],
    ];
    for (const [code, folio, message] of cases) {
      const error = fromOsError(errno(code), '/c/r.json', 'save');
      expect(error).toBeInstanceOf(FolioError);
      expect(error.code).toBe(folio);
      expect(error.message).toMatch(message);
    }
    expect(fromOsError(errno('EACCES'), '/c/r.json', 'read').code).toBe('unreadable');
  });

  it('a write that fails half way (a full disk) leaves the old file and no temporary file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'r.json');
    writeFileSync(target, 'old');
    async function* fillsTheDisk(): AsyncIterable<Uint8Array> {
      yield new Uint8Array(1024);
      throw errno('ENOSPC');
    }
    await expect(
      writeFileAtomic(target, fillsTheDisk(), { tempDir: path.join(dir, 'tmp') }),
    ).rejects.toMatchObject({
      code: 'disk-full',
      message: `cannot save ${target}: the disk is full`,
    });
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    expect(readdirSync(dir)).toEqual(['r.json', 'tmp']);
  });

  it('edits a report whose file name is too long to add ".json" to', async () => {
    // 251 bytes: `<name>.txt` is the longest name most file systems take; `<name>.json` would be too long.
    let name = '';
    for (const char of 'Thành ủy Cần Thơ tổng kết '.repeat(20)) {
      if (Buffer.byteLength(name + char) > 245) break;
      name += char;
    }
    name = name.padEnd(name.length + 251 - Buffer.byteLength(name), 'a');
    expect(Buffer.byteLength(`${name}.txt`)).toBe(255);
    const dir = buildCorpus({ [`${name}.txt`]: 'Thành ủy Cần Thơ' });
    const corpus = await Corpus.open(dir);
    await corpus.setTags([name], { add: ['dài'] });
    const reopened = await Corpus.open(dir);
    expect(reopened.summary(name).tags).toEqual(['dài']);
    expect(reopened.check().ok).toBe(true);
  });

  it('a file where .folio/reports should be is a sentence and exit 1 in folio, never a stack trace', async () => {
    const dir = buildCorpus({ 'a.txt': 'Tỉnh ủy Lạng Sơn' });
    mkdirSync(path.join(dir, '.folio'));
    writeFileSync(path.join(dir, '.folio', 'reports'), 'not a folder');
    const run = folio('tag', dir, 'a', '--add', 'x');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^folio tag: cannot (list|save|lock) .*reports.*: a (file|folder) stands where a (folder|file) is needed\n$/,
    );
  });
});
