import { bratWriter } from './brat';
import { conllWriter } from './conll';
import { csvWriter } from './csv';
import { doccanoWriter } from './doccano';
import { jsonlWriter } from './jsonl';
import { markdownWriter } from './markdown';
import { patchWriter } from './patch';
import { txtWriter } from './txt';
import type { ExportFormatName, FormatContext, FormatWriter } from './types';
import { webAnnotationWriter } from './webannotation';
import { xlsxWriter } from './xlsx';

/** Formats whose files carry annotations; only they list annotations left out. */
export const ANNOTATION_FORMATS: ReadonlySet<ExportFormatName> = new Set([
  'jsonl',
  'csv',
  'xlsx',
  'webannotation',
  'brat',
  'doccano',
  'conll',
]);

/** A fresh writer of the format for one export run. */
export function formatWriter(format: ExportFormatName, context: FormatContext, title: string): FormatWriter {
  switch (format) {
    case 'jsonl':
      return jsonlWriter();
    case 'csv':
      return csvWriter(context);
    case 'xlsx':
      return xlsxWriter(context);
    case 'markdown':
      return markdownWriter(context);
    case 'txt':
      return txtWriter();
    case 'webannotation':
      return webAnnotationWriter(context, `Folio export: ${title}`);
    case 'brat':
      return bratWriter(context);
    case 'doccano':
      return doccanoWriter(context);
    case 'conll':
      return conllWriter(context);
    case 'patch':
      return patchWriter(context);
  }
}
