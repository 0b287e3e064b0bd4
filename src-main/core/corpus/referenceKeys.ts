import documents from '../../../resources/extract/vi/documents.json';

// Party document codes as printed or typed: `22-NQ/TW`, `22 – NQ/TƯ`, `05-CT/TW`, and without the issuer, `22-NQ`.
const PARTY_CODE = /^(\d{1,5})\s*[-–—]\s*(\p{L}+)(?:\s*\/\s*(\p{L}[\p{L}\d]*))?$/u;
const PARTY_TYPES: ReadonlyMap<string, string> = new Map(
  documents.partyTypes.map((type) => [type.toLocaleUpperCase('vi'), type]),
);
const ISSUER_SPELLINGS: ReadonlyMap<string, string> = new Map(Object.entries(documents.issuerSpellings));
const collator = new Intl.Collator('vi', { numeric: true });

/** A Party code's key with and without its issuer (`22-NQ/TW`, `22-NQ`); null for any other code. */
function partyKeys(code: string): { bare: string; full: string | null } | null {
  const m = PARTY_CODE.exec(code);
  const type = m && PARTY_TYPES.get(m[2]!.toLocaleUpperCase('vi'));
  if (!type) return null;
  const bare = `${Number(m[1])}-${type}`;
  const written = m[3]?.toLocaleUpperCase('vi');
  return { bare, full: written ? `${bare}/${ISSUER_SPELLINGS.get(written) ?? written}` : null };
}

/** The key of a code taken as written: a Party code's parts, or the code folded for case and Unicode form. */
function ownKey(code: string): string {
  const normal = code.normalize('NFC').trim();
  const party = partyKeys(normal);
  return party ? (party.full ?? party.bare) : normal.toLocaleLowerCase('vi');
}

/**
 * One key per document among the codes a corpus cites, for its reference facet and filter. Codes that
 * differ only in case, spacing, dashes, leading zeros or the issuer's spelling (`22-NQ/TƯ`) share a key; a
 * Party code printed without its issuer (`22-NQ`, as prose often has it) takes the key of the one issuer's
 * code the corpus cites with that number and type, and keeps its own when there are none or several
 * (`22-NQ/TW` and `22-NQ/TU` leave `22-NQ` apart).
 */
export class ReferenceKeys {
  private readonly keys = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly reportKeys = new WeakMap<readonly string[], readonly string[]>();

  private constructor(
    /** The one key with an issuer of each bare Party key, for the bare keys that have exactly one. */
    private readonly issuerOf: ReadonlyMap<string, string>,
    citations: ReadonlyMap<string, number>,
  ) {
    const best = new Map<string, { name: string; count: number }>();
    for (const [code, count] of citations) {
      const key = this.keyOf(code);
      // A merged document is named as printed with its issuer, never by its bare form.
      if (ownKey(code) !== key) continue;
      const current = best.get(key);
      if (
        !current ||
        count > current.count ||
        (count === current.count && collator.compare(code, current.name) < 0)
      )
        best.set(key, { name: code, count });
    }
    for (const [key, { name }] of best) this.names.set(key, name);
  }

  /** The documents of a corpus, from the codes each of its reports cites (one list per report). */
  static of(citedByReport: Iterable<readonly string[]>): ReferenceKeys {
    const citations = new Map<string, number>();
    for (const codes of citedByReport) {
      for (const code of new Set(codes)) citations.set(code, (citations.get(code) ?? 0) + 1);
    }
    const issuers = new Map<string, Set<string>>();
    for (const code of citations.keys()) {
      const party = partyKeys(code.normalize('NFC').trim());
      if (!party?.full) continue;
      const known = issuers.get(party.bare);
      if (known) known.add(party.full);
      else issuers.set(party.bare, new Set([party.full]));
    }
    const issuerOf = new Map<string, string>();
    for (const [bare, fulls] of issuers) if (fulls.size === 1) issuerOf.set(bare, [...fulls][0]!);
    return new ReferenceKeys(issuerOf, citations);
  }

  /** The key of the document `code` names, whether the corpus cites it or not (a typed filter value). */
  keyOf(code: string): string {
    let key = this.keys.get(code);
    if (key === undefined) {
      const own = ownKey(code);
      this.keys.set(code, (key = this.issuerOf.get(own) ?? own));
    }
    return key;
  }

  /** The keys of the documents a report cites, each once; kept for as long as the report's list of codes. */
  keysOf(codes: readonly string[]): readonly string[] {
    let keys = this.reportKeys.get(codes);
    if (!keys) this.reportKeys.set(codes, (keys = [...new Set(codes.map((code) => this.keyOf(code)))]));
    return keys;
  }

  /** How the corpus most often writes the document of `key` (the key itself for a document it does not cite). */
  nameOf(key: string): string {
    return this.names.get(key) ?? key;
  }
}
