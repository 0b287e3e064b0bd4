import { franc } from 'franc-min';
import { isMostlyLatin, nearestLatinLanguage } from './latinTrigrams';

/** Languages Folio tells apart beyond Vietnamese, as ISO 639-3 codes (what the detector answers in). */
// Fewer candidates make the model faster; archives of Vietnamese news hold little else than these.
const CANDIDATES = ['vie', 'eng', 'deu', 'fra', 'spa', 'ita', 'nld', 'por', 'ind'];
const ISO_639_1: Readonly<Record<string, string>> = {
  vie: 'vi',
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  nld: 'nl',
  por: 'pt',
  ind: 'id',
};
/** How much text is looked at: enough for a trigram model, little enough to keep opening fast. */
const SAMPLE = 1500;
const FRANC_SAMPLE = 320;
/** Share of letters that only Vietnamese writes (ă đ ơ ư and the vowels with a dot below or hook above). */
const VIETNAMESE_SHARE = 0.03;
const SURE_MARGIN = 0.01;
const MIN_LETTERS = 40;

function isVietnameseOnly(code: number): boolean {
  return (
    (code >= 0x1ea0 && code <= 0x1ef9) ||
    code === 0x103 || // ă
    code === 0x102 ||
    code === 0x111 || // đ
    code === 0x110 ||
    code === 0x1a1 || // ơ
    code === 0x1a0 ||
    code === 0x1b0 || // ư
    code === 0x1af
  );
}

// Punctuation and symbols above Latin-1 (quotes, dashes, arrows) are not letters; a rough test is enough here.
function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || (code >= 0xc0 && (code < 0x2000 || code > 0x2bff));
}

/**
 * The language of a report's text as an ISO 639-1 code (`vi`, `en`, `de`…), or null when there is too
 * little text to tell. Vietnamese is recognised by its own letters, which costs a scan of the sample;
 * other text goes to franc's trigram models.
 */
export function detectLanguage(text: string, from = 0): string | null {
  const sample = text.slice(from, from + SAMPLE);
  // Enough of Vietnamese's own letters settles it before the end: the share of the whole sample can only be
  // higher (letters are fewer than units), and a margin keeps rounding out of it.
  const sure = Math.max(MIN_LETTERS, Math.ceil(sample.length * (VIETNAMESE_SHARE + SURE_MARGIN)));
  let letters = 0;
  let vietnamese = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (isVietnameseOnly(code)) {
      if (++vietnamese >= sure) return 'vi';
    } else if (!isLetter(code)) continue;
    letters++;
  }
  if (letters < MIN_LETTERS) return null;
  if (vietnamese / letters >= VIETNAMESE_SHARE) return 'vi';
  const head = sample.slice(0, FRANC_SAMPLE);
  const code = isMostlyLatin(head)
    ? nearestLatinLanguage(head, CANDIDATES)
    : franc(head, { only: CANDIDATES, minLength: MIN_LETTERS });
  return ISO_639_1[code] ?? null;
}
