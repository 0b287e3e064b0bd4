import { lineField } from '../extracted';
import { readHead } from '../head';
import type { Report } from '../report';
import { chooseTitle, cleanHeadline, findTitleLine } from '../title';

/**
 * The headline and the head of the page around it: the header's headline (cleaned, and found in the text
 * when the text prints it), else the first line of the head that is not a label or a date.
 */
export function readTitle(report: Report): void {
  const { doc, structure, header, outlets } = report;
  const clean = (raw: string): string => cleanHeadline(raw, outlets, header.source?.value ?? null);
  const titleLine = header.title
    ? findTitleLine(doc, clean(header.title.value), structure.titleTruncated, structure.lines)
    : null;
  const head = readHead(doc, {
    skip: structure.lines,
    title: titleLine ?? (header.title ? 'none' : 'find'),
  });
  report.head = head;
  for (const i of head.lines) report.taken.add(i);
  report.fields.title = header.title
    ? chooseTitle(doc, header.title, titleLine, 0.95, clean)
    : lineField(doc.text, head.title, head.titleConfidence);
}
