import { LINK_CODE_ALPHABET, LINK_CODE_LENGTH, linkCodeDigest, newLinkCode, normaliseLinkCode } from './link-code';

describe('link codes', () => {
  it('use an alphabet without look-alikes (no 0/O, 1/I/L), at least 8 characters long', () => {
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(LINK_CODE_ALPHABET).not.toContain(lookAlike);
    expect(new Set(LINK_CODE_ALPHABET).size).toBe(LINK_CODE_ALPHABET.length);
    expect(LINK_CODE_LENGTH).toBeGreaterThanOrEqual(8);
  });

  it('are drawn only from that alphabet, at that length', () => {
    const allowed = new Set(LINK_CODE_ALPHABET);
    for (let draw = 0; draw < 2_000; draw += 1) {
      const code = newLinkCode();
      expect(code).toHaveLength(LINK_CODE_LENGTH);
      expect([...code].every((character) => allowed.has(character))).toBe(true);
    }
  });

  it('do not repeat over many draws, and use every character of the alphabet about equally', () => {
    const draws = 20_000;
    const codes = Array.from({ length: draws }, () => newLinkCode());
    expect(new Set(codes).size).toBe(draws);
    const counts = new Map<string, number>();
    for (const character of codes.join('')) counts.set(character, (counts.get(character) ?? 0) + 1);
    expect(counts.size).toBe(LINK_CODE_ALPHABET.length);
    const expected = (draws * LINK_CODE_LENGTH) / LINK_CODE_ALPHABET.length;
    // 200,000 characters over 30 symbols: each count is within ±10 % of its expectation unless the draw is biased.
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.1);
  });

  it('are read back whatever the case, spaces or hyphens the customer typed', () => {
    expect(normaliseLinkCode('k7m2q-x9trb')).toBe('K7M2QX9TRB');
    expect(normaliseLinkCode(' K7M2Q X9TRB ')).toBe('K7M2QX9TRB');
  });

  it('refuse anything that cannot be a code: wrong length, look-alikes, other characters', () => {
    for (const input of [
      '',
      'K7M2QX9TR',
      'K7M2QX9TRBB',
      'K7M2QX9TR0',
      'K7M2QX9TRO',
      'K7M2QX9TRI',
      'K7M2QX9TRL',
      'K7M2QX9TR1',
      'K7M2QX9TR!',
    ]) {
      expect(normaliseLinkCode(input)).toBeNull();
    }
  });

  it('are kept only as their SHA-256, equal for equal codes', () => {
    const digest = linkCodeDigest('K7M2QX9TRB');
    expect(digest).toHaveLength(32);
    expect(digest.equals(linkCodeDigest('K7M2QX9TRB'))).toBe(true);
    expect(digest.equals(linkCodeDigest('K7M2QX9TRC'))).toBe(false);
    expect(digest.toString('latin1')).not.toContain('K7M2QX9TRB');
  });
});
