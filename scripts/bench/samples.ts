import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The five real reports shipped with Folio (this file and its bundle both sit two folders below the root). */
const SAMPLE_CORPUS = fileURLToPath(new URL('../../resources/sample-corpus/', import.meta.url));

// A body paragraph is a long block after the first (the title, with its date line under it in one sample);
// the samples' own leads open with a dateline and are written afresh instead.
const MIN_PARAGRAPH = 150;
const DATELINE = /^\s*(\(TGCT\)|LSO-|TTXVN-|Ngày \d)/u;

/** Body paragraphs of the sample reports, as written (indentation, double spaces and NBSP kept). */
export function loadSampleParagraphs(dir = SAMPLE_CORPUS): string[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`${dir}: no sample reports (*.txt) to build a corpus from`);
  const paragraphs = files.flatMap((name) =>
    readFileSync(path.join(dir, name), 'utf8')
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .slice(1)
      .filter((block) => block.trim().length >= MIN_PARAGRAPH && !DATELINE.test(block)),
  );
  if (paragraphs.length === 0) throw new Error(`${dir}: the samples have no body paragraphs`);
  return paragraphs;
}
