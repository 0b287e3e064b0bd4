// Electron's contextBridge, between the preload's isolated world and the page's main world of one document.
// The two worlds share the DOM and nothing else, so they talk by synchronous DOM events on a private element
// (`port`) that only the two halves hold: the preload's half creates it and hands it over once, at document
// start, before any page script runs, as the `relatedTarget` of an event (DOM nodes are shared between worlds).
// A CustomEvent's `detail` crossing worlds arrives as a structured clone, so values are copied as Electron
// copies them; functions and promises cannot be cloned, so each side keeps its own and sends an id, and the
// other side gets a proxy that calls back across. As in Electron, copied objects arrive frozen, a function's
// prototype and an Error's extra properties are lost, and symbols are dropped.

const MARK = '\u0000bridge';

type Wire = unknown;
type Encoded =
  | { [MARK]: 'function'; id: number }
  | { [MARK]: 'promise'; id: number }
  | { [MARK]: 'error'; message: string };

type Message =
  | { type: 'call'; call: number; fn: number; args: Wire[] }
  | { type: 'return'; call: number; ok: boolean; value?: Wire; error?: Wire }
  | { type: 'settle'; promise: number; ok: boolean; value?: Wire; error?: Wire };

/** The event that hands the private element from the preload's world to the main world. */
export const HANDSHAKE = 'electron-context-bridge';
/** What the main world's half announces when it is ready for the handshake. */
export const MAIN_WORLD_READY = 'electron-context-bridge-ready';

/** One world's end of the bridge: calls the other world's functions, and serves its own. */
export interface BridgeEnd {
  /** Calls function `id` of the other world with `args`; returns its result, copied. */
  call(id: number, args: unknown[]): unknown;
  /** Makes `fn` callable from the other world under `id`. */
  serve(id: number, fn: (...args: unknown[]) => unknown): void;
}

/** Opens this world's end on `port`: `inbound` is the event name the other world sends, `outbound` ours. */
export function openBridgeEnd(port: EventTarget, inbound: string, outbound: string): BridgeEnd {
  const own = new Map<number, (...args: unknown[]) => unknown>();
  const replies = new Map<number, Message & { type: 'return' }>();
  const awaited = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  // Ids this side allocates are odd on one side, even on the other, so the two never clash.
  let nextId = inbound < outbound ? 1001 : 1002;
  const allocate = () => (nextId += 2);

  const send = (message: Message) => port.dispatchEvent(new CustomEvent(outbound, { detail: message }));

  const encodeError = (error: unknown): Wire => ({
    [MARK]: 'error',
    message: error instanceof Error ? error.message : String(error),
  });

  const encode = (value: unknown): Wire => {
    if (typeof value === 'function') {
      const id = allocate();
      own.set(id, value as (...args: unknown[]) => unknown);
      return { [MARK]: 'function', id } satisfies Encoded;
    }
    if (typeof value === 'symbol') return undefined;
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Promise) {
      const id = allocate();
      value.then(
        (result) => send({ type: 'settle', promise: id, ok: true, value: encode(result) }),
        (error) => send({ type: 'settle', promise: id, ok: false, error: encodeError(error) }),
      );
      return { [MARK]: 'promise', id } satisfies Encoded;
    }
    if (value instanceof Error) return encodeError(value);
    if (Array.isArray(value)) return value.map(encode);
    if (Object.prototype.toString.call(value) !== '[object Object]') return value; // cloned as it is
    const copy: Record<string, Wire> = {};
    for (const key of Object.keys(value)) copy[key] = encode((value as Record<string, unknown>)[key]);
    return copy;
  };

  const decode = (wire: Wire): unknown => {
    if (wire === null || typeof wire !== 'object') return wire;
    if (Array.isArray(wire)) return Object.freeze(wire.map(decode));
    const marked = wire as Partial<Encoded>;
    if (marked[MARK] === 'function') {
      const id = (marked as { id: number }).id;
      return (...args: unknown[]) => end.call(id, args);
    }
    if (marked[MARK] === 'promise') {
      const id = (marked as { id: number }).id;
      return new Promise((resolve, reject) => awaited.set(id, { resolve, reject }));
    }
    if (marked[MARK] === 'error') return new Error((marked as { message: string }).message);
    if (Object.prototype.toString.call(wire) !== '[object Object]') return wire;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(wire)) copy[key] = decode(item);
    return Object.freeze(copy);
  };

  let nextCall = 0;
  port.addEventListener(inbound, (event) => {
    const message = (event as CustomEvent<Message>).detail;
    if (message.type === 'call') {
      const fn = own.get(message.fn);
      try {
        if (!fn) throw new Error(`the other world has no function ${message.fn}`);
        const value = encode(fn(...message.args.map(decode)));
        send({ type: 'return', call: message.call, ok: true, value });
      } catch (error) {
        send({ type: 'return', call: message.call, ok: false, error: encodeError(error) });
      }
    } else if (message.type === 'return') {
      replies.set(message.call, message);
    } else {
      const waiting = awaited.get(message.promise);
      awaited.delete(message.promise);
      if (message.ok) waiting?.resolve(decode(message.value));
      else waiting?.reject(decode(message.error));
    }
  });

  const end: BridgeEnd = {
    call(id, args) {
      const call = ++nextCall;
      // The other world answers while this dispatch runs: DOM events are synchronous.
      send({ type: 'call', call, fn: id, args: args.map(encode) });
      const reply = replies.get(call);
      replies.delete(call);
      if (!reply) throw new Error('the other world did not answer across the context bridge');
      if (!reply.ok) throw decode(reply.error);
      return decode(reply.value);
    },
    serve(id, fn) {
      own.set(id, fn);
    },
  };
  return end;
}

/** The main world's function that defines an exposed API on `window` (id 1 on the main world's end). */
export const EXPOSE = 1;
/** The event names of each direction. */
export const TO_MAIN = 'electron-bridge-to-main';
export const TO_ISOLATED = 'electron-bridge-to-isolated';
