import { nameCase } from '../byline';
import { dateInUrl, parseDateValue } from '../dateValue';
import { found, nothing } from '../extracted';
import { detectLanguage } from '../language';
import { isBlank } from '../layout';
import type { DatedEvidence } from '../published';
import { debrisRange } from '../report';
import type { Report } from '../report';
import { readStructure } from '../structure';
import type { HeaderValue, Structure } from '../structure';
import type { Extracted } from '../types';

// The stages every report goes through, whatever its language: they decide which profile reads the rest.

function dated(header: HeaderValue | undefined, confidence: number): DatedEvidence | null {
  const value = header ? parseDateValue(header.value) : null;
  return value && header ? { value, span: header.span, confidence } : null;
}

/** Dates outside the prose, weakest last: the article's address, other addresses, the capture date. */
function headerFallbacks(structure: Structure, captured: DatedEvidence | null): DatedEvidence[] {
  const article = structure.values.url;
  const fromUrls = [
    ...(article ? [{ url: article, confidence: 0.45 }] : []),
    ...structure.urls.filter((u) => u !== article).map((url) => ({ url, confidence: 0.35 })),
  ].flatMap(({ url, confidence }) => {
    const value = dateInUrl(url.value);
    return value ? [{ value, span: url.span, confidence }] : [];
  });
  return [...fromUrls, ...(captured ? [captured] : [])];
}

/** The author a header gives (`Huyền Lê (Theo AFP, Times of Israel)` → `Huyền Lê`). */
function headerAuthor(text: string, header: HeaderValue | undefined): Extracted<string | null> {
  const name = header?.value.replace(/\s*\([^)]*\)\s*/gu, ' ').trim();
  return header && name ? found(text, nameCase(name), 0.9, header.span) : nothing();
}

/**
 * Reads what the scraper wrote above the report (header block, link, image and URL lines): the values it
 * gives the fields, its lines taken, its spans debris.
 */
export function readHeader(report: Report): void {
  const { doc } = report;
  const structure = readStructure(doc);
  for (const [index, start] of structure.bodyStarts) doc.startContentAt(index, start);
  report.structure = structure;
  report.bodyLine = doc.lines.find((l) => !isBlank(l) && !structure.lines.has(l.index)) ?? null;
  const { values } = structure;
  // The capture date is a fallback for the publication date and the latest a day without a year can be.
  const captured = dated(values.captured, 0.3);
  report.header = {
    title: values.title ?? null,
    source: values.source ?? null,
    url: values.url ?? null,
    published: dated(values.published, 0.9),
    captured,
    fallbacks: headerFallbacks(structure, captured),
    author: headerAuthor(doc.text, values.author),
  };
  for (const i of structure.lines) report.taken.add(i);
  for (const span of structure.spans) report.debris.push(debrisRange(span, 'header'));
}

/** The report's language: as its header names it, else as its first prose reads. */
export function readLanguage(report: Report): void {
  report.language =
    report.structure.values.language?.value.slice(0, 2).toLowerCase() ??
    detectLanguage(report.doc.text, report.bodyLine?.contentStart ?? 0);
}
