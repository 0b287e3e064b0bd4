import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus, watchCorpus } from '../../../src-main/core';
import { buildCorpus, tempDir } from '../../helpers/corpora';

// File names as real folders have them: case variants, Unicode forms, symbolic links.

const NFC = 'Cần Thơ';
const NFD = NFC.normalize('NFD');

describe('report file names', () => {
  it('opens X.txt and X.TXT side by side as two reports', async () => {
    const corpus = await Corpus.open(
      buildCorpus({ 'X.txt': 'Tỉnh ủy Lạng Sơn', 'X.TXT': 'Huyện ủy Thanh Trì' }),
    );
    expect(corpus.ids().sort()).toEqual(['X', 'X.TXT']);
    expect(corpus.report('X.TXT').text).toBe('Huyện ủy Thanh Trì');
    await corpus.setTags(['X.TXT'], { add: ['hoa'] });
    const reopened = await Corpus.open(corpus.root);
    expect(reopened.summary('X.TXT').tags).toEqual(['hoa']);
    expect(reopened.check().ok).toBe(true);
  });

  it('reaches a report named in NFD by its NFC id and by its NFD id alike', async () => {
    const corpus = await Corpus.open(buildCorpus({ [`${NFD}.txt`]: 'Thành ủy Cần Thơ' }));
    expect(corpus.ids()).toEqual([NFC]);
    expect(corpus.report(NFD).text).toBe('Thành ủy Cần Thơ');
    await corpus.setStatus([NFD], 'done');
    expect(corpus.summary(NFC).status).toBe('done');
  });

  it('lists the second of two names that differ only in Unicode form as skipped, opening the first', async () => {
    const corpus = await Corpus.open(buildCorpus({ [`${NFC}.txt`]: 'một', [`${NFD}.txt`]: 'hai' }));
    expect(corpus.ids()).toEqual([NFC]);
    expect(corpus.skipped()).toEqual([
      expect.objectContaining({
        code: 'duplicate-id',
        reason: expect.stringMatching(/another Unicode form/),
      }),
    ]);
  });

  it('never follows a symbolic link: listed as skipped at open, and when one appears while open', async () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.txt'), 'not part of the corpus');
    const dir = buildCorpus({ 'a.txt': 'Tỉnh ủy Lạng Sơn' });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'linked.txt'));
    const corpus = await Corpus.open(dir);
    expect(corpus.ids()).toEqual(['a']);
    expect(corpus.skipped()).toEqual([
      { file: 'linked.txt', code: 'symlink', reason: expect.stringMatching(/symbolic link/) },
    ]);
    const stop = watchCorpus(corpus);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'later.txt'));
      symlinkSync('.', path.join(dir, 'loop'));
      await expect
        .poll(() => corpus.skipped().map((s) => s.file))
        .toEqual(['later.txt', 'linked.txt', 'loop']);
      expect(corpus.ids()).toEqual(['a']);
      expect(() => corpus.report('later')).toThrow(/no report "later"/);
    } finally {
      await stop();
    }
  });
});
