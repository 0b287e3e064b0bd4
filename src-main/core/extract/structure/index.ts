import { lineSpan, lineText } from '../layout';
import type { Doc } from '../layout';
import type { Span } from '../types';
import { readHeaderBlock } from './header';
import type { HeaderBlock } from './header';
import { readLinkLines } from './links';
import type { LinkLine } from './links';
import { emptyStructure } from './types';
import type { HeaderKey, Structure } from './types';

export type * from './types';

const TRUNCATED = /(?:\.\.\.|…)\s*$/u;
const FIELD_ROLES = new Set<string>(['title', 'published', 'source', 'author', 'url', 'language']);

function setOnce(structure: Structure, key: HeaderKey, value: string, span: Span): void {
  if (value && !structure.values[key]) structure.values[key] = { value, span };
}

function readKeys(structure: Structure, block: HeaderBlock, aggregated: boolean): void {
  for (const key of block.keys) {
    if (!key.role || !FIELD_ROLES.has(key.role) || key.value === '') continue;
    const span = { start: key.valueStart, end: key.valueEnd };
    // A post that links to the article it copies is an aggregator's: its own date is when it was captured.
    const role: HeaderKey =
      key.role === 'published' && aggregated && block.kind === 'front-matter'
        ? 'captured'
        : (key.role as HeaderKey);
    setOnce(structure, role, key.value, span);
    if (role === 'url') structure.urls.push({ value: key.value, span });
    if (role === 'title') structure.readable.push(span);
  }
}

/** Marks later copies of header lines (aggregators that pasted a post twice) as header too. */
function markRepeats(doc: Doc, structure: Structure, after: number): void {
  const texts = new Set<string>();
  for (const i of structure.lines) texts.add(lineText(doc, doc.lines[i]!));
  // Only a line as long as a header line can repeat one: the others need not be compared.
  const lengths = new Set([...texts].map((t) => t.length));
  for (let i = after; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    if (!lengths.has(line.contentEnd - line.contentStart)) continue;
    const text = lineText(doc, line);
    if (text.length < 3 || !texts.has(text)) continue;
    const next = doc.lines[i + 1];
    // A lone `---` is a rule in prose unless header lines follow it.
    if (text === '---' && !(next && texts.has(lineText(doc, next)))) continue;
    structure.lines.add(i);
  }
}

/** Reads the structure scrapers write above a report: header block, link, image and URL lines. */
export function readStructure(doc: Doc): Structure {
  const structure = emptyStructure();
  const block = readHeaderBlock(doc);
  const afterBlock = block ? Math.max(...block.lines) + 1 : 0;
  const links: LinkLine[] = block?.bodyLine ? [] : readLinkLines(doc, afterBlock);
  const headline = links.find((l) => l.kind === 'link');
  if (block) {
    for (const i of block.lines) structure.lines.add(i);
    readKeys(structure, block, headline !== undefined);
    if (block.bodyLine) {
      const { line, valueStart } = block.bodyLine;
      structure.bodyStarts.set(line.index, valueStart);
      structure.spans.push({ start: line.contentStart, end: valueStart });
    }
  }
  for (const link of links) {
    structure.lines.add(link.line.index);
    structure.urls.push({
      value: link.url,
      span: { start: link.urlStart, end: link.urlStart + link.url.length },
    });
  }
  if (headline) {
    // The aggregator's link text is the headline as the outlet printed it, without the bot's keyword.
    const span = { start: headline.labelStart, end: headline.labelEnd };
    structure.values.title = { value: headline.label, span };
    structure.values.url ??= {
      value: headline.url,
      span: { start: headline.urlStart, end: headline.urlStart + headline.url.length },
    };
  }
  structure.titleTruncated = TRUNCATED.test(structure.values.title?.value ?? '');
  const zoneEnd = Math.max(afterBlock, ...links.map((l) => l.line.index + 1));
  if (structure.lines.size > 0) markRepeats(doc, structure, zoneEnd);
  for (const i of [...structure.lines].sort((a, b) => a - b)) structure.spans.push(lineSpan(doc.lines[i]!));
  structure.spans.sort((a, b) => a.start - b.start);
  return structure;
}
