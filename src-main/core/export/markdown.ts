import { stringify } from 'yaml';
import { CodePointIndex } from '../../contract/codepoints';
import { effectiveMetadata, sortedTags } from './metadata';
import type { ExportDocument, FormatContext, FormatWriter } from './types';

/**
 * Markdown: one `<id>.md` per report with YAML front matter (metadata, tags, status) and the text, escaped so
 * it renders as written; with `debris: false` the web-page debris is left out.
 */
export function markdownWriter(context: FormatContext): FormatWriter {
  return {
    report(doc: ExportDocument) {
      const front = stringify(
        {
          id: doc.id,
          file: doc.report.file,
          text: doc.version,
          ...effectiveMetadata(doc.report),
          tags: sortedTags(doc.report),
          status: doc.report.status,
        },
        // Quoted strings keep dates, numbers and "yes" strings from being read back as other types.
        { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 },
      );
      const text = context.debris ? doc.text : withoutRanges(doc.text, doc.debris());
      return [{ path: `${doc.id}.md`, content: `---\n${front}---\n\n${markdownBody(text)}\n` }];
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
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text as Markdown that renders the same words and line breaks. */
export function markdownBody(text: string): string {
  return text
    .split('\n')
    .map((line, i, lines) => {
      // Leading indentation would make a code block; in scraped text it is damage, not meaning.
      const escaped = escapeLineStart(line.trim().replace(/[\\`*_[\]<>]/g, '\\$&'));
      const next = lines[i + 1];
      // A single line break inside a paragraph would be joined by Markdown; a trailing backslash keeps it.
      return escaped.trim() !== '' && next !== undefined && next.trim() !== '' ? `${escaped}\\` : escaped;
    })
    .join('\n');
}

function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=|~-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
