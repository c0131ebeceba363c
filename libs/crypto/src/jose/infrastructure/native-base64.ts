/**
 * jose encodes with `Uint8Array.prototype.toBase64` (TC39 "Uint8Array to/from base64") where the runtime has it,
 * and otherwise with `btoa` over a binary string built 32 KiB at a time: on Node 20 that fallback was a third of
 * the worker's CPU while it sealed packages (a part's JWS payload and JWE ciphertext are megabytes). This supplies
 * the standard method on runtimes that lack it, encoding with Node's native base64 — the same text, byte for byte.
 * Only encoding: decoding keeps jose's own strict path. A runtime with the method keeps its own.
 */
interface ToBase64Options {
  alphabet?: 'base64' | 'base64url';
  omitPadding?: boolean;
}

/** `Uint8Array.prototype.toBase64` as the proposal defines it, by Node's Buffer. */
export function toBase64(bytes: Uint8Array, options: ToBase64Options = {}): string {
  const alphabet = options.alphabet ?? 'base64';
  if (alphabet !== 'base64' && alphabet !== 'base64url') throw new TypeError('alphabet must be "base64" or "base64url"');
  const encoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(alphabet);
  if (alphabet === 'base64') return options.omitPadding === true ? encoded.replace(/=+$/, '') : encoded;
  // Node's base64url never pads; the proposal pads unless told not to.
  return options.omitPadding === true ? encoded : encoded.padEnd(Math.ceil(encoded.length / 4) * 4, '=');
}

const prototype = Uint8Array.prototype as unknown as { toBase64?: (options?: ToBase64Options) => string };
if (typeof prototype.toBase64 !== 'function') {
  Object.defineProperty(Uint8Array.prototype, 'toBase64', {
    value: function toBase64Method(this: Uint8Array, options?: ToBase64Options): string {
      return toBase64(this, options);
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
