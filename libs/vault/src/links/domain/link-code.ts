import { createHash, randomInt } from 'node:crypto';

/**
 * Characters of a link code: digits and uppercase letters without the look-alikes 0/O, 1/I/L (and U,
 * as Crockford's base32 drops it), so that an individual can read the code aloud or type it into a
 * provider's app without mistakes.
 */
export const LINK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a link code: 30^10 ≈ 2^49 possibilities, for a code that lives 15 minutes. */
export const LINK_CODE_LENGTH = 10;

/** How long a link code may be redeemed after the individual created it. */
export const LINK_CODE_LIFETIME_MS = 15 * 60 * 1000;

const linkCodePattern = new RegExp(`^[${LINK_CODE_ALPHABET}]{${LINK_CODE_LENGTH}}$`);

/** A new one-time link code, each character drawn uniformly with `crypto.randomInt`. Shown once, never stored. */
export function newLinkCode(): string {
  let code = '';
  for (let index = 0; index < LINK_CODE_LENGTH; index += 1) code += LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)];
  return code;
}

/**
 * The code as the bank compares it: case folded and without the spaces or hyphens people add when
 * they copy it; null when what remains cannot be a link code.
 */
export function normaliseLinkCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return linkCodePattern.test(code) ? code : null;
}

/** SHA-256 of a normalised link code: all the bank keeps of it, so a leaked table links nobody. */
export function linkCodeDigest(code: string): Buffer {
  return createHash('sha256').update(code, 'ascii').digest();
}
