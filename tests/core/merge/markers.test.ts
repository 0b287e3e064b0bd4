import { describe, expect, it } from 'vitest';
import { hasConflictMarkers, splitConflictMarkers } from '../../../src-main/core/merge/markers';

const MERGED = [
  '{',
  '  "tags": [',
  '<<<<<<< HEAD',
  '    "kiểm tra"',
  '=======',
  '    "tin tỉnh"',
  '>>>>>>> theirs',
  '  ],',
  '  "status": "new",',
  '<<<<<<< HEAD',
  '  "x": 1',
  '=======',
  '  "x": 2',
  '>>>>>>> theirs',
  '}',
  '',
].join('\n');

describe('splitConflictMarkers', () => {
  it('splits every region into ours and theirs, lines outside them going to both', () => {
    const halves = splitConflictMarkers(MERGED);
    expect(halves.ours).toBe('{\n  "tags": [\n    "kiểm tra"\n  ],\n  "status": "new",\n  "x": 1\n}\n');
    expect(halves.theirs).toBe('{\n  "tags": [\n    "tin tỉnh"\n  ],\n  "status": "new",\n  "x": 2\n}\n');
    expect(halves.base).toBeNull();
  });

  it('takes the base from diff3-style "|||||||" sections when every region has one', () => {
    const diff3 = 'a\n<<<<<<< ours\nb1\n||||||| base\nb0\n=======\nb2\n>>>>>>> theirs\nc\n';
    expect(splitConflictMarkers(diff3)).toEqual({
      ours: 'a\nb1\nc\n',
      theirs: 'a\nb2\nc\n',
      base: 'a\nb0\nc\n',
    });
    const mixed = `${diff3}<<<<<<< ours\nd1\n=======\nd2\n>>>>>>> theirs\n`;
    expect(splitConflictMarkers(mixed).base).toBeNull();
  });

  it('keeps CRLF line ends and a last line without one', () => {
    const halves = splitConflictMarkers('a\r\n<<<<<<< HEAD\r\nb\r\n=======\r\nc\r\n>>>>>>> x\r\nd');
    expect(halves).toMatchObject({ ours: 'a\r\nb\r\nd', theirs: 'a\r\nc\r\nd' });
  });

  it('names the line when markers do not pair up', () => {
    expect(() => splitConflictMarkers('a\n<<<<<<< HEAD\nb\n>>>>>>> x\n', 'r.json')).toThrow(
      'r.json: line 4: ">>>>>>>" before "======="',
    );
    expect(() => splitConflictMarkers('<<<<<<< HEAD\nb\n=======\nc\n', 'r.json')).toThrow(
      /r\.json: line \d+: a conflict region that is never closed/,
    );
  });
});

describe('hasConflictMarkers', () => {
  it('sees a conflict region, not a line that only looks like part of one', () => {
    expect(hasConflictMarkers(MERGED)).toBe(true);
    expect(hasConflictMarkers('{\n  "note": "<<<<<<< not at a line start"\n}\n')).toBe(false);
    expect(hasConflictMarkers('=======\n')).toBe(false);
  });
});
