import {
  clientAssertionReplayWindowSeconds,
  clientAssertionTimeProblem,
  dpopIssuedAtProblem,
  isUsableJti,
  MAX_JTI_LENGTH,
} from './client-authentication-policy';
import { endpointUrl, parseDpopAuthorization, sameHttpTarget } from './http-target';

const now = 1_750_000_000;

describe('client assertion times', () => {
  it('accepts an assertion that expires within five minutes', () => {
    expect(clientAssertionTimeProblem({ iat: now, exp: now + 300 }, now)).toBeUndefined();
  });

  it.each([
    ['no exp', { iat: now }, /no numeric "exp"/],
    ['expired', { iat: now - 120, exp: now - 60 }, /expired/],
    ['exp ten minutes ahead', { iat: now, exp: now + 600 }, /more than 300 seconds ahead/],
    ['iat in the future', { iat: now + 60, exp: now + 120 }, /in the future/],
    ['nbf in the future', { exp: now + 120, nbf: now + 60 }, /not valid yet/],
  ])('refuses %s', (_name, claims, problem) => {
    expect(clientAssertionTimeProblem(claims, now)).toMatch(problem);
  });

  it('remembers a used jti until the assertion expires, plus the clock skew', () => {
    expect(clientAssertionReplayWindowSeconds(now + 60, now)).toBe(70);
    expect(clientAssertionReplayWindowSeconds(now - 5, now)).toBe(5);
  });
});

describe('DPoP proof iat', () => {
  it.each([now, now - 60, now + 60])('accepts iat %p (within ±60 s)', (iat) => {
    expect(dpopIssuedAtProblem(iat, now)).toBeUndefined();
  });

  it.each([
    [now - 61, /too old/],
    [now + 61, /future/],
    ['1750000000', /no numeric/],
  ])('refuses iat %p', (iat, problem) => {
    expect(dpopIssuedAtProblem(iat, now)).toMatch(problem);
  });
});

describe('jti', () => {
  it('must be a non-empty string of bounded length', () => {
    expect(isUsableJti('a')).toBe(true);
    expect(isUsableJti('')).toBe(false);
    expect(isUsableJti(42)).toBe(false);
    expect(isUsableJti('x'.repeat(MAX_JTI_LENGTH + 1))).toBe(false);
  });
});

describe('HTTP targets', () => {
  it('joins a public URL (with or without a path prefix) and a request path, dropping the query', () => {
    expect(endpointUrl('https://bank.example/', '/oauth/token')).toBe('https://bank.example/oauth/token');
    expect(endpointUrl('https://bank.example/gateway', '/v1/organisation?x=1')).toBe('https://bank.example/gateway/v1/organisation');
  });

  it('compares htu without query or fragment, after syntax-based normalisation', () => {
    expect(sameHttpTarget('HTTPS://Bank.Example:443/v1/organisation?x=1#f', 'https://bank.example/v1/organisation')).toBe(true);
    expect(sameHttpTarget('https://bank.example/v1/./organisation', 'https://bank.example/v1/organisation')).toBe(true);
  });

  it.each([
    ['another path', 'https://bank.example/v1/other'],
    ['another host', 'https://evil.example/v1/organisation'],
    ['another scheme', 'http://bank.example/v1/organisation'],
    ['another port', 'https://bank.example:8443/v1/organisation'],
    ['user info', 'https://user@bank.example/v1/organisation'],
    ['a relative URL', '/v1/organisation'],
    ['not a string', 42],
  ])('tells %s apart', (_name, claimed) => {
    expect(sameHttpTarget(claimed, 'https://bank.example/v1/organisation')).toBe(false);
  });
});

describe('Authorization header', () => {
  it('reads the DPoP scheme case-insensitively', () => {
    expect(parseDpopAuthorization('DPoP abc.def.ghi')).toEqual({ kind: 'dpop', token: 'abc.def.ghi' });
    expect(parseDpopAuthorization('dpop abc.def.ghi')).toEqual({ kind: 'dpop', token: 'abc.def.ghi' });
  });

  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['Bearer abc.def.ghi', 'other-scheme'],
    ['DPoP', 'malformed'],
    ['DPoP a b', 'malformed'],
    ['DPoP a"b', 'malformed'],
  ])('classifies %p as %s', (header, kind) => {
    expect(parseDpopAuthorization(header).kind).toBe(kind);
  });
});
