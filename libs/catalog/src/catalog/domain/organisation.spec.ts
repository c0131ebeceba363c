import { isCountryCode } from './country-codes';
import { isUuid } from './identifiers';
import {
  normaliseRoles,
  organisationDetailsProblems,
  organisationNameProblems,
  rolesProblem,
  termsVersionProblem,
  webhookUrlProblem,
} from './organisation';

const strict = { allowLocalWebhooks: false };
const development = { allowLocalWebhooks: true };

describe('organisation details', () => {
  it('Given complete valid details, when checked, then there is no problem', () => {
    const problems = organisationDetailsProblems(
      {
        corporateNumber: '7000012050002',
        name: { ja: '国税庁', en: 'National Tax Agency' },
        country: 'JP',
        roles: ['provider'],
        termsVersion: 'v1',
      },
      strict,
    );
    expect(problems).toEqual([]);
  });

  it('Given invalid details, when checked, then each field is named once', () => {
    const problems = organisationDetailsProblems(
      {
        corporateNumber: '123',
        name: { ja: '' },
        country: 'jp',
        roles: ['owner'],
        webhookUrl: 'http://example.com',
        termsVersion: 'x'.repeat(65),
      },
      strict,
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      '/corporateNumber',
      '/name/ja',
      '/country',
      '/roles',
      '/webhookUrl',
      '/termsVersion',
    ]);
  });

  describe('country', () => {
    it.each(['JP', 'US', 'DE', 'SG', 'GB'])('Given %s, then it is an assigned ISO 3166-1 code', (code) =>
      expect(isCountryCode(code)).toBe(true),
    );
    it.each(['jp', 'XX', 'UK', 'JPN', 'EU', '', 12])('Given %p, then it is refused', (code) => expect(isCountryCode(code)).toBe(false));
  });

  describe('roles', () => {
    it('Given one or both roles, then they are accepted and normalised to canonical order', () => {
      expect(rolesProblem(['recipient'])).toBeUndefined();
      expect(rolesProblem(['recipient', 'provider'])).toBeUndefined();
      expect(normaliseRoles(['recipient', 'provider'])).toEqual(['provider', 'recipient']);
    });

    it.each([[[]], [['provider', 'provider']], [['admin']], ['provider'], [null]])('Given %p, then it is refused', (roles) => {
      expect(rolesProblem(roles)).toEqual(expect.any(String));
    });
  });

  describe('names', () => {
    it('Given Japanese only, then it is accepted; an unknown language is named', () => {
      expect(organisationNameProblems({ ja: '株式会社サンプル' })).toEqual([]);
      expect(organisationNameProblems({ ja: 'サンプル', fr: 'Exemple' })).toEqual([
        { path: '/name/fr', message: 'is not an allowed field' },
      ]);
    });

    it.each([[{ en: 'Only English' }], [{ ja: ' 前後に空白 ' }], [{ ja: 'a\u0000b' }], ['株式会社'], [{ ja: 'x'.repeat(201) }]])(
      'Given %p, then it is refused',
      (name) => {
        expect(organisationNameProblems(name)).not.toEqual([]);
      },
    );
  });

  describe('webhook URL', () => {
    it('Given an https URL, then it is accepted', () => {
      expect(webhookUrlProblem('https://hooks.example.co.jp/infobank?x=1', strict)).toBeUndefined();
    });

    it('Given plain http to localhost or 127.0.0.1, then only development accepts it', () => {
      for (const url of ['http://localhost:8080/hook', 'http://127.0.0.1/hook']) {
        expect(webhookUrlProblem(url, development)).toBeUndefined();
        expect(webhookUrlProblem(url, strict)).toEqual(expect.any(String));
      }
      expect(webhookUrlProblem('http://example.com/hook', development)).toMatch(/https/);
    });

    it.each([
      ['https://user:secret@example.com/hook', /credentials/],
      ['https://example.com/hook#frag', /fragment/],
      ['ftp://example.com/hook', /https/],
      ['javascript:alert(1)', /https/],
      ['/relative/hook', /absolute/],
      [`https://example.com/${'a'.repeat(2048)}`, /2048/],
      ['https://10.0.0.5/hook', /private/],
      ['https://169.254.169.254/latest/meta-data', /private/],
      ['https://[::1]/hook', /private/],
      ['https://localhost/hook', /private/],
    ])('Given %s, then it is refused', (url, message) => {
      expect(webhookUrlProblem(url, strict)).toMatch(message);
    });
  });

  it('Given a terms version, then it must be non-empty and at most 64 characters', () => {
    expect(termsVersionProblem('2025-04')).toBeUndefined();
    expect(termsVersionProblem('x'.repeat(64))).toBeUndefined();
    expect(termsVersionProblem('x'.repeat(65))).toMatch(/64/);
    expect(termsVersionProblem('')).toEqual(expect.any(String));
    expect(termsVersionProblem(3)).toEqual(expect.any(String));
  });

  it('Given UUIDs and other strings, then only canonical UUIDs pass', () => {
    expect(isUuid('0b6f3c0e-4b0e-4c63-9a53-0d2f1e8f6a11')).toBe(true);
    expect(isUuid('0b6f3c0e4b0e4c639a530d2f1e8f6a11')).toBe(false);
    expect(isUuid("' OR 1=1")).toBe(false);
  });
});
