import { isBlank, lineText } from '../layout';
import type { Doc, Line } from '../layout';
import { roleOf } from './keys';
import type { KeyRole } from './keys';

/** One `key: value` line of a header; the value bounds exclude quotes and surrounding spaces. */
export interface KeyLine {
  line: Line;
  role: KeyRole | null;
  /** The value as read (unquoted); empty when the key has none. */
  value: string;
  valueStart: number;
  valueEnd: number;
}

/** A header block at the top of a report and the key lines inside it. */
export interface HeaderBlock {
  kind: 'front-matter' | 'key-value' | 'comment';
  /** Indexes of every line of the block (delimiters, keys Folio does not read, list items). */
  lines: number[];
  keys: KeyLine[];
  /** The line a body key (`Content:`) opens, whose text after the key is the report's first paragraph. */
  bodyLine: KeyLine | null;
}

/** How far a front matter may run before an unclosed one is read only as far as its key lines go. */
const MAX_FRONT_MATTER_LINES = 200;
const YAML_KEY = /^([\p{L}_][\p{L}\p{N}_ -]{0,40}?)\s*:(?:[ \t]+|$)/u;
const TOML_KEY = /^([\p{L}_][\p{L}\p{N}_-]{0,40})\s*=\s*/u;
const COMMENT_KEY = /^#[ \t]*([\p{L}_][\p{L}\p{N}_ -]{0,40}?)[ \t]*=[ \t]*/u;
const CRAWLER_KEY = /^([\p{L}][\p{L} _-]{0,30}?)[ \t]*:[ \t]*/u;

/**
 * Reads a scalar as the header wrote it: a double-quoted string with its escapes (YAML's and TOML's are
 * JSON's for what scrapers write), a single-quoted one with `''` for a quote, else the bare text.
 */
function unquote(raw: string): { value: string; inner: [number, number] } {
  const quote = raw[0];
  if (raw.length < 2 || !raw.endsWith(quote ?? '') || (quote !== '"' && quote !== "'")) {
    return { value: raw, inner: [0, raw.length] };
  }
  const inner: [number, number] = [1, raw.length - 1];
  if (quote === "'") return { value: raw.slice(1, -1).replace(/''/gu, "'"), inner };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'string') return { value, inner };
  } catch {
    // An escape JSON does not know leaves the text between the quotes as it is.
  }
  return { value: raw.slice(1, -1), inner };
}

function keyLine(doc: Doc, line: Line, key: RegExp): KeyLine | null {
  const text = lineText(doc, line);
  const m = key.exec(text);
  if (!m) return null;
  const raw = text.slice(m[0].length).trimEnd();
  const { value, inner } = unquote(raw);
  const valueStart = line.contentStart + m[0].length + inner[0];
  return {
    line,
    role: roleOf(m[1]!),
    value: value.trim(),
    valueStart,
    valueEnd: line.contentStart + m[0].length + inner[1],
  };
}

function firstContentLine(doc: Doc): Line | null {
  return doc.lines.find((l) => !isBlank(l)) ?? null;
}

/** YAML (`---`) or TOML (`+++`) front matter; an unclosed one ends with its last key line. */
function readFrontMatter(doc: Doc, first: Line): HeaderBlock | null {
  const delimiter = lineText(doc, first);
  if (delimiter !== '---' && delimiter !== '+++') return null;
  const keyPattern = delimiter === '---' ? YAML_KEY : TOML_KEY;
  const closers = delimiter === '---' ? ['---', '...'] : ['+++'];
  const lines = [first.index];
  const keys: KeyLine[] = [];
  const last = Math.min(doc.lines.length, first.index + MAX_FRONT_MATTER_LINES);
  let closed = false;
  for (let i = first.index + 1; i < last; i++) {
    const line = doc.lines[i]!;
    if (closers.includes(lineText(doc, line))) {
      lines.push(i);
      closed = true;
      break;
    }
    const key = /^\s/u.test(doc.text.slice(line.start, line.start + 1))
      ? null
      : keyLine(doc, line, keyPattern);
    if (key) keys.push(key);
    lines.push(i);
  }
  if (!closed) {
    // Without its closing line, only the key lines that follow the delimiter are header.
    const lastKey = keys.findIndex((k, n) => k.line.index !== first.index + 1 + n);
    const kept = lastKey < 0 ? keys : keys.slice(0, lastKey);
    if (kept.length === 0) return null;
    return {
      kind: 'front-matter',
      lines: [first.index, ...kept.map((k) => k.line.index)],
      keys: kept,
      bodyLine: null,
    };
  }
  return { kind: 'front-matter', lines, keys, bodyLine: null };
}

/** Consecutive `# key = value` lines at the top (`# doc_id = …`, `# url = …`, `# date = …`). */
function readCommentHeader(doc: Doc, first: Line): HeaderBlock | null {
  const keys: KeyLine[] = [];
  for (let i = first.index; i < doc.lines.length; i++) {
    const key = keyLine(doc, doc.lines[i]!, COMMENT_KEY);
    if (!key) break;
    keys.push(key);
  }
  if (keys.length === 0) return null;
  return { kind: 'comment', lines: keys.map((k) => k.line.index), keys, bodyLine: null };
}

/** A crawler's `Title: … / Source: … / Content: …` block: two or more known keys, one per line. */
function readKeyValueHeader(doc: Doc, first: Line): HeaderBlock | null {
  const keys: KeyLine[] = [];
  let bodyLine: KeyLine | null = null;
  for (let i = first.index; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    if (isBlank(line)) continue;
    const key = keyLine(doc, line, CRAWLER_KEY);
    if (!key?.role) break;
    if (key.role === 'body') {
      bodyLine = key;
      break;
    }
    keys.push(key);
  }
  if (keys.filter((k) => k.role !== 'other').length < 2) return null;
  return { kind: 'key-value', lines: keys.map((k) => k.line.index), keys, bodyLine };
}

/** The scraper's header block at the top of the report, if it wrote one. */
export function readHeaderBlock(doc: Doc): HeaderBlock | null {
  const first = firstContentLine(doc);
  if (!first) return null;
  return readFrontMatter(doc, first) ?? readCommentHeader(doc, first) ?? readKeyValueHeader(doc, first);
}
