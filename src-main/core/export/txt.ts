import type { ExportDocument, FormatWriter } from './types';

/** Plain text: one `<id>.txt` per report holding exactly the exported text. */
export function txtWriter(): FormatWriter {
  return {
    report: (doc: ExportDocument) => [{ path: `${doc.id}.txt`, content: doc.text }],
  };
}
