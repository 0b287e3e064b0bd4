import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { ExportDownload } from '../contract/types';

/** Where the browser shell serves offered downloads; the id follows. */
export const DOWNLOAD_PATH = '/api/download/';

/** How long an offered download waits to be fetched before its file is removed. */
export const DOWNLOAD_LIFETIME_MS = 10 * 60 * 1000;

/** A file on offer: where it is, and the name the browser saves it under. */
export interface OfferedFile {
  file: string;
  name: string;
}

/**
 * Files the browser shell offers for download, each under an unguessable id and only once: `take` removes
 * the offer. The offers own their files: one not taken is removed after its lifetime or on `dispose`.
 */
export class DownloadOffers {
  private readonly offers = new Map<string, OfferedFile & { timer: NodeJS.Timeout }>();

  constructor(private readonly lifetimeMs = DOWNLOAD_LIFETIME_MS) {}

  /** Offers `file` under `name`; returns the address to fetch it from. */
  offer(file: string, name: string): ExportDownload {
    const id = randomBytes(24).toString('base64url');
    const timer = setTimeout(
      () =>
        this.discard(id).catch((error: Error) =>
          console.error(`[folio web] removing the unfetched download ${file}: ${error.message}`),
        ),
      this.lifetimeMs,
    );
    // A pending offer must not keep the process alive.
    timer.unref();
    this.offers.set(id, { file, name, timer });
    return { url: `${DOWNLOAD_PATH}${id}`, name };
  }

  /** The file offered under `id`, now the caller's to remove; null if never offered, taken or expired. */
  take(id: string): OfferedFile | null {
    const offered = this.offers.get(id);
    if (!offered) return null;
    this.offers.delete(id);
    clearTimeout(offered.timer);
    return { file: offered.file, name: offered.name };
  }

  /** Removes every file still on offer. */
  async dispose(): Promise<void> {
    await Promise.all([...this.offers.keys()].map((id) => this.discard(id)));
  }

  private async discard(id: string): Promise<void> {
    const offered = this.take(id);
    if (offered) await removeOffered(offered.file);
  }
}

/** Removes a file that was on offer; one already gone is no error. */
export async function removeOffered(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}
