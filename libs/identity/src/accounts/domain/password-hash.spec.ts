import { hashPassword, needsRehash, parsePasswordHash, verifyPassword } from './password-hash';

const password = 'correct horse battery staple';

describe('password hashing (scrypt)', () => {
  let stored: string;

  // N = 2^15 keeps this suite quick; the default (2^17) is checked once below.
  const cheap = { logN: 15, r: 8, p: 1 };

  beforeAll(async () => {
    stored = await hashPassword(password, cheap);
  });

  it('verifies the password it hashed', async () => {
    await expect(verifyPassword(password, stored)).resolves.toBe(true);
  });

  it('refuses a wrong password, including one differing only in case or a trailing space', async () => {
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(verifyPassword(password.toUpperCase(), stored)).resolves.toBe(false);
    await expect(verifyPassword(`${password} `, stored)).resolves.toBe(false);
  });

  it('hashes new passwords at N=2^17, r=8, p=1 by default (OWASP minimum), within Node’s memory limit', async () => {
    const strong = await hashPassword(password);
    expect(strong).toMatch(/^\$scrypt\$v=1\$ln=17,r=8,p=1\$/);
    await expect(verifyPassword(password, strong)).resolves.toBe(true);
  });

  it('encodes version, parameters (N=2^15, r=8, p=1), a 16-byte salt and a 32-byte key', () => {
    expect(stored).toMatch(/^\$scrypt\$v=1\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const parsed = parsePasswordHash(stored);
    expect(parsed).toMatchObject({ version: 1, parameters: { logN: 15, r: 8, p: 1 } });
    expect(parsed?.salt).toHaveLength(16);
    expect(parsed?.key).toHaveLength(32);
  });

  it('salts: the same password hashes differently each time', async () => {
    const again = await hashPassword(password, cheap);
    expect(again).not.toBe(stored);
    await expect(verifyPassword(password, again)).resolves.toBe(true);
  });

  it('never verifies a tampered hash (key, salt or parameters changed)', async () => {
    const parts = stored.split('$');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    const tamperedKey = [...parts.slice(0, 5), flip(parts[5])].join('$');
    const tamperedSalt = [...parts.slice(0, 4), flip(parts[4]), parts[5]].join('$');
    const tamperedCost = stored.replace('ln=15', 'ln=14');
    for (const tampered of [tamperedKey, tamperedSalt, tamperedCost]) {
      expect(tampered).not.toBe(stored);
      await expect(verifyPassword(password, tampered)).resolves.toBe(false);
    }
  });

  it('refuses malformed hashes and parameters out of bounds without running scrypt on them', async () => {
    const malformed = [
      '',
      'plain',
      stored.replace('$v=1$', '$v=2$'),
      stored.replace('ln=15', 'ln=30'),
      stored.replace('ln=15', 'ln=21'),
      stored.replace('p=1', 'p=64'),
      stored.slice(0, -4),
    ];
    for (const encoded of malformed) {
      expect(parsePasswordHash(encoded)).toBeNull();
      await expect(verifyPassword(password, encoded)).resolves.toBe(false);
    }
  });

  it('treats full-width and half-width input alike (NFKC), as a Japanese IME may type either', async () => {
    const halfWidth = await hashPassword('Password-2024!', cheap);
    await expect(verifyPassword('Ｐａｓｓｗｏｒｄ－２０２４！', halfWidth)).resolves.toBe(true);
  });

  it('asks for a re-hash only when the parameters are not the current ones', async () => {
    expect(needsRehash(stored, cheap)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
    const weaker = await hashPassword(password, { logN: 14, r: 8, p: 1 });
    expect(needsRehash(weaker)).toBe(true);
    await expect(verifyPassword(password, weaker)).resolves.toBe(true);
  });
});
