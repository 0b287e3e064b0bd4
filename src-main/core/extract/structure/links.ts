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

/** Reads one line as a Markdown link, image or bare URL. */
export function readLinkLine(doc: Doc, line: Line): LinkLine | null {
  const text = lineText(doc, line);
  const at = line.contentStart;
  let m = LINK.exec(text);
  if (m) {
    return {
      line,
      kind: 'link',
      label: m[1]!.trim(),
      labelStart: at + 1,
      labelEnd: at + 1 + m[1]!.length,
      url: m[2]!,
      urlStart: at + m[1]!.length + 3,
    };
  }
  m = IMAGE.exec(text);
  if (m) {
    return {
      line,
      kind: 'image',
      label: m[1]!.trim(),
      labelStart: at + 2,
      labelEnd: at + 2 + m[1]!.length,
      url: m[2]!,
      urlStart: at + m[1]!.length + 4,
    };
  }
  m = BARE_URL.exec(text);
  if (m) {
    const urlStart = at + text.indexOf(m[1]!);
    return { line, kind: 'url', label: '', labelStart: urlStart, labelEnd: urlStart, url: m[1]!, urlStart };
  }
  return null;
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
