import bylineWords from '../../../resources/extract/vi/bylines.json';
import { isNameLike, isNotPerson } from './byline';
import type { Credit } from './byline';
import { phraseAlternation } from './fold';
import { isBlank } from './layout';
import type { Doc } from './layout';
import type { Span } from './types';

/** A footer and a byline that a scraper glued to the end of the last paragraph. */
export interface GluedTail {
  /** The page footer (`{name} - {time} Trả lời … Giấy phép số …`), debris. */
  footer: Span | null;
  byline: Credit | null;
}

const FOOTER = new RegExp(phraseAlternation(bylineWords.footerMarkers), 'u');
/** A sentence's end, then what may be a signature up to the footer or the end of the text. */
const TRAILING_NAME = /[.!?…”"»)]\s*([^.!?…”"»()]{2,60}?)\s*$/u;
/** Initials glued to the last sentence without a space: `…NĐ-CP.PTT`. */
const GLUED_INITIALS = /\.(\p{Lu}{2,4})$/u;
// No leading `\s*`: tried at every space of a long run, it would make the search quadratic.
const SOURCE_CREDIT = /\((?:[Tt]heo|[Nn]guồn)\s[^()]{1,60}\)$/u;
/** Paragraphs shorter than this are read line by line by the byline stage instead. */
const MIN_RUN_ON = 300;

function namesOf(text: string): boolean {
  const parts = text.split(/\s+[-–—]\s+/u);
  return parts.length <= 3 && parts.every((p) => isNameLike(p) && p.includes(' '));
}

/** Reads the last line of a report for a footer glued to it and the byline just before the footer. */
export function findGluedTail(doc: Doc, skip: ReadonlySet<number>): GluedTail {
  const line = [...doc.lines].reverse().find((l) => !isBlank(l) && !skip.has(l.index));
  if (!line || line.contentEnd - line.contentStart < MIN_RUN_ON) return { footer: null, byline: null };
  const folded = doc.folded.slice(line.contentStart, line.contentEnd);
  const marker = FOOTER.exec(folded);
  const end = marker ? line.contentStart + marker.index : line.contentEnd;
  const footer = marker ? { start: end, end: line.contentEnd } : null;
  // A credit for the source the writer drew on stays out of the name: `Chi Lê (Theo Cidrap)`.
  const before = doc.text.slice(line.contentStart, end).trimEnd().replace(SOURCE_CREDIT, '').trimEnd();
  const beforeEnd = line.contentStart + before.length;
  const initials = GLUED_INITIALS.exec(before);
  const named = initials ? null : TRAILING_NAME.exec(before);
  const name = initials?.[1] ?? named?.[1];
  if (!name || isNotPerson(name) || !(initials || namesOf(name))) return { footer, byline: null };
  const author = { start: beforeEnd - name.length, end: beforeEnd };
  return { footer, byline: { span: author, author, outlet: null, outletValue: null, confidence: 0.7 } };
}
