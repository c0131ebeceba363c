import type { FieldProblem } from '@infobank/platform';

/**
 * Whose account it is; each kind signs in at its own app (individuals at the portal; board members and
 * complaints desk staff at the board's app, each with their own role).
 */
export const ACCOUNT_KINDS = ['individual', 'board_member', 'staff'] as const;

/** Whose account it is: an individual (本人), a data ethics board member, or a complaints desk member (苦情相談窓口). */
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** Languages the bank speaks to a person in. */
export const LANGUAGES = ['ja', 'en'] as const;

/** The language a person reads notices and receipts in. */
export type Language = (typeof LANGUAGES)[number];

/** Shortest password accepted (in characters), per NIST SP 800-63B for single-factor passwords. */
export const PASSWORD_MIN_LENGTH = 12;
/** Longest password accepted (in characters): long passphrases are welcome, megabytes are not. */
export const PASSWORD_MAX_LENGTH = 200;
/** Longest e-mail address (RFC 5321 path limit). */
export const EMAIL_MAX_LENGTH = 254;
/** Longest display name, in characters. */
export const DISPLAY_NAME_MAX_LENGTH = 100;

/** What a new account is made of, before its password is hashed. */
export interface AccountDetails {
  email: string;
  password: string;
  displayName: string;
  language: Language;
}

/**
 * The form an e-mail address is stored and compared in: trimmed, NFC, lower case. Two addresses that
 * differ only in case are one account (providers treat them so in practice).
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** Length in characters as a person counts them (code points, so 漢字 and emoji count once). */
export function characterCount(text: string): number {
  return [...text].length;
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** Every problem with a new account's details, each naming its field. */
export function accountDetailsProblems(details: Partial<Record<keyof AccountDetails, unknown>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { email, password, displayName, language } = details;
  if (typeof email !== 'string' || !emailShape.test(normaliseEmail(email)) || normaliseEmail(email).length > EMAIL_MAX_LENGTH) {
    problems.push({ path: '/email', message: 'must be an e-mail address' });
  }
  if (typeof password !== 'string') {
    problems.push({ path: '/password', message: 'must be a string' });
  } else if (characterCount(password) < PASSWORD_MIN_LENGTH || characterCount(password) > PASSWORD_MAX_LENGTH) {
    problems.push({ path: '/password', message: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long` });
  }
  if (typeof displayName !== 'string' || displayName.trim().length === 0 || characterCount(displayName) > DISPLAY_NAME_MAX_LENGTH) {
    problems.push({ path: '/displayName', message: `must be 1 to ${DISPLAY_NAME_MAX_LENGTH} characters long` });
  }
  if (!(LANGUAGES as readonly unknown[]).includes(language)) {
    problems.push({ path: '/language', message: `must be one of ${LANGUAGES.join(', ')}` });
  }
  return problems;
}
