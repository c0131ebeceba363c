import type { AccountKind } from '@infobank/identity';
import type { RequestContext } from '@infobank/platform';

/** Injection token of this app's SessionRealm (which accounts sign in, which URL issues their tokens). */
export const SESSION_REALM = Symbol('SESSION_REALM');
/** Injection token of this app's LoginRateLimits. */
export const LOGIN_RATE_LIMITS = Symbol('LOGIN_RATE_LIMITS');
/** Injection token of this app's AccountClaimsSource. */
export const ACCOUNT_CLAIMS_SOURCE = Symbol('ACCOUNT_CLAIMS_SOURCE');

/**
 * Progressive delay: after `freeFailures` failed sign-ins, each further attempt must wait `baseDelayMs`
 * after the last one, doubling with every further failure up to `maxDelayMs`. Nobody is ever locked
 * out for longer than `maxDelayMs` after the last failure.
 */
export interface ProgressiveDelay {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Sign-in throttling, counted in Redis so that every instance of the app shares it. */
export interface LoginRateLimits {
  /** Per e-mail address (whether or not it names an account, so the delay reveals nothing). */
  perAccount: ProgressiveDelay;
  /** Per client address (the real client's behind TRUSTED_PROXIES). */
  perAddress: ProgressiveDelay;
  /** Failures are forgotten this long after the last one. */
  forgetAfterMs: number;
}

/**
 * Per account: 5 free failures, then 1 s doubling to at most 1 minute; per address: 20 free, then
 * 1 s doubling to at most 1 minute; failures forgotten 15 minutes after the last.
 */
export const DEFAULT_LOGIN_RATE_LIMITS: Readonly<LoginRateLimits> = {
  perAccount: { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 },
  perAddress: { freeFailures: 20, baseDelayMs: 1_000, maxDelayMs: 60_000 },
  forgetAfterMs: 15 * 60 * 1000,
};

/**
 * Adds an app's claims to an account's access tokens (the ethics board adds expertise and the
 * external flag from libs/review), and says whether the account may sign in there at all.
 */
export interface AccountClaimsSource {
  /** The claims to add to the account's tokens of `kind`, or null when the account may not sign in at this app. */
  claimsFor(ctx: RequestContext, accountId: string, kind: AccountKind): Promise<Record<string, unknown> | null>;
}

/** For apps that add nothing to their tokens. */
export const NO_EXTRA_CLAIMS: AccountClaimsSource = { claimsFor: async () => ({}) };
