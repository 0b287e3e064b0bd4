import { diffWordsWithSpace } from 'diff';

/** A stretch of one version of a conflicted block: words both versions have, or words only this one has. */
export interface BlockPiece {
  text: string;
  own: boolean;
}

/**
 * The two versions of a conflicted block cut where they differ, word by word, so the editor sees at a glance
 * what each side changed in a long paragraph.
 */
export function blockPieces(
  theirs: readonly string[],
  mine: readonly string[],
): { theirs: BlockPiece[]; mine: BlockPiece[] } {
  const pieces = { theirs: [] as BlockPiece[], mine: [] as BlockPiece[] };
  for (const part of diffWordsWithSpace(theirs.join('\n'), mine.join('\n'))) {
    if (!part.added) pieces.theirs.push({ text: part.value, own: part.removed });
    if (!part.removed) pieces.mine.push({ text: part.value, own: part.added });
  }
  return pieces;
}

/** How much of a long stretch both versions share is kept either side of what differs, in UTF-16 units. */
const CONTEXT = 80;

/**
 * The pieces of one version with every long stretch it shares with the other cut down to its edges beside
 * what differs (null stands for what is left out), each cut at a space so no word is split.
 */
export function elided(pieces: readonly BlockPiece[], context = CONTEXT): Array<BlockPiece | null> {
  return pieces.flatMap((piece, i): Array<BlockPiece | null> => {
    if (piece.own || piece.text.length <= 2 * context + 20) return [piece];
    const head = { text: piece.text.slice(0, cutBefore(piece.text, context)), own: false };
    const tail = { text: piece.text.slice(cutAfter(piece.text, piece.text.length - context)), own: false };
    if (i === 0) return [null, tail];
    if (i === pieces.length - 1) return [head, null];
    return [head, null, tail];
  });
}

/** The last space at or before `at` (or `at` when none is near), where a kept head ends. */
function cutBefore(text: string, at: number): number {
  const space = text.lastIndexOf(' ', at);
  return space > at / 2 ? space + 1 : outsidePair(text, at);
}

/** The first space at or after `at` (or `at`), where a kept tail starts. */
function cutAfter(text: string, at: number): number {
  const space = text.indexOf(' ', at);
  return space >= 0 && space < at + 40 ? space + 1 : outsidePair(text, at);
}

/** `at`, or one unit on when it falls inside a surrogate pair: a cut never halves a character. */
function outsidePair(text: string, at: number): number {
  const unit = text.charCodeAt(at - 1);
  return unit >= 0xd800 && unit <= 0xdbff ? at + 1 : at;
}
