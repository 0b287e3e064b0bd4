import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { FolioError } from '../errors';
import { fromOsError } from './osError';

/**
 * A lock whose holder was killed is taken over after this long without its holder's heartbeat. Locks are
 * held for the few milliseconds of a read and a write, so a live holder is never near it.
 */
const STALE_MS = 2_000;
/** How long a writer waits for a lock before giving up: a killed holder's lock goes stale well within it. */
const WAIT_MS = 15_000;

/**
 * Runs `work` while holding the cross-process lock named `name`, kept in `lockDir`, and releases it after.
 * proper-lockfile's lock is a folder made atomically, kept fresh by its holder and taken over once stale, so
 * a holder killed mid-write never blocks the others for long — on a network disk too, where a process id
 * would mean nothing. Throws `FolioError('changed-on-disk')` when another writer holds it for too long.
 */
export async function withFileLock<T>(lockDir: string, name: string, work: () => Promise<T>): Promise<T> {
  // proper-lockfile keys the locks it holds by this path and makes `<path>.lock`; the path itself is never made.
  const target = path.join(lockDir, createHash('sha256').update(name).digest('hex').slice(0, 16));
  await fs.mkdir(lockDir, { recursive: true }).catch((error: unknown) => {
    throw fromOsError(error, lockDir, 'create');
  });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, {
      realpath: false,
      stale: STALE_MS,
      retries: {
        retries: Math.ceil(WAIT_MS / 50),
        factor: 1.2,
        minTimeout: 5,
        maxTimeout: 50,
        randomize: true,
      },
      // A lock lost to a frozen process is already someone else's: the compare-and-swap behind it still refuses
      // to overwrite their change, so there is nothing to do but carry on.
      onCompromised: () => {},
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new FolioError(
        'changed-on-disk',
        `${name}: another program kept it locked for over ${WAIT_MS / 1000} s; try again`,
        name,
      );
    }
    throw fromOsError(error, `${target}.lock`, 'lock');
  }
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}
