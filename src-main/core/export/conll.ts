import { CodePointIndex } from '../../contract/codepoints';
import { bratLabelNames } from './bratLabels';
import { checkSpans } from './spans';
import type { ExportDocument, ExportSpan, FormatContext, FormatWriter } from './types';

/** The CoNLL file of the export. */
export const CONLL_FILE = 'ner.conll';

// A fixed locale keeps the export the same on every machine; ICU splits Vietnamese into syllables at spaces.
const WORDS = new Intl.Segmenter('vi', { granularity: 'word' });
const CLUSTERS = new Intl.Segmenter('vi', { granularity: 'grapheme' });
/** What separates tokens: JavaScript's whitespace and what Python's `str.split()` adds to it. */
// eslint-disable-next-line no-control-regex -- U+001C–U+001F are whitespace to Python readers of the file
const SEPARATOR = /[\s\u001c-\u001f\u0085]/;
/** A run of text between separators. */
// eslint-disable-next-line no-control-regex -- as above
const RUN = /[^\s\u001c-\u001f\u0085]+/g;
/**
 * A run whose words UAX #29 gives without asking the segmenter, which is slow in V8: opening marks, one word of
 * Latin letters and ASCII digits (each a grapheme cluster alone), closing marks and punctuation, each mark a
 * word of its own. Most runs of Vietnamese text are such runs.
 */
const SIMPLE_RUN =
  /^([([“‘"]*)([0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+)([)\]”’".,;:!?…]*)$/;
const SENTENCE_END = new Set(['.', '!', '?', '…']);

/** A token with its UTF-16 offsets in the text. */
interface Token {
  start: number;
  end: number;
  text: string;
  /** The whitespace between the previous token and this one. */
  gap: string;
}

/** A span with its offsets in UTF-16 units, the unit the segmenters count in. */
interface Placed {
  span: ExportSpan;
  start: number;
  end: number;
}

/**
 * CoNLL NER with IOB2 tags, UTF-8 with BOM: one `token<TAB>TAG` line per token and a blank line after each
 * sentence, as doccano's CoNLL import reads it (two tab-separated columns a line, each blank-line block one
 * example; it knows no `-DOCSTART-`, which would become an example of its own), and seqeval and NLTK too.
 * Tokens are `Intl.Segmenter` words of whole grapheme clusters, so an emoji sequence or a flag stays one token,
 * split at span edges. Labels take their brat-safe form so they hold no spaces. Overlapping spans cannot be
 * tagged: the longer (then earlier) one is kept and the others are listed as left out.
 */
export function conllWriter(context: FormatContext): FormatWriter {
  const names = bratLabelNames(context.labels);
  return {
    // doccano guesses the encoding by default and takes a small UTF-8 file for Windows-1252; a BOM it cannot miss.
    begin: () => [{ path: CONLL_FILE, content: '\uFEFF', append: true }],
    report(doc: ExportDocument) {
      checkSpans(`${CONLL_FILE}: report "${doc.id}"`, doc.text, doc.spans);
      const kept = withoutOverlaps(doc.spans, (span, winner) =>
        context.leaveOut(
          doc,
          span,
          'overlap',
          `overlaps "${winner.text}" (${winner.label}); BIO tags cannot nest`,
        ),
      );
      const placed = onWholeClusters(doc.text, kept, (span, cluster) =>
        context.leaveOut(
          doc,
          span,
          'split-character',
          `it ends inside ${JSON.stringify(cluster)}, and CoNLL tokens keep characters whole`,
        ),
      );
      const sentences: string[][] = [];
      const tagged = new Set<Placed>();
      let spanIndex = 0;
      let previous: Token | null = null;
      for (const token of tokenize(doc.text, new Set(placed.flatMap((p) => [p.start, p.end])))) {
        while (placed[spanIndex] && placed[spanIndex]!.end <= token.start) spanIndex++;
        const at = placed[spanIndex];
        const inside = at && at.start <= token.start && token.end <= at.end ? at : null;
        // A span across a line break keeps its sentence whole: an I- tag never opens a sentence.
        const continues = inside !== null && tagged.has(inside);
        if (!previous || (breaksSentence(previous, token) && !continues)) sentences.push([]);
        let tag = 'O';
        if (inside) {
          const type = names.get(inside.span.label) ?? inside.span.label.replace(/\s+/g, '_');
          tag = `${continues ? 'I' : 'B'}-${type}`;
          tagged.add(inside);
        }
        sentences.at(-1)!.push(`${token.text}\t${tag}`);
        previous = token;
      }
      for (const { span } of placed.filter((p) => !tagged.has(p)))
        context.leaveOut(doc, span, 'no-token', 'it covers no token');
      const content = sentences.map((lines) => `${lines.join('\n')}\n\n`).join('');
      return [{ path: CONLL_FILE, content, append: true }];
    },
  };
}

function withoutOverlaps(
  spans: readonly ExportSpan[],
  onDropped: (span: ExportSpan, winner: ExportSpan) => void,
): ExportSpan[] {
  const byPriority = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: ExportSpan[] = [];
  for (const span of byPriority) {
    const winner = kept.find((k) => k.start < span.end && span.start < k.end);
    if (winner) onDropped(span, winner);
    else kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The spans in UTF-16 units, without those whose start or end falls inside a grapheme cluster. */
function onWholeClusters(
  text: string,
  spans: readonly ExportSpan[],
  onSplit: (span: ExportSpan, cluster: string) => void,
): Placed[] {
  const index = new CodePointIndex(text);
  const placed: Placed[] = [];
  for (const span of spans) {
    const start = index.toUtf16(span.start);
    const end = index.toUtf16(span.end);
    const split = clusterAcross(text, start) ?? clusterAcross(text, end);
    if (split !== null) onSplit(span, split);
    else placed.push({ span, start, end });
  }
  return placed;
}

/** The grapheme cluster a UTF-16 offset falls inside, or null when it falls between two. */
function clusterAcross(text: string, offset: number): string | null {
  const run = runAround(text, offset);
  if (run === null) return null;
  const cluster = CLUSTERS.segment(run.text).containing(offset - run.start)!;
  return cluster.index === offset - run.start ? null : cluster.segment;
}

/** The run of text without separators that an offset falls strictly inside, if any. */
function runAround(text: string, offset: number): { start: number; text: string } | null {
  let start = offset;
  while (start > 0 && !SEPARATOR.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && !SEPARATOR.test(text[end]!)) end++;
  return start < offset && offset < end ? { start, text: text.slice(start, end) } : null;
}

/** Tokens: the words of each run of text between separators, cut at span edges too. */
function tokenize(text: string, edges: ReadonlySet<number>): Token[] {
  const tokens: Token[] = [];
  let end = 0;
  for (const match of text.matchAll(RUN)) {
    let gap = text.slice(end, match.index);
    end = match.index + match[0].length;
    for (const [from, to] of piecesOf(match[0], match.index, edges)) {
      tokens.push({ start: match.index + from, end: match.index + to, text: match[0].slice(from, to), gap });
      gap = '';
    }
  }
  return tokens;
}

/**
 * A run's tokens as offsets into it: cut at the segmenter's word boundaries and at span edges, wherever a
 * grapheme cluster ends there (the word rules alone could separate a prepended mark from its letter).
 */
function piecesOf(run: string, at: number, edges: ReadonlySet<number>): Array<[number, number]> {
  const cuts = new Set<number>();
  for (let i = 1; i < run.length; i++) if (edges.has(at + i)) cuts.add(i);
  const simple = cuts.size === 0 ? SIMPLE_RUN.exec(run) : null;
  if (simple) {
    const wordStart = simple[1]!.length;
    const wordEnd = run.length - simple[3]!.length;
    return [...marks(0, wordStart), [wordStart, wordEnd], ...marks(wordEnd, run.length)];
  }
  for (const word of WORDS.segment(run)) cuts.add(word.index);
  const pieces: Array<[number, number]> = [];
  let from = 0;
  for (const { index } of CLUSTERS.segment(run)) {
    if (index > from && cuts.has(index)) {
      pieces.push([from, index]);
      from = index;
    }
  }
  pieces.push([from, run.length]);
  return pieces;
}

/** One piece per UTF-16 unit between two offsets, for marks that are a word each. */
function marks(from: number, to: number): Array<[number, number]> {
  return Array.from({ length: to - from }, (_, i): [number, number] => [from + i, from + i + 1]);
}

function breaksSentence(previous: Token, token: Token): boolean {
  return token.gap.includes('\n') || (SENTENCE_END.has(previous.text) && token.gap !== '');
}
