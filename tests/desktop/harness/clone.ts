// Electron copies every IPC argument and result with the structured clone algorithm. The stand-in carries them
// as JSON (over Node's IPC and Chrome's DevTools protocol), so this codec tags what JSON would lose or change
// (undefined, NaN and ±Infinity, -0, bigint, Date, Map, Set, bytes, Error) and throws, as Electron does, on
// what cannot be cloned at all. Cycles and shared references, which a structured clone keeps, are refused.
// It runs in Node and, bundled into the page scripts, in the preload's world.

/** The message of the error Electron throws for a value it cannot clone (a function, a symbol, a promise). */
export const NOT_CLONEABLE = 'An object could not be cloned.';

type Tagged =
  | { $clone: 'undefined' }
  | { $clone: 'number'; value: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { $clone: 'bigint'; value: string }
  | { $clone: 'date'; value: number }
  | { $clone: 'map'; entries: unknown[] }
  | { $clone: 'set'; values: unknown[] }
  | { $clone: 'bytes'; value: number[] }
  | { $clone: 'error'; name: string; message: string }
  | { $clone: 'object'; value: Record<string, unknown> };

/** A JSON-safe form of `value`, as the structured clone algorithm would copy it. */
export function encodeClone(value: unknown, seen: Set<object> = new Set()): unknown {
  switch (typeof value) {
    case 'undefined':
      return { $clone: 'undefined' } satisfies Tagged;
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (Number.isNaN(value)) return { $clone: 'number', value: 'NaN' } satisfies Tagged;
      if (value === Infinity || value === -Infinity)
        return { $clone: 'number', value: value > 0 ? 'Infinity' : '-Infinity' } satisfies Tagged;
      if (Object.is(value, -0)) return { $clone: 'number', value: '-0' } satisfies Tagged;
      return value;
    case 'bigint':
      return { $clone: 'bigint', value: value.toString() } satisfies Tagged;
    case 'function':
    case 'symbol':
      throw new Error(NOT_CLONEABLE);
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object)) throw new Error(`${NOT_CLONEABLE} (the stand-in does not copy cycles)`);
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.map((item) => encodeClone(item, seen));
    if (object instanceof Date) return { $clone: 'date', value: object.getTime() } satisfies Tagged;
    if (object instanceof Map)
      return {
        $clone: 'map',
        entries: [...object].map(([k, v]) => [encodeClone(k, seen), encodeClone(v, seen)]),
      } satisfies Tagged;
    if (object instanceof Set)
      return { $clone: 'set', values: [...object].map((v) => encodeClone(v, seen)) } satisfies Tagged;
    // Electron hands a Node Buffer to the renderer as a Uint8Array, and back as one.
    if (object instanceof Uint8Array) return { $clone: 'bytes', value: [...object] } satisfies Tagged;
    if (object instanceof Error)
      return { $clone: 'error', name: object.name, message: object.message } satisfies Tagged;
    if (object instanceof Promise || object instanceof WeakMap || object instanceof WeakSet)
      throw new Error(NOT_CLONEABLE);
    if (object instanceof RegExp || ArrayBuffer.isView(object) || object instanceof ArrayBuffer)
      throw new Error(`the stand-in does not carry a ${object.constructor.name} (Electron would)`);
    // Own enumerable string keys only: a class instance arrives as a plain object, its prototype dropped.
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(object))
      copy[key] = encodeClone((object as Record<string, unknown>)[key], seen);
    return '$clone' in copy ? ({ $clone: 'object', value: copy } satisfies Tagged) : copy;
  } finally {
    seen.delete(object);
  }
}

/** The value `encodeClone` encoded, rebuilt as the receiving side's own objects. */
export function decodeClone(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeClone);
  const tagged = value as Tagged;
  switch (tagged.$clone) {
    case 'undefined':
      return undefined;
    case 'number':
      return tagged.value === '-0' ? -0 : Number(tagged.value);
    case 'bigint':
      return BigInt(tagged.value);
    case 'date':
      return new Date(tagged.value);
    case 'map':
      return new Map(
        tagged.entries.map((entry) => (entry as unknown[]).map(decodeClone) as [unknown, unknown]),
      );
    case 'set':
      return new Set(tagged.values.map(decodeClone));
    case 'bytes':
      return Uint8Array.from(tagged.value);
    case 'error':
      return Object.assign(new Error(tagged.message), { name: tagged.name });
    case 'object':
      return decodeObject(tagged.value);
    default:
      return decodeObject(value as Record<string, unknown>);
  }
}

function decodeObject(object: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(object)) copy[key] = decodeClone(item);
  return copy;
}
