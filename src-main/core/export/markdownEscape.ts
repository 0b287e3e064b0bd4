// Plain text written as Markdown that CommonMark, GitHub Flavored Markdown and pandoc's Markdown (with its
// default extensions) all read back as the same characters. The one escape the three share is a backslash before
// ASCII punctuation, so that is the only one used; a character is escaped only where it can start syntax in one
// of them, which keeps ordinary prose (commas, hyphens, slashes, parentheses) as it was.

const NO_BREAK_SPACE = '\u00a0';
const TAB_STOP = 4;

/** Whether the character at `at` starts syntax in the line, looking at what is around it. */
type Rule = (line: string, at: number) => boolean;

const always: Rule = () => true;
const WORD_BEFORE = /[\p{L}\p{N}]$/u;
const WORD_AFTER = /^[\p{L}\p{N}]/u;
const TAG_START = /[\p{L}/!?]/uy;
const ENTITY = /&(?:#\d+|#[xX][\da-fA-F]+|[A-Za-z][A-Za-z\d]*);/y;
const EMOJI_ALIAS = /:[\w+-]+:/y;
const WWW = /(?:^|[^\p{L}\p{N}])www$/iu;

const matchesAt = (pattern: RegExp, line: string, at: number): boolean => {
  pattern.lastIndex = at;
  return pattern.test(line);
};

/** Characters that can start inline syntax anywhere in a line, and where they do. */
const INLINE: Readonly<Record<string, Rule>> = {
  '\\': always, // escapes, hard breaks, raw TeX commands and macros (pandoc)
  '`': always, // code spans, fenced code
  '*': always, // emphasis, bullets, thematic breaks
  '~': always, // strikeout, subscript (pandoc), fenced code, definition lists (pandoc)
  '^': always, // superscript, inline notes, footnote references
  '[': always, // links, images, footnotes, citations, bracketed spans, reference definitions, task lists
  $: always, // TeX math (pandoc)
  '@': always, // citations and example lists (pandoc), e-mail autolinks (GFM)
  // Emphasis; an underscore between two letters or digits is literal in all three.
  _: (line, at) =>
    !(WORD_BEFORE.test(line.slice(Math.max(0, at - 2), at)) && WORD_AFTER.test(line.slice(at + 1, at + 3))),
  '<': (line, at) => matchesAt(TAG_START, line, at + 1), // raw HTML, comments, autolinks
  '&': (line, at) => matchesAt(ENTITY, line, at), // entity and numeric character references
  ':': (line, at) => line.startsWith('//', at + 1) || matchesAt(EMOJI_ALIAS, line, at), // URL autolinks, emoji (GFM)
  '.': (line, at) => WWW.test(line.slice(Math.max(0, at - 4), at)), // www. autolinks (GFM)
};

/** What pandoc's `smart` extension turns into typographic characters: quotes, apostrophes, dashes, ellipses. */
const TYPOGRAPHY: Readonly<Record<string, Rule>> = {
  '"': always,
  "'": always,
  '-': (line, at) => line[at + 1] === '-',
  '.': (line, at) => line[at + 1] === '.',
};

/**
 * What starts a block as the first character of a line: headings, block quotes, bullets, setext underlines and
 * thematic breaks, YAML blocks and simple/grid tables, definition lists and fenced divs, pandoc's title block,
 * line blocks.
 */
const LINE_START = new Set('#>+-=:%|');
/** An ordered-list marker (decimal, or pandoc's letters and roman numerals, bare or in parentheses). */
const LIST_MARKER = /^(\(?)(?:\d+|[ivxlcdm]+|[IVXLCDM]+|[A-Za-z])[.)](?=[ \t]|$)/;
const CANDIDATE = /[\\`*~^[$@_<&:."'\-#>+=%|()]/g;
/** What Markdown takes as indentation (a no-break space is text to all three). */
const INDENTATION = /^[ \t\u00a0]*/;

interface EscapeOptions {
  /** Escape what pandoc's `smart` extension would typeset. */
  typography: boolean;
  /** Escape every `|`, not only at a line's start: a pipe table needs two lines. */
  pipes: boolean;
}

/**
 * A report's text as a Markdown body that the three dialects read back as the same words and line breaks. Every
 * line break is kept (a backslash at the end of a line is a hard break in all three), leading indentation is kept
 * as no-break spaces (one per column, tabs to the next multiple of four) so it never makes a code block, and
 * blank lines separate paragraphs. What Markdown cannot keep: spaces and tabs at the end of a line, runs of
 * blank lines (read as one), and runs of spaces or tabs inside a line (read as one space).
 */
export function markdownText(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t]+$/, ''));
  const options = { typography: true, pipes: lines.length > 1 };
  return lines
    .map((line, i) => {
      if (line === '') return '';
      const escaped = escapeLine(keepIndentation(line), options);
      const next = lines[i + 1];
      return next !== undefined && next !== '' ? `${escaped}\\` : escaped;
    })
    .join('\n');
}

/**
 * A metadata string as it goes into YAML front matter. Pandoc reads front-matter strings as Markdown, so what
 * would start syntax is escaped as in the body; other YAML readers see those backslashes (the value is the
 * string with every `\` before ASCII punctuation removed). Pandoc's typography (curly quotes and apostrophes,
 * dashes from `--`, ellipses from `...`) is left to it: escaping it would put a backslash before every quote,
 * which every other reader would see.
 */
export function markdownValue(value: string): string {
  const lines = value.split('\n');
  const options = { typography: false, pipes: lines.length > 1 };
  return lines.map((line) => escapeLine(line, options)).join('\n');
}

function escapeLine(line: string, options: EscapeOptions): string {
  const start = INDENTATION.exec(line)![0].length;
  const marker = LIST_MARKER.exec(line.slice(start));
  // `(a)` is undone at its parenthesis, `1.` and `a)` at their delimiter.
  const markerAt = marker ? start + (marker[1] ? 0 : marker[0].length - 1) : -1;
  return line.replace(CANDIDATE, (char: string, at: number) =>
    startsSyntax(line, at, char, options) || at === markerAt || (at === start && LINE_START.has(char))
      ? `\\${char}`
      : char,
  );
}

function startsSyntax(line: string, at: number, char: string, options: EscapeOptions): boolean {
  if (INLINE[char]?.(line, at)) return true;
  if (options.typography && TYPOGRAPHY[char]?.(line, at)) return true;
  return char === '|' && options.pipes;
}

/** Leading spaces and tabs as no-break spaces, column for column. */
function keepIndentation(line: string): string {
  const indentation = INDENTATION.exec(line)![0];
  if (!/[ \t]/.test(indentation)) return line;
  let column = 0;
  let kept = '';
  for (const char of indentation) {
    const width = char === '\t' ? TAB_STOP - (column % TAB_STOP) : 1;
    kept += NO_BREAK_SPACE.repeat(width);
    column += width;
  }
  return kept + line.slice(indentation.length);
}
