import type { EntityManager } from 'typeorm';

/** Injection token of this app's SessionRealm (which accounts sign in, which URL issues their tokens). */
export const SESSION_REALM = Symbol('SESSION_REALM');
/** Injection token of this app's LoginRateLimits. */
export const LOGIN_RATE_LIMITS = Symbol('LOGIN_RATE_LIMITS');
/** Injection token of this app's AccountClaimsSource. */
export const ACCOUNT_CLAIMS_SOURCE = Symbol('ACCOUNT_CLAIMS_SOURCE');

/** At most `maxFailures` failed sign-ins per `windowMs` (a fixed window that starts at the first failure). */
export interface LoginRateLimit {
  maxFailures: number;
  windowMs: number;
}

/** Sign-in throttling, counted in Redis so that every instance of the app shares it. */
export interface LoginRateLimits {
  /** Per e-mail address (whether or not it names an account, so the limit reveals nothing). */
  perAccount: LoginRateLimit;
  /** Per client address. */
  perAddress: LoginRateLimit;
}

/** 5 failures per account and 20 per address, each per 15 minutes. */
export const DEFAULT_LOGIN_RATE_LIMITS: Readonly<LoginRateLimits> = {
  perAccount: { maxFailures: 5, windowMs: 15 * 60 * 1000 },
  perAddress: { maxFailures: 20, windowMs: 15 * 60 * 1000 },
};

/**
 * Adds an app's claims to an account's access tokens (the ethics board adds expertise and the
 * external flag from libs/review), and says whether the account may sign in there at all.
 */
export interface AccountClaimsSource {
  /** The claims to add, or null when the account may not sign in at this app. */
  claimsFor(accountId: string, manager?: EntityManager): Promise<Record<string, unknown> | null>;
}

/** For apps that add nothing to their tokens. */
export const NO_EXTRA_CLAIMS: AccountClaimsSource = { claimsFor: async () => ({}) };
