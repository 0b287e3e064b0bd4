import { FolioError } from '../errors';

/** How the bytes of an original file were encoded. */
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** The text editors see, and how it was obtained from the bytes. */
export interface DecodedText {
  text: string;
  encoding: SourceEncoding;
}

const BINARY_PROBE_BYTES = 8192;

/**
 * Decodes an original report: UTF-8 (with or without BOM) or UTF-16 with BOM, then CRLF/CR to LF and
 * Unicode NFC. Throws a `FolioError` (`binary` or `undecodable`) naming `path` when the bytes are not text.
 */
export function decodeReport(bytes: Uint8Array, path: string): DecodedText {
  const { encoding, body } = detectEncoding(bytes);
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    if (looksBinary(body))
      throw new FolioError('binary', `${path}: binary file (NUL bytes), not a text report`, path);
  }
  let raw: string;
  try {
    raw = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding, {
      fatal: true,
      ignoreBOM: true,
    }).decode(body);
  } catch {
    throw new FolioError('undecodable', `${path}: ${describeBadEncoding(body, encoding)}`, path);
  }
  return { text: normalizeText(raw), encoding };
}

/** Line endings to LF and Unicode NFC: the normalisation that is never shown as an editorial change. */
export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC');
}

function detectEncoding(bytes: Uint8Array): { encoding: SourceEncoding; body: Uint8Array } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8-bom', body: bytes.subarray(3) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', body: bytes.subarray(2) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', body: bytes.subarray(2) };
  return { encoding: 'utf-8', body: bytes };
}

function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

function describeBadEncoding(body: Uint8Array, encoding: SourceEncoding): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be')
    return `invalid ${encoding.toUpperCase()} text after its BOM`;
  const offset = firstInvalidUtf8Offset(body);
  const hex = Array.from(body.subarray(offset, offset + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `not valid UTF-8 at byte ${offset} (${hex}); it may be in a legacy encoding such as Windows-1258 or TCVN3 — convert it to UTF-8`;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on prefixes would misjudge a split sequence; a linear scan of sequence lengths is exact.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}
