import { sha256 } from '../store/hash';

/**
 * The id of a conflict entry: the first 16 hex digits of the SHA-256 of what it is about and the two sides'
 * values, so two merges of the same changes, on two machines, name their conflict alike.
 */
export function conflictId(kind: string, key: string | number, ours: unknown, theirs: unknown): string {
  const text = `${kind}${key}${JSON.stringify(ours ?? null)}${JSON.stringify(theirs ?? null)}`;
  return sha256(Buffer.from(text)).slice(0, 16);
}
