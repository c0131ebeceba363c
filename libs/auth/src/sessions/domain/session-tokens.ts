import type { AccountKind } from '@infobank/identity';

/** Media type (`typ` header) of the bank's access tokens (RFC 9068). */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Media type of step-up tokens; distinct so that neither kind of token passes for the other. */
export const STEP_UP_TOKEN_TYPE = 'step-up+jwt';
/** Access tokens live 15 minutes; the refresh token gets the next one. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 15 * 60;
/** A step-up (password re-entry) counts for 5 minutes of sensitive actions. */
export const STEP_UP_TOKEN_LIFETIME_SECONDS = 5 * 60;

/** The role an access token grants: the kind of account it was issued to. */
export type SessionRole = AccountKind;

/**
 * Which accounts sign in at an app, and the URL that issues and accepts its tokens. The first kind is
 * the app's own (it names the app's sign-in throttle); the ethics board also signs complaints desk
 * staff in, each with their own role.
 */
export interface SessionRealm {
  accountKinds: readonly [AccountKind, ...AccountKind[]];
  /** The app's public URL: `iss` and `aud` of every token it issues and the only ones it accepts. */
  publicUrl: string;
}

/** What an app hands out when a person signs in or refreshes. */
export interface SessionTokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
}

/** What a verified access token says about its bearer. */
export interface AccessTokenClaims {
  accountId: string;
  role: SessionRole;
  /** Claims the app added for this account (board members: expertise, external). */
  extra: Readonly<Record<string, unknown>>;
  /** When the token was issued (`iat`, whole seconds), as a time. */
  issuedAt: Date;
}

/** True when accounts of `kind` sign in at the app of this realm. */
export function realmServes(realm: SessionRealm, kind: unknown): kind is AccountKind {
  return (realm.accountKinds as readonly unknown[]).includes(kind);
}
