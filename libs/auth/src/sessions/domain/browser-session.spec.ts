import { clearedRefreshCookie, cookieValue, isOriginAllowed, originOf, refreshCookie } from './browser-session';

describe('browser sessions (cookie and Origin rules)', () => {
  it('sets the refresh cookie HttpOnly, Secure, SameSite=Strict on /v1/auth for 30 days, and clears it with Max-Age=0', () => {
    expect(refreshCookie('infobank_refresh', 'abc')).toBe(
      'infobank_refresh=abc; HttpOnly; Secure; SameSite=Strict; Path=/v1/auth; Max-Age=2592000',
    );
    expect(clearedRefreshCookie('infobank_refresh')).toBe('infobank_refresh=; HttpOnly; Secure; SameSite=Strict; Path=/v1/auth; Max-Age=0');
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; infobank_refresh=tok-en_1; b=2', 'infobank_refresh')).toBe('tok-en_1');
    expect(cookieValue('xinfobank_refresh=1', 'infobank_refresh')).toBeUndefined();
    expect(cookieValue(undefined, 'infobank_refresh')).toBeUndefined();
    expect(cookieValue('broken; infobank_refresh=', 'infobank_refresh')).toBe('');
  });

  it('derives the request origin as a browser writes it, and refuses a Host that is no host', () => {
    expect(originOf('http', 'localhost:3000')).toBe('http://localhost:3000');
    expect(originOf('https', 'Bank.Example.JP:443')).toBe('https://bank.example.jp');
    expect(originOf('http', 'evil.example@bank.example.jp')).toBeUndefined();
    expect(originOf('http', 'bank.example.jp/path')).toBeUndefined();
    expect(originOf('ftp', 'bank.example.jp')).toBeUndefined();
    expect(originOf('http', undefined)).toBeUndefined();
  });

  it("admits only the request's own origin or a listed one, never a missing or opaque Origin", () => {
    const own = 'http://localhost:3000';
    expect(isOriginAllowed('http://localhost:3000', own, [])).toBe(true);
    expect(isOriginAllowed('http://localhost:5173', own, ['http://localhost:5173'])).toBe(true);
    expect(isOriginAllowed('http://localhost:3001', own, [])).toBe(false);
    expect(isOriginAllowed('null', own, ['null'])).toBe(false);
    expect(isOriginAllowed(undefined, own, [])).toBe(false);
    expect(isOriginAllowed('http://localhost:3000', undefined, [])).toBe(false);
  });
});
