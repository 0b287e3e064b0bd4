import { FolioError } from '../errors';
import { normalizeText } from '../text/decode';
import { annotationIdOf, CONTENT_URL, WEB_ANNOTATION_TEXTS } from '../export/webannotation';
import { filesEnding, utf8, type InputFiles } from './input';
import type { IncomingAnnotation, ReadResult } from './types';

type Json = Record<string, unknown>;

/**
 * Reads W3C Web Annotation JSON-LD: an AnnotationCollection (with its first page embedded), an
 * AnnotationPage, a list of annotations or one annotation. The tagging body is the label, the commenting body
 * the note; the target's TextPositionSelector gives offsets and its TextQuoteSelector the text and context.
 * The report is named by the file of the target's source: the `schema:contentUrl` of a Folio export's source,
 * else the source itself (`texts/<id>.txt` in older exports, or the report's file), via `reportIdOfSource`.
 */
export function readWebAnnotation(
  files: InputFiles,
  reportIdOfSource: (source: string) => string | null,
): ReadResult {
  const documents = filesEnding(files, '.jsonld', '.json').filter(
    ([name]) => !/(^|\/)manifest\.json$/.test(name),
  );
  if (documents.length === 0)
    throw new FolioError('invalid-input', 'no Web Annotation .jsonld or .json file found');
  const annotations: IncomingAnnotation[] = [];
  const ignored: string[] = [];
  for (const [name, bytes] of documents) {
    let json: unknown;
    try {
      json = JSON.parse(utf8(name, bytes));
    } catch (error) {
      if (error instanceof FolioError) throw error;
      throw new FolioError('invalid-input', `${name}: not valid JSON (${(error as Error).message})`);
    }
    itemsOf(json, name).forEach((item, i) => {
      const where = `${name}: item ${i + 1}`;
      const read = readAnnotation(item, where, reportIdOfSource);
      if (typeof read === 'string') ignored.push(`${where}: ${read}`);
      else annotations.push(read);
    });
  }
  return { annotations, metadata: [], ignored };
}

function itemsOf(json: unknown, name: string): Json[] {
  if (Array.isArray(json)) return json as Json[];
  const object = json as Json | null;
  if (object?.type === 'Annotation') return [object];
  if (object?.type === 'AnnotationPage' && Array.isArray(object.items)) return object.items as Json[];
  if (object?.type === 'AnnotationCollection') {
    const first = object.first as Json | string | undefined;
    if (typeof first === 'object' && Array.isArray(first.items)) return first.items as Json[];
    throw new FolioError(
      'invalid-input',
      `${name}: the collection's first page is not embedded; save the pages into the file`,
    );
  }
  throw new FolioError(
    'invalid-input',
    `${name}: neither an Annotation, an AnnotationPage nor an AnnotationCollection`,
  );
}

function readAnnotation(
  item: Json,
  where: string,
  reportIdOfSource: (source: string) => string | null,
): IncomingAnnotation | string {
  const bodies = listOf(item.body) as Json[];
  const label = bodies.find((b) => b.purpose === 'tagging')?.value;
  if (typeof label !== 'string') return 'no body with purpose "tagging", so no label; not imported';
  const note = bodies.filter((b) => b.purpose === 'commenting').map((b) => String(b.value ?? ''));
  const target = (listOf(item.target) as Array<Json | string>).find(
    (t) => typeof t === 'object' && t.selector,
  );
  if (!target || typeof target !== 'object') return 'no target with a selector; not imported';
  const source = sourceFile(target.source);
  const reportId = reportIdOfSource(source);
  if (reportId === null) return `target ${JSON.stringify(source)} is no report of this corpus; not imported`;
  const selectors = listOf(target.selector) as Json[];
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!position && !quote) return 'no TextPositionSelector or TextQuoteSelector; not imported';
  const creator = item.creator as Json | string | undefined;
  const annotation: IncomingAnnotation = {
    where,
    reportId,
    start: Number.isInteger(position?.start) ? (position!.start as number) : -1,
    end: Number.isInteger(position?.end) ? (position!.end as number) : -1,
    label,
    text: typeof quote?.exact === 'string' ? normalizeText(quote.exact) : null,
    note: note.join('\n'),
  };
  if (typeof quote?.prefix === 'string') annotation.prefix = normalizeText(quote.prefix);
  if (typeof quote?.suffix === 'string') annotation.suffix = normalizeText(quote.suffix);
  const id = typeof item.id === 'string' ? annotationIdOf(item.id) : null;
  if (id) annotation.id = id;
  const author = typeof creator === 'string' ? creator : creator?.name;
  if (typeof author === 'string') annotation.author = author;
  if (typeof item.created === 'string') annotation.created = item.created;
  if (typeof item.modified === 'string') annotation.modified = item.modified;
  return annotation;
}

/** The file a target's source names: its `schema:contentUrl` when it is described, else its IRI. */
function sourceFile(source: unknown): string {
  if (typeof source !== 'object' || source === null) return String(source ?? '');
  const described = source as Json;
  const file = described[CONTENT_URL];
  return typeof file === 'string' ? file : String(described.id ?? '');
}

function listOf(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/** The report id a Folio export's source IRI (`texts/<id>.txt`) stands for, or null. */
export function reportIdOfTextsSource(source: string): string | null {
  const prefix = `${WEB_ANNOTATION_TEXTS}/`;
  if (!source.startsWith(prefix) || !source.endsWith('.txt')) return null;
  try {
    return source.slice(prefix.length, -'.txt'.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}
