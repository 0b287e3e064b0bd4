import { FolioError, type FolioErrorCode } from '../errors';

/**
 * What the operating system's error codes mean to a person, and the error code Folio reports them as (none:
 * `unreadable` or `unwritable`, by what was being done).
 */
const MEANINGS: Record<string, { code?: FolioErrorCode; reason: string }> = {
  ENOSPC: { code: 'disk-full', reason: 'the disk is full' },
  EDQUOT: { code: 'disk-full', reason: 'the disk quota is used up' },
  EROFS: { code: 'read-only', reason: 'the disk or folder is read-only' },
  EACCES: { reason: 'permission denied' },
  EPERM: { reason: 'the operation is not permitted' },
  ENAMETOOLONG: { code: 'name-too-long', reason: 'the file name is too long for the file system' },
  ENOTDIR: { code: 'not-a-folder', reason: 'a file stands where a folder is needed' },
  EEXIST: { code: 'not-a-folder', reason: 'a file stands where a folder is needed' },
  EISDIR: { code: 'not-a-folder', reason: 'a folder stands where a file is needed' },
  EMFILE: { reason: 'too many files are open; close some programs and try again' },
  EIO: { reason: 'the disk reported an input/output error' },
};

/**
 * A `FolioError` with a sentence a person understands for an operating-system error met while `doing`
 * something to `file` ("cannot save …: the disk is full"); a `FolioError` passes through unchanged.
 */
export function fromOsError(error: unknown, file: string, doing: string): FolioError {
  if (error instanceof FolioError) return error;
  const errno = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const meaning = MEANINGS[errno] ?? { reason: (error as Error | null)?.message ?? String(error) };
  const code = meaning.code ?? (doing === 'read' ? 'unreadable' : 'unwritable');
  return new FolioError(code, `cannot ${doing} ${file}: ${meaning.reason}`, file);
}
