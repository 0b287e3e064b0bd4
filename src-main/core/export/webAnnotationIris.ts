import { createHash } from 'node:crypto';
import { FolioError } from '../errors';
import type { TextVersion } from './types';

/**
 * The namespace of the name-based UUIDs an export without a base is named by: the corpus's id, or for a
 * corpus whose settings were never written (it has none yet) this one, the same for every such corpus.
 */
const FOLIO_NAMESPACE = '9a47926e-4c12-45ba-98c2-1fd795ddf5b4';

/**
 * The absolute IRI of each export-relative file (`annotations.jsonld`, `texts/<id>.txt`, percent-encoded).
 * Under a base IRI (`--base`) it is the file there, so the IRIs resolve once the export is published at the
 * base. Without one it is `urn:uuid:` and a name-based UUID (RFC 9562, version 5) of the text version and
 * the file in the corpus's namespace: the same on every export and clone of the corpus, distinct for the
 * original and the corrected text and from other corpora.
 */
export function exportIris(
  base: string | null,
  version: TextVersion,
  corpusId: string | null,
): (file: string) => string {
  const namespace = corpusId ?? FOLIO_NAMESPACE;
  if (base === null) return (file) => `urn:uuid:${uuidV5(namespace, `${version}/${file}`)}`;
  const under = checkedBase(base);
  return (file) => `${under}${file}`;
}

/**
 * The base IRI as given, normalised (`HTTPS://Host/` → `https://host/`, non-ASCII percent-encoded); a
 * `FolioError` unless it is absolute and hierarchical and ends with `/` without a query or fragment, so
 * that `texts/<id>.txt` names a file under it.
 */
function checkedBase(base: string): string {
  const refuse = (why: string) => new FolioError('invalid-input', `--base ${JSON.stringify(base)}: ${why}`);
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw refuse('not an absolute IRI; give one with a scheme, such as https://example.org/corpus/');
  }
  if (!url.pathname.startsWith('/')) {
    throw refuse(
      `a ${url.protocol} IRI cannot hold relative names; give a hierarchical one, such as https://…/`,
    );
  }
  // `href`, not `search` and `hash`: those are empty for a bare trailing `?` or `#`.
  if (/[?#]/.test(url.href)) {
    throw refuse('a base IRI cannot have a query (?…) or a fragment (#…)');
  }
  if (!url.pathname.endsWith('/')) {
    throw refuse(`a base IRI must end with "/" so that texts/<id>.txt lies under it, such as "${url.href}/"`);
  }
  return url.href;
}

/** A name-based UUID, version 5 (SHA-1), of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
