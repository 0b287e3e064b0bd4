import registry from '../../../resources/extract/vi/outlets.json';
import { foldKey, phraseAlternation } from './fold';

/** A news outlet: its name, the domains it publishes on, the tags it signs with, where it belongs. */
export interface Outlet {
  name: string;
  domains: readonly string[];
  abbreviations: readonly string[];
  kind: string;
  /** The province of a provincial or local outlet (2024 name), else null. */
  province: string | null;
}

const KIND_WORDS = new RegExp(
  `^(?:${phraseAlternation(['báo điện tử', 'báo', 'tạp chí', 'đài phát thanh và truyền hình', 'đài', 'cổng thông tin điện tử', 'trang tin điện tử'])})\\s+`,
  'u',
);

/** Looks outlets up by domain and by the names and tags they print; one per corpus profile. */
export class OutletRegistry {
  private readonly byDomain = new Map<string, Outlet>();
  private readonly byName = new Map<string, Outlet>();

  /** Builds a registry; outlets given later override earlier ones with the same domain or name. */
  constructor(outlets: readonly Outlet[]) {
    for (const outlet of outlets) {
      for (const domain of outlet.domains) this.byDomain.set(domain.toLowerCase(), outlet);
      for (const name of [outlet.name, ...outlet.abbreviations, ...outlet.domains]) {
        this.byName.set(foldKey(name), outlet);
      }
      // Credits drop the kind of outlet: `Theo Đại biểu Nhân dân` for Báo Đại biểu Nhân dân.
      const bare = foldKey(outlet.name).replace(KIND_WORDS, '');
      if (bare.includes(' ') && !this.byName.has(bare)) this.byName.set(bare, outlet);
    }
  }

  /** The outlet that publishes at a URL or host, and which of its domains the host is on. */
  byUrl(url: string): { outlet: Outlet; domain: string } | null {
    const host = hostOf(url);
    if (!host) return null;
    for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
      const outlet = this.byDomain.get(h);
      if (outlet) return { outlet, domain: h };
    }
    return null;
  }

  /** The outlet a printed name, tag or domain stands for (`Dân trí`, `QNO`, `Thanhuytphcm.vn`). */
  named(text: string): Outlet | null {
    return this.byName.get(foldKey(text.replace(/^www\./iu, ''))) ?? null;
  }
}

/** The host of a URL (or of a bare `domain.tld/path`) without `www.`, lower case; null when there is none. */
export function hostOf(url: string): string | null {
  const m = /^(?:[a-z][a-z\d+.-]*:\/\/)?([^/\s?#:@]+\.[^/\s?#:@]+)/iu.exec(url.trim());
  return m ? m[1]!.toLowerCase().replace(/^www\./u, '') : null;
}

/** The registry of Vietnamese outlets shipped with Folio (`resources/extract/vi/outlets.json`). */
export const VIETNAMESE_OUTLETS = new OutletRegistry(registry.outlets as Outlet[]);

const withExtra = new WeakMap<readonly Outlet[], OutletRegistry>();

/**
 * The shipped registry with a corpus's own outlets added; theirs win where a domain or name is the same. Built
 * once per list: a corpus hands the same list to every analysis and extraction.
 */
export function registryWith(extra: readonly Outlet[]): OutletRegistry {
  if (extra.length === 0) return VIETNAMESE_OUTLETS;
  let built = withExtra.get(extra);
  if (!built)
    withExtra.set(extra, (built = new OutletRegistry([...(registry.outlets as Outlet[]), ...extra])));
  return built;
}
