import { stringify } from 'yaml';
import { CodePointIndex } from '../../contract/codepoints';
import { markdownText, markdownValue } from './markdownEscape';
import { effectiveMetadata, sortedTags } from './metadata';
import type { ExportDocument, FormatContext, FormatWriter } from './types';

/**
 * Markdown: one `<id>.md` per report with YAML front matter (metadata, tags, status) and the text, escaped so
 * CommonMark, GFM and pandoc read it as written (see `markdownEscape.ts`); with `debris: false` the web-page
 * debris is left out.
 */
export function markdownWriter(context: FormatContext): FormatWriter {
  return {
    report(doc: ExportDocument) {
      const front = stringify(
        escapeStrings({
          id: doc.id,
          file: doc.report.file,
          text: doc.version,
          ...effectiveMetadata(doc.report),
          tags: sortedTags(doc.report),
          status: doc.report.status,
        }),
        // Quoted strings keep dates, numbers and "yes" strings from being read back as other types.
        { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 },
      );
      const text = context.debris ? doc.text : withoutRanges(doc.text, doc.debris());
      return [{ path: `${doc.id}.md`, content: `---\n${front}---\n\n${markdownText(text)}\n` }];
    },
  };
}

/** The text with code-point ranges cut out and the blank lines they leave collapsed. */
export function withoutRanges(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  const index = new CodePointIndex(text);
  let out = '';
  let cursor = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = index.toUtf16(range.start);
    if (start > cursor) out += text.slice(cursor, start);
    cursor = Math.max(cursor, index.toUtf16(range.end));
  }
  out += text.slice(cursor);
  return (
    out
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      // Blank lines only: the first line's indentation is kept.
      .replace(/^\n+|\n+$/g, '')
  );
}

/** Every string in a front-matter value escaped for pandoc, which reads them as Markdown. */
function escapeStrings(value: unknown): unknown {
  if (typeof value === 'string') return markdownValue(value);
  if (Array.isArray(value)) return value.map(escapeStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeStrings(item)]));
  }
  return value;
}
