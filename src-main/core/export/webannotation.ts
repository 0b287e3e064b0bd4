import { CodePointIndex } from '../../contract/codepoints';
import { checkSpans, sliceCodePoints } from './spans';
import type { ExportDocument, ExportSpan, FormatContext, FormatWriter } from './types';
import { exportIris } from './webAnnotationIris';

/** The JSON-LD file holding the export's one AnnotationCollection. */
export const WEB_ANNOTATION_FILE = 'annotations.jsonld';
/** The folder of the texts the annotations target. */
export const WEB_ANNOTATION_TEXTS = 'texts';
/** The id of the collection's one page: a fragment of the collection's file. */
const PAGE = `${WEB_ANNOTATION_FILE}#page1`;

/**
 * The property of a target's source that names the exported file of its text, relative to
 * `annotations.jsonld`: schema.org's "actual bytes of the media object" (`schema:` is a prefix of the Web
 * Annotation context). The source's IRI names the text; this says where the export holds a copy of it.
 */
export const CONTENT_URL = 'schema:contentUrl';

/** Code points of context kept on each side of a quote. */
const CONTEXT = 32;

/** The export-relative file of a report's exported text, percent-encoded so it is also a relative IRI. */
export function webAnnotationTextFile(id: string): string {
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
 * W3C Web Annotation JSON-LD: one AnnotationCollection of every span, its page embedded, each annotation
 * targeting its report's exported text (written beside it) with a TextQuoteSelector (exact, prefix, suffix)
 * and a TextPositionSelector. The collection, the page and every text are named by absolute IRIs
 * (`exportIris`); each text says which file of the export holds it (`CONTENT_URL`).
 */
export function webAnnotationWriter(context: FormatContext, title: string): FormatWriter {
  const items: unknown[] = [];
  let iri: (file: string) => string;
  return {
    begin() {
      // Checked here rather than when the writer is made, so a refused base leaves nothing at `out`.
      iri = exportIris(context.base, context.version, context.corpusId);
      return [];
    },
    report(doc: ExportDocument) {
      checkSpans(`${WEB_ANNOTATION_FILE}: report "${doc.id}"`, doc.text, doc.spans);
      const index = new CodePointIndex(doc.text);
      const file = webAnnotationTextFile(doc.id);
      const source = { id: iri(file), type: 'Text', format: 'text/plain', [CONTENT_URL]: file };
      for (const span of doc.spans) items.push(annotation(source, span, index));
      return [{ path: file, content: doc.text }];
    },
    end() {
      const collection = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: iri(WEB_ANNOTATION_FILE),
        type: 'AnnotationCollection',
        label: title,
        generated: context.exportedAt,
        total: items.length,
        first: { id: iri(PAGE), type: 'AnnotationPage', startIndex: 0, items },
      };
      return [{ path: WEB_ANNOTATION_FILE, content: `${JSON.stringify(collection, null, 2)}\n` }];
    },
  };
}

function annotation(source: object, span: ExportSpan, index: CodePointIndex) {
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
      type: 'SpecificResource',
      source,
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
