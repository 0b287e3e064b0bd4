import { diffArrays } from 'diff';

const BOM = '\uFEFF';
const LINE_BREAK = /\r\n|\r|\n/g;

type UnicodeForm = 'NFC' | 'NFD';

interface RawLine {
  text: string;
  /** The line's own ending as the file has it; empty on the last line. */
  eol: string;
}

/**
 * The corrected text written the way the original file is written, so a diff between the two holds only the
 * editorial change: every unchanged line exactly as the file has it, each changed line in the line ending and
 * Unicode form of the line it replaces (else the file's commonest ending and its form, else LF and NFC), and the
 * file's BOM. `raw` is the file decoded without normalisation (a BOM kept as U+FEFF); `corrected` is Folio's
 * text (LF, NFC), whose lines are matched against the original's normalised lines.
 */
export function inOriginalForm(raw: string, corrected: string): string {
  const bom = raw.startsWith(BOM) ? BOM : '';
  const lines = rawLines(raw.slice(bom.length));
  const file = { eol: commonestEol(lines), form: formOf(raw) ?? 'NFC' };
  const out: RawLine[] = [];
  let at = 0;
  const take = (count: number): RawLine[] => lines.slice(at, (at += count));
  // jsdiff lists the lines a replacement removes before the lines it adds.
  let removed: RawLine[] = [];
  const normalised = lines.map((line) => line.text.normalize('NFC'));
  for (const part of diffArrays(normalised, corrected.split('\n'))) {
    if (part.removed) {
      removed = take(part.count);
    } else if (part.added) {
      // The k-th new line of a replacement takes the conventions of the k-th line it replaces.
      part.value.forEach((text, k) => {
        const replaced = removed[Math.min(k, removed.length - 1)];
        const form = (replaced && formOf(replaced.text)) ?? file.form;
        out.push({ text: text.normalize(form), eol: replaced?.eol || file.eol });
      });
      removed = [];
    } else {
      out.push(...take(part.count));
      removed = [];
    }
  }
  return (
    bom +
    out.map((line, i) => (i === out.length - 1 ? line.text : line.text + (line.eol || file.eol))).join('')
  );
}

function rawLines(body: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  for (const match of body.matchAll(LINE_BREAK)) {
    lines.push({ text: body.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  lines.push({ text: body.slice(start), eol: '' });
  return lines;
}

function commonestEol(lines: readonly RawLine[]): string {
  const counts = new Map<string, number>();
  for (const { eol } of lines) if (eol) counts.set(eol, (counts.get(eol) ?? 0) + 1);
  let commonest = '\n';
  let most = 0;
  for (const [eol, count] of counts) if (count > most) [commonest, most] = [eol, count];
  return commonest;
}

/** The Unicode form the text is written in, when that can be told: ASCII and mixed text are neither. */
function formOf(text: string): UnicodeForm | undefined {
  const nfc = text === text.normalize('NFC');
  const nfd = text === text.normalize('NFD');
  if (nfc === nfd) return undefined;
  return nfc ? 'NFC' : 'NFD';
}
