import { FolioError } from '../errors';

/** How the bytes of an original file were encoded. */
export type SourceEncoding =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-no-bom' | 'utf-16be-no-bom';

/** The text editors see, and how it was obtained from the bytes. */
export interface DecodedText {
  text: string;
  encoding: SourceEncoding;
}

const BINARY_PROBE_BYTES = 8192;
/** Characters no text report holds (tabs, line and page breaks aside). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000e-\u001f]/;

/**
 * Decodes an original report: UTF-8 (with or without BOM) or UTF-16 (with a BOM, or told by where its NUL
 * bytes fall, as Windows tools save it without one), then CRLF/CR to LF and
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
    raw = new TextDecoder(DECODER_LABELS[encoding], {
      fatal: true,
      ignoreBOM: true,
    }).decode(body);
  } catch {
    throw new FolioError('undecodable', `${path}: ${describeBadEncoding(body, encoding)}`, path);
  }
  // UTF-16 told by its NULs alone must read as text: control characters mean a binary file after all.
  if (encoding.endsWith('-no-bom') && CONTROL_CHARACTER.test(raw))
    throw new FolioError('binary', `${path}: binary file (NUL bytes), not a text report`, path);
  return { text: normalizeText(raw), encoding };
}

/** Line endings to LF and Unicode NFC: the normalisation that is never shown as an editorial change. */
export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC');
}

const DECODER_LABELS: Record<SourceEncoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf-16le-no-bom': 'utf-16le',
  'utf-16be-no-bom': 'utf-16be',
};

function detectEncoding(bytes: Uint8Array): { encoding: SourceEncoding; body: Uint8Array } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8-bom', body: bytes.subarray(3) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', body: bytes.subarray(2) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', body: bytes.subarray(2) };
  return { encoding: utf16WithoutBom(bytes) ?? 'utf-8', body: bytes };
}

/**
 * UTF-16 without a BOM, told by its NUL bytes: the ASCII letters, digits, spaces and line breaks that
 * make up much of any report (Vietnamese included) have a zero high byte, which falls on the odd bytes in
 * little-endian and the even ones in big-endian. Binary files have NULs on both sides.
 */
function utf16WithoutBom(bytes: Uint8Array): SourceEncoding | null {
  const probe = bytes.subarray(0, BINARY_PROBE_BYTES & ~1);
  if (probe.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe.length; i += 2) {
    if (probe[i] === 0) evenZeros++;
    if (probe[i + 1] === 0) oddZeros++;
  }
  const pairs = probe.length / 2;
  // A few characters (U+0100, U+2000, …) have a zero low byte too.
  if (oddZeros >= pairs * 0.2 && evenZeros <= pairs * 0.01) return 'utf-16le-no-bom';
  if (evenZeros >= pairs * 0.2 && oddZeros <= pairs * 0.01) return 'utf-16be-no-bom';
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

function describeBadEncoding(body: Uint8Array, encoding: SourceEncoding): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be')
    return `invalid ${encoding.toUpperCase()} text after its BOM`;
  if (encoding === 'utf-16le-no-bom' || encoding === 'utf-16be-no-bom')
    return `invalid ${encoding.slice(0, 8).toUpperCase()} text (no BOM)`;
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
