import { lineSpan } from './layout';
import type { Line } from './layout';
import type { Evidence, Extracted, Span } from './types';

/** The evidence for a span: the span and the text it covers. */
export function evidenceOf(text: string, span: Span): Evidence {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

/** A field with no value, no confidence and no evidence. */
export function nothing<T>(): Extracted<T | null> {
  return { value: null, confidence: 0, evidence: null };
}

/** A field with its value, how sure the extractor is, and the span of `text` it was read from. */
export function found<T>(text: string, value: T, confidence: number, span: Span): Extracted<T> {
  return { value, confidence, evidence: evidenceOf(text, span) };
}

/** A field whose value is a whole line's text (a title, a section label), or nothing without a line. */
export function lineField(text: string, line: Line | null, confidence: number): Extracted<string | null> {
  return line
    ? found(text, text.slice(line.contentStart, line.contentEnd), confidence, lineSpan(line))
    : nothing();
}
