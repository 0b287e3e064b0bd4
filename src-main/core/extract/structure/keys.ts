import headerKeys from '../../../../resources/extract/header-keys.json';
import { foldKey } from '../fold';

/** What a header key is read as: a field, the start of the body, or a known key that is not read. */
export type KeyRole = 'title' | 'published' | 'source' | 'author' | 'url' | 'language' | 'body' | 'other';

const ROLES: readonly KeyRole[] = [
  'title',
  'published',
  'source',
  'author',
  'url',
  'language',
  'body',
  'other',
];

const ROLE_BY_KEY = new Map<string, KeyRole>();
for (const role of ROLES) {
  for (const key of (headerKeys as Record<string, unknown>)[role] as string[]) {
    ROLE_BY_KEY.set(normalizeKey(key), role);
  }
}

/** Folds a header key so `Published Date`, `published_date` and `published-date` compare equal. */
export function normalizeKey(key: string): string {
  return foldKey(key.replace(/[_-]+/gu, ' '));
}

/** The role of a header key, or null for a key no scraper convention in the data file uses. */
export function roleOf(key: string): KeyRole | null {
  return ROLE_BY_KEY.get(normalizeKey(key)) ?? null;
}
