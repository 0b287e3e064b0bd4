import { bratLabelNames } from './bratLabels';
import { checkSpans } from './spans';
import type { ExportDocument, ExportSpan, FormatContext, FormatWriter } from './types';

/** The CoNLL file of the export. */
export const CONLL_FILE = 'ner.conll';

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const SENTENCE_END = new Set(['.', '!', '?', '…']);

interface Token {
  start: number;
  end: number;
  text: string;
  /** The whitespace between the previous token and this one. */
  gap: string;
}

/**
 * CoNLL-2003 style NER: one `token TAG` line per token with BIO (IOB2) tags, a blank line between sentences,
 * `-DOCSTART- O` before each report. Tokens are words and single punctuation marks, split at span edges;
 * labels take their brat-safe form so they hold no spaces. Overlapping spans cannot be tagged: the longer
 * (then earlier) one is kept and the others are listed as left out.
 */
export function conllWriter(context: FormatContext): FormatWriter {
  const names = bratLabelNames(context.labels);
  return {
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
      const tokens = tokenize(doc.text, kept);
      const lines = ['-DOCSTART- O', ''];
      let spanIndex = 0;
      let previous: Token | null = null;
      let begun: ExportSpan | null = null;
      for (const token of tokens) {
        if (previous && breaksSentence(previous, token)) lines.push('');
        while (kept[spanIndex] && kept[spanIndex]!.end <= token.start) spanIndex++;
        const span = kept[spanIndex];
        if (span && span.start <= token.start && token.end <= span.end) {
          const type = names.get(span.label) ?? span.label.replace(/\s+/g, '_');
          lines.push(`${token.text} ${begun === span ? 'I' : 'B'}-${type}`);
          begun = span;
        } else {
          lines.push(`${token.text} O`);
        }
        previous = token;
      }
      if (lines.at(-1) !== '') lines.push('');
      return [{ path: CONLL_FILE, content: `${lines.join('\n')}\n`, append: true }];
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

/** Words and punctuation marks with code-point offsets, split wherever a span starts or ends. */
function tokenize(text: string, spans: readonly ExportSpan[]): Token[] {
  const edges = new Set(spans.flatMap((span) => [span.start, span.end]));
  const tokens: Token[] = [];
  let utf16 = 0;
  let codePoint = 0;
  for (const match of text.matchAll(TOKEN)) {
    const gap = text.slice(utf16, match.index);
    codePoint += [...gap].length;
    utf16 = match.index + match[0].length;
    const chars = [...match[0]];
    let from = 0;
    for (let i = 1; i <= chars.length; i++) {
      if (i === chars.length || edges.has(codePoint + i)) {
        const piece = chars.slice(from, i).join('');
        tokens.push({ start: codePoint + from, end: codePoint + i, text: piece, gap: from === 0 ? gap : '' });
        from = i;
      }
    }
    codePoint += chars.length;
  }
  return tokens;
}

function breaksSentence(previous: Token, token: Token): boolean {
  return token.gap.includes('\n') || (SENTENCE_END.has(previous.text) && token.gap !== '');
}
