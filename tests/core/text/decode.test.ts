import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS, SAMPLE_IDS } from '../../helpers/corpora';
import { FolioError } from '../../../src-main/core/errors';
import { decodeReport } from '../../../src-main/core/text/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    bytes.set(endian === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return bytes;
}

describe('decodeReport', () => {
  it('decodes UTF-8 without a BOM unchanged', () => {
    expect(decodeReport(utf8('Thành ủy Cần Thơ\n'), 'a.txt')).toEqual({
      text: 'Thành ủy Cần Thơ\n',
      encoding: 'utf-8',
    });
  });

  it('removes a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Cần Thơ')]);
    expect(decodeReport(bytes, 'a.txt')).toEqual({ text: 'Cần Thơ', encoding: 'utf-8-bom' });
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    expect(decodeReport(utf16('Lạng Sơn 🇻🇳', 'le'), 'a.txt').text).toBe('Lạng Sơn 🇻🇳');
    expect(decodeReport(utf16('Lạng Sơn', 'be'), 'a.txt')).toEqual({
      text: 'Lạng Sơn',
      encoding: 'utf-16be',
    });
  });

  it('tells UTF-16 without a BOM, as Windows tools save it, from where its NUL bytes fall', () => {
    const real = readFileSync(path.join(SAMPLE_CORPUS, `${SAMPLE_IDS[0]}.txt`), 'utf8').replace(
      /\r\n?/g,
      '\n',
    );
    const le = utf16(real, 'le').subarray(2);
    const be = utf16(real, 'be').subarray(2);
    expect(decodeReport(le, 'a.txt')).toEqual({ text: real.normalize('NFC'), encoding: 'utf-16le-no-bom' });
    expect(decodeReport(be, 'a.txt')).toEqual({ text: real.normalize('NFC'), encoding: 'utf-16be-no-bom' });
    // NULs on both sides of the pairs are a binary file still.
    expect(() =>
      decodeReport(new Uint8Array([0x00, 0x00, 0x41, 0x00, 0x00, 0x42, 0x00, 0x00]), 'b.txt'),
    ).toThrow(/binary file/);
  });

  it('turns CRLF and CR into LF', () => {
    expect(decodeReport(utf8('a\r\nb\rc\n'), 'a.txt').text).toBe('a\nb\nc\n');
  });

  it('normalises NFD to NFC', () => {
    const nfd = 'Thành ủy'.normalize('NFD');
    expect(nfd).not.toBe('Thành ủy');
    expect(decodeReport(utf8(nfd), 'a.txt').text).toBe('Thành ủy');
  });

  it('rejects binary files, naming the file', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]);
    expect(() => decodeReport(bytes, 'photo.txt')).toThrow(/photo\.txt: binary file/);
  });

  it('rejects Windows-1258 bytes with the offset of the first bad byte', () => {
    // "Thành" in Windows-1258: a + combining grave (0xCC) is not valid UTF-8.
    const bytes = new Uint8Array([0x54, 0x68, 0x61, 0xcc, 0x6e, 0x68]);
    let error: unknown;
    try {
      decodeReport(bytes, 'old.txt');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).code).toBe('undecodable');
    expect((error as FolioError).message).toMatch(
      /old\.txt: not valid UTF-8 at byte 3 \(cc 6e 68\).*Windows-1258/,
    );
  });
});
