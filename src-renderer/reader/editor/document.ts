import type { Node } from 'prosemirror-model';
import { reportSchema } from './schema';

/** The document of a report's text: one line node per line. */
export function docFromText(text: string): Node {
  const lines = text
    .split('\n')
    .map((line) => reportSchema.node('line', null, line ? [reportSchema.text(line)] : []));
  return reportSchema.node('doc', null, lines);
}

/** The plain text of a document, lines joined with `\n`: the inverse of `docFromText`. */
export function textFromDoc(doc: Node): string {
  const lines: string[] = [];
  doc.forEach((line) => lines.push(line.textContent));
  return lines.join('\n');
}

/**
 * Converts between UTF-16 offsets in the text and document positions. A line `i` starts at text offset
 * `starts[i]` and at position `starts[i] + i + 1`, since each line boundary is one `\n` but two tokens.
 */
export class OffsetMap {
  private readonly starts: number[] = [];

  constructor(doc: Node) {
    let offset = 0;
    doc.forEach((line) => {
      this.starts.push(offset);
      offset += line.content.size + 1;
    });
  }

  /** The document position of a text offset. */
  toPos(offset: number): number {
    const line = this.lineOf(offset);
    return offset + line + 1;
  }

  /** The text offset of a document position inside a line. */
  toOffset(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! + mid + 1 <= pos) lo = mid;
      else hi = mid - 1;
    }
    return pos - lo - 1;
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
