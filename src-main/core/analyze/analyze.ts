import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FolioError } from '../errors';
import { extractMetadata, type OutletRegistry } from '../extract';
import type { Extraction, Person } from '../extract/types';
import { SearchIndex, type SearchDocument } from '../search/searchIndex';
import { METADATA_FIELDS, type MetadataField } from '../../contract/vocabulary';
import { sha256 } from '../store/hash';
import { decodeReport } from '../text/decode';
import type { SkippedFile } from '../../contract/types';

/** A report file to read, extract and index. */
export interface AnalyzeJob {
  id: string;
  /** Path relative to the corpus root. */
  file: string;
}

/** The machine's value of every metadata field, in the shape a correction of that field takes, and the report's language. */
export type ExtractedValues = Record<MetadataField, unknown> & { language: string | null };

/** What reading one file gave: a report, or the reason it is not one. */
export type AnalyzedFile =
  | {
      id: string;
      ok: true;
      sha256: string;
      encoding: string;
      values: ExtractedValues;
      /** The full extraction (with evidence, debris and captions) as UTF-8 JSON, ready for the cache file. */
      extraction: Uint8Array;
    }
  | { id: string; ok: false; code: SkippedFile['code']; reason: string };

/** The key of the original text whose hash is `sha256`: extraction and index entries made from it carry it. */
export function originalTextKey(sha256: string): string {
  return `original:${sha256}`;
}

/** The key of an index entry: the text it was made from and the editor's metadata corrections. */
export function indexKeyOf(textKey: string, corrections: object | undefined): string {
  return `${textKey}:${JSON.stringify(corrections ?? {})}`;
}

/**
 * Reads, decodes, hashes and extracts one report (knowing `outlets`) and adds it to `shard`. Never throws: a file that is not a
 * readable report comes back with the reason, so one bad file cannot stop a corpus from opening.
 */
export function analyzeFile(
  root: string,
  job: AnalyzeJob,
  shard: SearchIndex,
  outlets: OutletRegistry,
): AnalyzedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, job.file));
  } catch (error) {
    return skipped(job, 'unreadable', `${job.file}: cannot be read (${(error as Error).message})`);
  }
  try {
    const decoded = decodeReport(bytes, job.file);
    const extraction = extractMetadata(decoded.text, { outlets });
    const values = extractedValues(extraction);
    const hash = sha256(bytes);
    shard.put(searchDocumentOf(job.id, decoded.text, values), indexKeyOf(originalTextKey(hash), undefined));
    return {
      id: job.id,
      ok: true,
      sha256: hash,
      encoding: decoded.encoding,
      values,
      // UTF-8 bytes take half the memory of the same JSON as a JavaScript string of Vietnamese text.
      extraction: Buffer.from(JSON.stringify(extraction)),
    };
  } catch (error) {
    if (error instanceof FolioError && (error.code === 'binary' || error.code === 'undecodable')) {
      return skipped(job, error.code, error.message);
    }
    return skipped(job, 'unreadable', `${job.file}: could not be analysed (${(error as Error).message})`);
  }
}

function skipped(job: AnalyzeJob, code: SkippedFile['code'], reason: string): AnalyzedFile {
  return { id: job.id, ok: false, code, reason };
}

/** The machine's value of each field, without evidence: what the library, filters and index need. */
export function extractedValues(extraction: Extraction): ExtractedValues {
  const values = {} as ExtractedValues;
  for (const field of METADATA_FIELDS) {
    values[field] =
      field === 'references'
        ? extraction.references.map((r) => r.value.code)
        : field === 'people'
          ? extraction.people.map((p) => p.value)
          : extraction[field].value;
  }
  values.language = extraction.language;
  return values;
}

/** What the search index holds of a report: its title, text, and metadata values as words. */
export function searchDocumentOf(id: string, text: string, values: ExtractedValues): SearchDocument {
  const people = (values.people as Person[]).map((p) => `${p.name} ${p.role ?? ''}`);
  const meta = [
    ...(['source', 'author', 'place', 'section'] as const).map((f) => (values[f] as string | null) ?? ''),
    ...(values.references as string[]),
    ...people,
  ].join(' \n ');
  return { id, title: String(values.title ?? ''), text, meta };
}
