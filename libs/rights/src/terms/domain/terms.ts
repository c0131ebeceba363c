import type { FieldProblem } from '@infobank/platform';

/**
 * Who a version of the bank's terms binds: individuals (利用規約・委任契約), recipients (提供先との契約,
 * which forbids onward transfer, 再提供禁止) or providers (提供元との契約).
 */
export const TERMS_AUDIENCES = ['individual', 'recipient', 'provider'] as const;
export type TermsAudience = (typeof TERMS_AUDIENCES)[number];

/** The organisation contracts: the audiences an organisation accepts for its roles. */
export type ContractAudience = Exclude<TermsAudience, 'individual'>;

/** How an acceptance was given: at registration, in the portal, through an organisation's API, or on paper (recorded by the operator). */
export const ACCEPTANCE_METHODS = ['registration', 'portal', 'api', 'paper'] as const;
export type AcceptanceMethod = (typeof ACCEPTANCE_METHODS)[number];

/** A version label: letters, digits, dot, hyphen and underscore, e.g. `2026-12`. */
export const TERMS_VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The longest text a version may hold in one language (a long contract fits well within it). */
export const TERMS_TEXT_MAX_LENGTH = 200_000;

/** The words a recipient contract must contain in each language: its no-onward-transfer clause (再提供禁止). */
export const ONWARD_TRANSFER_CLAUSE = { ja: '再提供', en: 'onward transfer' } as const;

/** A version of the terms in Japanese and English, as the operator publishes it. */
export interface TermsText {
  audience: TermsAudience;
  version: string;
  ja: string;
  en: string;
}

/** A published version: its texts and when it took effect (on publication). */
export interface PublishedTerms extends TermsText {
  publishedAt: Date;
}

/** One acceptance of one version by one party (an individual or an organisation). */
export interface TermsAcceptance {
  audience: TermsAudience;
  version: string;
  acceptedAt: Date;
  method: AcceptanceMethod;
}

/** What is wrong with a version the operator wants to publish; empty when it may be published. */
export function termsTextProblems(text: Partial<Record<keyof TermsText, unknown>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!TERMS_AUDIENCES.includes(text.audience as TermsAudience)) {
    problems.push({ path: '/audience', message: `must be one of ${TERMS_AUDIENCES.join(', ')}` });
  }
  if (typeof text.version !== 'string' || !TERMS_VERSION_PATTERN.test(text.version)) {
    problems.push({
      path: '/version',
      message: 'must be 1 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or digit',
    });
  }
  for (const language of ['ja', 'en'] as const) {
    const value = text[language];
    if (typeof value !== 'string' || value.trim() === '') problems.push({ path: `/${language}`, message: 'must be a non-empty text' });
    else if (value.length > TERMS_TEXT_MAX_LENGTH)
      problems.push({ path: `/${language}`, message: `must be at most ${TERMS_TEXT_MAX_LENGTH} characters` });
    else if (text.audience === 'recipient' && !value.toLowerCase().includes(ONWARD_TRANSFER_CLAUSE[language])) {
      problems.push({
        path: `/${language}`,
        message: `a recipient contract must state that onward transfer is forbidden (contain "${ONWARD_TRANSFER_CLAUSE[language]}")`,
      });
    }
  }
  return problems;
}

/**
 * The version a party must accept before acting, or null when nothing is required: nothing was ever
 * published for the audience, or the current version is among those the party accepted.
 */
export function versionToAccept(current: Pick<PublishedTerms, 'version'> | null, acceptedVersions: readonly string[]): string | null {
  if (current === null) return null;
  return acceptedVersions.includes(current.version) ? null : current.version;
}

/**
 * Whether `acceptedVersion` may be recorded as accepted now: only the current version can be accepted
 * (an older one binds no one any more, and a version that was never published is no agreement).
 */
export function mayAccept(current: Pick<PublishedTerms, 'version'> | null, acceptedVersion: string | undefined): boolean {
  if (current === null) return acceptedVersion === undefined;
  return acceptedVersion === current.version;
}
