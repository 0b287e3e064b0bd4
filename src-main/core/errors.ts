import type { ErrorParams, FolioErrorCode } from '../contract/vocabulary';

export type { ErrorParams, FolioErrorCode };

/** An error that names the file or value at fault and why; shells turn it into a message for the user. */
export class FolioError extends Error {
  constructor(
    readonly code: FolioErrorCode,
    message: string,
    readonly path?: string,
    /** The case and its values, for a message in the interface's language (the message is English). */
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'FolioError';
  }
}
