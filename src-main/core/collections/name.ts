import { FolioError } from '../errors';

const MAX_NAME_LENGTH = 100;
// Characters no file system accepts in a file name, so a collection can always name its export.
const FORBIDDEN = /[/\\:*?"<>|\p{Cc}]/u;

/** A collection name in NFC with inner whitespace collapsed; throws when it could not name a file. */
export function checkCollectionName(raw: string): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const character = FORBIDDEN.exec(name)?.[0];
  const [problem, reason] =
    name === ''
      ? ['empty', 'it is empty']
      : name === '.' || name === '..'
        ? ['folder', 'it is a folder reference']
        : character !== undefined
          ? [
              'character',
              `it contains "${character}"; names may not contain / \\ : * ? " < > | or control characters`,
            ]
          : [...name].length > MAX_NAME_LENGTH
            ? ['too-long', `it is longer than ${MAX_NAME_LENGTH} characters`]
            : [null, null];
  if (problem) {
    throw new FolioError('invalid-input', `collection name "${raw}" is not usable: ${reason}`, undefined, {
      reason: 'collection-name',
      problem,
      name: raw,
      character: character ?? '',
      max: MAX_NAME_LENGTH,
    });
  }
  return name;
}

/** Whether two collection names denote the same collection (case- and normalisation-insensitive). */
export function sameCollectionName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');
}
