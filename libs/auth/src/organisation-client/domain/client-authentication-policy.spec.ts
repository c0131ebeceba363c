import {
  clientAssertionAudienceProblem,
  clientAssertionEarliestAcceptance,
  clientAssertionReplayWindowSeconds,
  clientAssertionTimeProblem,
  dpopEarliestAcceptance,
  dpopIssuedAtProblem,
  isUsableJti,
  MAX_JTI_LENGTH,
  mayPredateReplayEpoch,
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

describe('client assertion audience', () => {
  const bank = { issuer: 'https://intake.bank.example', tokenEndpointUrl: 'https://intake.bank.example/oauth/token' };

  it.each([
    ['the issuer identifier', bank.issuer],
    ['the token endpoint URL', bank.tokenEndpointUrl],
    ['an array of the issuer alone', [bank.issuer]],
    ['an array of both', [bank.issuer, bank.tokenEndpointUrl]],
  ])('accepts %s', (_name, aud) => {
    expect(clientAssertionAudienceProblem(aud, bank)).toBeUndefined();
  });

  it.each([
    ['another server', 'https://gateway.bank.example'],
    ['an array that also names another server', [bank.issuer, 'https://attacker.example']],
    ['an empty array', []],
    ['no aud', undefined],
    ['the issuer with a trailing slash', `${bank.issuer}/`],
  ])('refuses %s', (_name, aud) => {
    expect(clientAssertionAudienceProblem(aud, bank)).toBeDefined();
  });
});

describe('replay epochs (the spent ids before a Redis data loss are gone)', () => {
  const lossAt = now;

  it('refuses a DPoP proof that could have been accepted before the loss, and one issued after the window', () => {
    // A proof dated up to 60 s ahead was acceptable before the loss; one dated after that (and the skew) was not.
    expect(mayPredateReplayEpoch(dpopEarliestAcceptance(lossAt - 30), lossAt)).toBe(true);
    expect(mayPredateReplayEpoch(dpopEarliestAcceptance(lossAt + 60), lossAt)).toBe(true);
    expect(mayPredateReplayEpoch(dpopEarliestAcceptance(lossAt + 71), lossAt)).toBe(false);
  });

  it('judges an assertion by its iat when it has one, by its exp otherwise', () => {
    expect(mayPredateReplayEpoch(clientAssertionEarliestAcceptance({ iat: lossAt - 5, exp: lossAt + 55 }), lossAt)).toBe(true);
    expect(mayPredateReplayEpoch(clientAssertionEarliestAcceptance({ iat: lossAt + 21, exp: lossAt + 81 }), lossAt)).toBe(false);
    // Without iat, only an exp beyond what was acceptable before the loss proves it new.
    expect(mayPredateReplayEpoch(clientAssertionEarliestAcceptance({ exp: lossAt + 81 }), lossAt)).toBe(true);
    expect(mayPredateReplayEpoch(clientAssertionEarliestAcceptance({ exp: lossAt + 331 }), lossAt)).toBe(false);
  });

  it('refuses nothing while no loss is known (epoch start 0)', () => {
    expect(mayPredateReplayEpoch(dpopEarliestAcceptance(lossAt), 0)).toBe(false);
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
