import words from '../../../resources/extract/vi/captions.json';
import { honorifics } from '../../../resources/extract/vi/people.json';
import { readDateline } from './dates';
import { WORD_END, phraseAlternation } from './fold';
import type { Block, Doc } from './layout';
import { honorificBefore, isSurname, positionAt } from './people';
import { readLeadPrefix } from './source';

const MAX_CAPTION = 250;

/** Photo subjects a caption starts with: groups of people, the scene, the event. */
const SUBJECT = new RegExp(
  `(?:(?:${phraseAlternation(words.groupWords)})\\s+(?:${phraseAlternation(words.groups)})|${phraseAlternation(words.subjects)})${WORD_END}`,
  'uy',
);
const HONORIFIC = new RegExp(`(?:${phraseAlternation(honorifics)})\\s*(?::\\s*)?`, 'uy');
const CAPITALISED_WORD = /\p{Lu}\p{Ll}*/uy;
const NAME_THEN_ROLE = /(\p{Lu}\p{Ll}*)(?:[ \u00a0]\p{Lu}\p{Ll}*){1,4}[ \u00a0]*[,\-–—][ \u00a0]*/uy;
const CREDIT_LINE = new RegExp(`^\\(?\\s*(?:${phraseAlternation(words.creditWords)})\\s*:`, 'u');
const INLINE_CREDIT = new RegExp(`\\(\\s*(?:${phraseAlternation(words.creditWords)})\\s*:`, 'u');
/** A credit closing the block: `… lên đường thăm Nhật Bản. Ảnh: Doãn Tấn - TTXVN`, `Quang cảnh hội nghị Ảnh: PV`. */
const TRAILING_CREDIT = new RegExp(
  `(?:${phraseAlternation(words.trailingCreditWords)})\\s*:[^.!?…:]{1,60}$`,
  'u',
);
// A full stop after a word of one or two letters (`TP.`) is an abbreviation, not the end of a sentence.
const SENTENCE_BREAK = /(?<![\s(]\p{L}{1,2})[.!?…]\s+\p{Lu}/u;

/** True when the block opens with a person: `Đồng chí X`, `Ông X`, or `X, <position>`. */
function startsWithPerson(doc: Doc, at: number): boolean {
  HONORIFIC.lastIndex = at;
  if (HONORIFIC.exec(doc.folded)) {
    CAPITALISED_WORD.lastIndex = HONORIFIC.lastIndex;
    const word = CAPITALISED_WORD.exec(doc.text);
    return word !== null && isSurname(word[0]) && honorificBefore(doc.folded, HONORIFIC.lastIndex);
  }
  NAME_THEN_ROLE.lastIndex = at;
  const m = NAME_THEN_ROLE.exec(doc.text);
  return m !== null && isSurname(m[1]!) && positionAt(doc.folded, NAME_THEN_ROLE.lastIndex);
}

function hasCredit(doc: Doc, block: Block): boolean {
  return (
    block.lines.some((l) => CREDIT_LINE.test(doc.folded.slice(l.contentStart, l.contentEnd))) ||
    INLINE_CREDIT.test(doc.folded.slice(block.start, block.end)) ||
    TRAILING_CREDIT.test(doc.folded.slice(block.start, block.end))
  );
}

/** Picks the photo captions: short blocks with a photo credit, or one sentence about a photo subject. */
export function findCaptions(doc: Doc, blocks: readonly Block[]): Block[] {
  return blocks.filter((block) => {
    if (block.end - block.start > MAX_CAPTION) return false;
    if (hasCredit(doc, block)) return true;
    if (readLeadPrefix(doc.text, block.start) || readDateline(doc.folded, block.start)) return false;
    const text = doc.text.slice(block.start, block.end);
    if (SENTENCE_BREAK.test(text.replace(/[.!?…]+\s*$/u, ''))) return false;
    SUBJECT.lastIndex = block.start;
    return SUBJECT.test(doc.folded) || startsWithPerson(doc, block.start);
  });
}
