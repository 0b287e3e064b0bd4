import { CodePointIndex } from '../../contract/codepoints';
import { checkSpans, sliceCodePoints } from './spans';
import type { ExportDocument, ExportSpan, FormatContext, FormatWriter } from './types';

/** The JSON-LD file holding the export's one AnnotationCollection. */
export const WEB_ANNOTATION_FILE = 'annotations.jsonld';
/** The folder of the texts the annotations target. */
export const WEB_ANNOTATION_TEXTS = 'texts';

/** Code points of context kept on each side of a quote. */
const CONTEXT = 32;

/** The relative IRI of a report's exported text, the `source` of its annotations. */
export function webAnnotationSource(id: string): string {
  return `${WEB_ANNOTATION_TEXTS}/${id.split('/').map(encodeURIComponent).join('/')}.txt`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOLIO_IRI = 'urn:folio:annotation:';

/** The IRI of an annotation id: `urn:uuid:` for the UUIDs Folio makes, a `urn:folio:` IRI for any other. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${FOLIO_IRI}${encodeURIComponent(id)}`;
}

/** The annotation id an IRI from `annotationIri` stands for; null for an IRI of another tool. */
export function annotationIdOf(iri: string): string | null {
  if (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9);
  if (iri.startsWith(FOLIO_IRI)) return decodeURIComponent(iri.slice(FOLIO_IRI.length));
  return null;
}

/**
 * W3C Web Annotation JSON-LD: one AnnotationCollection of every span, each targeting its report's exported
 * text (written beside it) with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector.
 */
export function webAnnotationWriter(context: FormatContext, title: string): FormatWriter {
  const items: unknown[] = [];
  return {
    report(doc: ExportDocument) {
      checkSpans(`${WEB_ANNOTATION_FILE}: report "${doc.id}"`, doc.text, doc.spans);
      const index = new CodePointIndex(doc.text);
      for (const span of doc.spans) items.push(annotation(doc, span, index));
      return [{ path: webAnnotationSource(doc.id), content: doc.text }];
    },
    end() {
      const collection = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        // A relative IRI: the collection is identified by the file it is in.
        id: WEB_ANNOTATION_FILE,
        type: 'AnnotationCollection',
        label: title,
        generated: context.exportedAt,
        total: items.length,
        first: { type: 'AnnotationPage', startIndex: 0, items },
      };
      return [{ path: WEB_ANNOTATION_FILE, content: `${JSON.stringify(collection, null, 2)}\n` }];
    },
  };
}

function annotation(doc: ExportDocument, span: ExportSpan, index: CodePointIndex) {
  const body: unknown[] = [{ type: 'TextualBody', purpose: 'tagging', value: span.label }];
  if (span.note !== '') {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: span.note, format: 'text/plain' });
  }
  return {
    id: annotationIri(span.id),
    type: 'Annotation',
    motivation: span.note === '' ? 'tagging' : ['tagging', 'commenting'],
    creator: { type: 'Person', name: span.author },
    created: span.created,
    modified: span.modified,
    body,
    target: {
      source: webAnnotationSource(doc.id),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: span.text,
          prefix: sliceCodePoints(index, Math.max(0, span.start - CONTEXT), span.start),
          suffix: sliceCodePoints(index, span.end, Math.min(index.length, span.end + CONTEXT)),
        },
        { type: 'TextPositionSelector', start: span.start, end: span.end },
      ],
    },
  };
}
