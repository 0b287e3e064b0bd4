/** Machine-readable reason attached to every error the core raises. */
export type FolioErrorCode =
  | 'not-a-folder'
  | 'unknown-report'
  | 'outside-corpus'
  | 'unreadable'
  | 'binary'
  | 'undecodable'
  | 'too-large'
  | 'corrupt-sidecar'
  | 'changed-on-disk'
  | 'disk-full'
  | 'read-only'
  | 'name-too-long'
  | 'unwritable'
  | 'invalid-input';

/** An error that names the file or value at fault and why; shells turn it into a message for the user. */
export class FolioError extends Error {
  constructor(
    readonly code: FolioErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'FolioError';
  }
}
