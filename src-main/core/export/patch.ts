import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { FolioError } from '../errors';
import { sha256 } from '../store/hash';
import { inOriginalForm } from './originalForm';
import type { ExportDocument, FormatContext, FormatWriter } from './types';

/**
 * Unified diffs: one `<id>.patch` per corrected report, from the original file's exact bytes to the corrected
 * text written in the file's own conventions (BOM, line endings, Unicode form), so the patch holds only the
 * editorial change. Paths are `a/` and `b/` relative to the corpus, so `git apply` or `patch -p1` in (a copy of)
 * the corpus writes the correction and `patch -R` gives the original bytes back. Uncorrected reports have no
 * patch; UTF-16 files cannot be patched as text and are listed as warnings.
 */
export function patchWriter(context: FormatContext): FormatWriter {
  return {
    async report(doc: ExportDocument) {
      const { report } = doc;
      if (!report.corrected) return [];
      if (report.encoding.startsWith('utf-16')) {
        context.warn(
          `${report.file}: ${report.encoding.toUpperCase()} file, no text patch can change it; left out`,
        );
        return [];
      }
      const file = path.join(context.root, report.file);
      const bytes = await fs.readFile(file).catch((error: Error) => {
        throw new FolioError('unreadable', `${file}: cannot be read (${error.message})`, file);
      });
      if (sha256(bytes) !== report.sha256) {
        throw new FolioError(
          'changed-on-disk',
          `${file}: changed on disk since the corpus was opened; reopen and export again`,
          file,
        );
      }
      // The old side is the file as it is on disk (BOM, CRLF and NFD included), so the patch applies to it.
      const onDisk = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const patch = createTwoFilesPatch(
        `a/${report.file}`,
        `b/${report.file}`,
        onDisk,
        inOriginalForm(onDisk, report.text),
        undefined,
        undefined,
        {
          headerOptions: FILE_HEADERS_ONLY,
        },
      );
      return [{ path: `${doc.id}.patch`, content: patch }];
    },
  };
}
