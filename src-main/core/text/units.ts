const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = new TextDecoder('utf-16le');

/** Turns UTF-16 units into a string in one step (much faster than concatenating characters). */
export function unitsToString(units: Uint16Array): string {
  // The decoder turns a lone surrogate into U+FFFD, still one unit, so the length is kept.
  if (LITTLE_ENDIAN) return utf16.decode(units);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 4096)
    parts.push(String.fromCharCode(...units.subarray(i, i + 4096)));
  return parts.join('');
}
