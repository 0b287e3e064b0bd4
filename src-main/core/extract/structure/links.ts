import { isBlank, lineText } from '../layout';
import type { Doc, Line } from '../layout';

/** A Markdown link, image or bare URL line that an aggregator wrote above the article. */
export interface LinkLine {
  line: Line;
  kind: 'link' | 'image' | 'url';
  /** The link's text (the headline, for an aggregator's link to the original), with its bounds. */
  label: string;
  labelStart: number;
  labelEnd: number;
  url: string;
  urlStart: number;
}

// Image addresses may hold spaces and brackets (`…/IMG_4560 (1).JPG`), so they run to the line's last `)`.
const LINK = /^\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)$/u;
const IMAGE = /^!\[([^\]\n]*)\]\((\S.*)\)$/u;
const BARE_URL = /^<?(https?:\/\/\S+?)>?$/u;
/** How many lines after the header block may still be the aggregator's link and image lines. */
const MAX_LINK_LINES = 4;

/** A `[label](url)` line whose label starts `opening` units into the line (`[` or `![`). */
function markdownLink(line: Line, kind: 'link' | 'image', m: RegExpExecArray, opening: number): LinkLine {
  const labelStart = line.contentStart + opening;
  const written = m[1]!;
  return {
    line,
    kind,
    label: written.trim(),
    labelStart,
    labelEnd: labelStart + written.length,
    url: m[2]!,
    urlStart: labelStart + written.length + 2,
  };
}

/** Reads one line as a Markdown link, image or bare URL. */
export function readLinkLine(doc: Doc, line: Line): LinkLine | null {
  const text = lineText(doc, line);
  const link = LINK.exec(text);
  if (link) return markdownLink(line, 'link', link, 1);
  const image = IMAGE.exec(text);
  if (image) return markdownLink(line, 'image', image, 2);
  const bare = BARE_URL.exec(text);
  if (!bare) return null;
  const urlStart = line.contentStart + text.indexOf(bare[1]!);
  return { line, kind: 'url', label: '', labelStart: urlStart, labelEnd: urlStart, url: bare[1]!, urlStart };
}

/** The link, image and URL lines that follow line `from` (the first lines after a header block). */
export function readLinkLines(doc: Doc, from: number): LinkLine[] {
  const found: LinkLine[] = [];
  for (let i = from; i < doc.lines.length && found.length < MAX_LINK_LINES; i++) {
    const line = doc.lines[i]!;
    if (isBlank(line)) continue;
    const link = readLinkLine(doc, line);
    if (!link) break;
    found.push(link);
  }
  return found;
}
