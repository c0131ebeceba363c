import { corporateNumberProblem } from './corporate-number';
import { isCountryCode } from './country-codes';

/** What an organisation does with the bank: deposit data (provider), receive it (recipient), or both. */
export type OrganisationRole = 'provider' | 'recipient';

/** Every organisation role, in canonical order. */
export const ORGANISATION_ROLES: readonly OrganisationRole[] = ['provider', 'recipient'];

/** Whether an organisation may authenticate and act: suspended ones get no tokens. */
export type OrganisationStatus = 'active' | 'suspended';

/** An organisation's registered names: Japanese required, English optional. */
export interface OrganisationName {
  ja: string;
  en?: string;
}

/** One problem with one field of an organisation's details (path is a JSON pointer). */
export interface OrganisationFieldProblem {
  path: string;
  message: string;
}

/** The descriptive details of an organisation as the operator enters them (keys are checked elsewhere). */
export interface OrganisationDetails {
  corporateNumber: unknown;
  name: unknown;
  country: unknown;
  roles: unknown;
  webhookUrl?: unknown;
  termsVersion: unknown;
}

/** Longest accepted webhook URL (characters). */
export const MAX_WEBHOOK_URL_LENGTH = 2048;
/** Longest accepted terms version. */
export const MAX_TERMS_VERSION_LENGTH = 64;
/** Longest accepted organisation name, in either language. */
export const MAX_ORGANISATION_NAME_LENGTH = 200;

// C0/C1 control characters never belong in a name or version shown to individuals and the board.
function hasControlCharacter(value: string): boolean {
  for (const character of value) {
    const code = character.codePointAt(0) as number;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** Every problem with an organisation's details; empty when they are acceptable. */
export function organisationDetailsProblems(
  details: OrganisationDetails,
  options: { allowLocalWebhooks: boolean },
): OrganisationFieldProblem[] {
  const problems: OrganisationFieldProblem[] = [];
  const add = (path: string, message: string | undefined) => {
    if (message !== undefined) problems.push({ path, message });
  };
  add('/corporateNumber', corporateNumberProblem(details.corporateNumber));
  problems.push(...organisationNameProblems(details.name));
  add('/country', isCountryCode(details.country) ? undefined : 'must be an ISO 3166-1 alpha-2 country code such as JP');
  add('/roles', rolesProblem(details.roles));
  if (details.webhookUrl !== undefined) add('/webhookUrl', webhookUrlProblem(details.webhookUrl, options));
  add('/termsVersion', termsVersionProblem(details.termsVersion));
  return problems;
}

/** Problems with `{ ja, en? }` names. */
export function organisationNameProblems(name: unknown): OrganisationFieldProblem[] {
  if (typeof name !== 'object' || name === null || Array.isArray(name))
    return [{ path: '/name', message: 'must be an object { ja, en? }' }];
  const problems: OrganisationFieldProblem[] = [];
  const record = name as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'ja' && key !== 'en') problems.push({ path: `/name/${key}`, message: 'is not an allowed field' });
  }
  const ja = textProblem(record.ja, MAX_ORGANISATION_NAME_LENGTH);
  if (ja !== undefined) problems.push({ path: '/name/ja', message: ja });
  if (record.en !== undefined) {
    const en = textProblem(record.en, MAX_ORGANISATION_NAME_LENGTH);
    if (en !== undefined) problems.push({ path: '/name/en', message: en });
  }
  return problems;
}

/** Why `roles` is not a non-empty list of distinct organisation roles, or undefined. */
export function rolesProblem(roles: unknown): string | undefined {
  if (!Array.isArray(roles) || roles.length === 0) return 'must be a non-empty list of provider and/or recipient';
  if (!roles.every((role) => (ORGANISATION_ROLES as readonly unknown[]).includes(role))) return 'may contain only provider and recipient';
  if (new Set(roles).size !== roles.length) return 'must not repeat a role';
  return undefined;
}

/** Roles in canonical order without duplicates, so equal sets compare equal. */
export function normaliseRoles(roles: readonly OrganisationRole[]): OrganisationRole[] {
  return ORGANISATION_ROLES.filter((role) => roles.includes(role));
}

/** Why `version` is not an acceptable terms version, or undefined. */
export function termsVersionProblem(version: unknown): string | undefined {
  return textProblem(version, MAX_TERMS_VERSION_LENGTH);
}

/**
 * Why `url` is not an acceptable webhook URL, or undefined. HTTPS only (plain HTTP to localhost or
 * 127.0.0.1 only when allowed, for development); no credentials, no fragment; loopback, private and
 * link-local IP literals are refused (SSRF) unless local webhooks are allowed.
 */
export function webhookUrlProblem(url: unknown, options: { allowLocalWebhooks: boolean }): string | undefined {
  if (typeof url !== 'string' || url.length === 0) return 'must be a URL';
  if (url.length > MAX_WEBHOOK_URL_LENGTH) return `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'must not contain credentials';
  if (parsed.hash !== '') return 'must not contain a fragment';
  const local = isLocalHost(parsed.hostname);
  if (parsed.protocol === 'http:') {
    return local && options.allowLocalWebhooks ? undefined : 'must use https (plain http only for localhost in development)';
  }
  if (parsed.protocol !== 'https:') return 'must use https';
  if ((local || isInternalAddress(parsed.hostname)) && !options.allowLocalWebhooks) return 'must not point at a local or private address';
  return undefined;
}

function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1';
}

function isInternalAddress(hostname: string): boolean {
  if (hostname.startsWith('[')) {
    const address = hostname.slice(1, -1).toLowerCase();
    return address === '::1' || address === '::' || /^f[cd]/.test(address) || /^fe[89ab]/.test(address) || address.startsWith('::ffff:');
  }
  const octets = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(hostname)?.slice(1).map(Number);
  if (octets === undefined) return hostname.endsWith('.localhost') || hostname.endsWith('.internal') || hostname.endsWith('.local');
  const [a, b] = octets;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function textProblem(value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string' || value.trim().length === 0) return 'must be a non-empty string';
  if (value !== value.trim()) return 'must not start or end with whitespace';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (hasControlCharacter(value)) return 'must not contain control characters';
  return undefined;
}
