/**
 * jose uses the TC39 "Uint8Array to/from base64" methods (`Uint8Array.prototype.toBase64`, `Uint8Array.fromBase64`)
 * where the runtime has them, and otherwise slow fallbacks (`btoa`/`atob` over binary strings, a per-character loop):
 * on Node 20, with JWS payloads and JWE ciphertexts of megabytes, those fallbacks were a third of the worker's CPU
 * while it sealed packages and most of a deposit batch's verification. This module supplies both methods by Node's
 * native Buffer codec where the runtime lacks them: encoding everywhere on import (the same text, byte for byte),
 * decoding only in the threads that call `installNativeBase64Decoding` (a strict subset of the standard).
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

/** The options of `Uint8Array.fromBase64` (ES2026) that jose passes. */
interface FromBase64Options {
  alphabet?: 'base64' | 'base64url';
  lastChunkHandling?: 'loose' | 'strict' | 'stop-before-partial';
}

type Uint8ArrayWithBase64 = typeof Uint8Array & { fromBase64?: (text: string, options?: FromBase64Options) => Uint8Array };

const ALPHABETS = {
  base64: /^[A-Za-z0-9+/]*={0,2}$/,
  base64url: /^[A-Za-z0-9_-]*={0,2}$/,
};

/**
 * `Uint8Array.fromBase64` decoded by Node's native Buffer decoder, for one input alphabet-checked
 * first. jose uses that method when the runtime has it; without it (Node 20) jose decodes through
 * `atob` and a per-character loop, which for a deposit batch of several megabytes costs ten times
 * the native decoder. A strict subset of the standard method: no whitespace, padding only where
 * it completes the last quantum, and only the default ("loose") last-chunk handling.
 */
export function fromBase64(text: string, options: FromBase64Options = {}): Uint8Array {
  const alphabet = options.alphabet ?? 'base64';
  if (typeof text !== 'string') throw new TypeError('fromBase64 takes a string.');
  if (alphabet !== 'base64' && alphabet !== 'base64url') throw new TypeError('Unknown base64 alphabet.');
  if ((options.lastChunkHandling ?? 'loose') !== 'loose') throw new TypeError('Only loose last-chunk handling is supported here.');
  const padded = text.endsWith('=');
  if (!ALPHABETS[alphabet].test(text) || text.length % 4 === 1 || (padded && text.length % 4 !== 0)) {
    throw new SyntaxError('The input is not correctly base64 encoded.');
  }
  const decoded = Buffer.from(text, alphabet);
  // Its own memory, as the standard method returns; never a slice of Buffer's shared pool.
  const bytes = new Uint8Array(decoded.length);
  bytes.set(decoded);
  return bytes;
}

/**
 * Gives this thread's `Uint8Array` the native-speed `fromBase64` above, unless the runtime has its
 * own. Meant for the threads that verify deposit batches (one JWS of megabytes each), where jose's
 * decoding of the payload was the largest part of the verification.
 */
export function installNativeBase64Decoding(): void {
  const constructor = Uint8Array as Uint8ArrayWithBase64;
  if (typeof constructor.fromBase64 === 'function') return;
  Object.defineProperty(constructor, 'fromBase64', { value: fromBase64, writable: true, configurable: true, enumerable: false });
}
