import type { FolioErrorCode } from '../contract/vocabulary';

export type { FolioErrorCode };

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
