import { Inject, Injectable } from '@nestjs/common';
import { BankKeyRing, isCryptoError, type JWTPayload } from '@infobank/crypto';
import { systemClock } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { StepUpRequiredError, UnauthenticatedError } from '../sessions.errors';
import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  ACCESS_TOKEN_TYPE,
  STEP_UP_TOKEN_LIFETIME_SECONDS,
  STEP_UP_TOKEN_TYPE,
  realmServes,
  type AccessTokenClaims,
  type SessionRealm,
  type SessionRole,
} from '../domain/session-tokens';
import { SESSION_REALM } from './session-settings';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// Registered claims an app's extra claims may not overwrite.
const RESERVED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'role']);
/** Access tokens whose signature this process has checked, kept until they expire (oldest dropped beyond this many). */
const VERIFIED_ACCESS_TOKENS_KEPT = 10_000;

/**
 * Issues and checks this app's bank-signed JWTs (EdDSA): access tokens (`at+jwt`, 15 minutes) and
 * step-up tokens (`step-up+jwt`, 5 minutes). Verification pins the algorithm, `typ`, issuer and
 * audience (this app's public URL), so a token of another app or another kind never passes.
 */
@Injectable()
export class SessionTokens {
  /**
   * Access tokens already verified here, by their exact text, with their expiry: a client sends the same token with
   * every request for its 15 minutes, and the EdDSA check (with the key's import) is most of a history read's
   * CPU. The account behind it is still read on every request (AccessTokenGuard), so closing it ends access at once.
   */
  private readonly verifiedAccessTokens = new Map<string, { claims: AccessTokenClaims; expiresAtMs: number }>();

  constructor(
    private readonly keyRing: BankKeyRing,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  /** An access token for the account, carrying its `role` (the account's kind) and the app's extra claims. */
  async issueAccessToken(
    accountId: string,
    role: SessionRole,
    extra: Record<string, unknown>,
  ): Promise<{ token: string; expiresIn: number }> {
    const claims: JWTPayload = { ...withoutReserved(extra), role };
    const token = await this.keyRing.signJwt(claims, {
      typ: ACCESS_TOKEN_TYPE,
      expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS,
      issuer: this.realm.publicUrl,
      audience: this.realm.publicUrl,
      subject: accountId,
      jti: randomUUID(),
    });
    return { token, expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS };
  }

  /**
   * Checks an access token of this app, of any role the app serves; anything wrong is UNAUTHENTICATED.
   * The caller compares the role with what its route admits.
   */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    const verified = this.verifiedAccessTokens.get(token);
    if (verified !== undefined) {
      if (systemClock().getTime() < verified.expiresAtMs) return verified.claims;
      this.verifiedAccessTokens.delete(token);
    }
    const payload = await this.verify(
      token,
      ACCESS_TOKEN_TYPE,
      (cause) => new UnauthenticatedError('The access token is not valid.', { cause }),
    );
    const { iss: _iss, sub, aud: _aud, exp, nbf: _nbf, iat, jti: _jti, role, ...extra } = payload;
    if (!realmServes(this.realm, role)) throw new UnauthenticatedError('The access token is not valid here.');
    const claims: AccessTokenClaims = { accountId: sub as string, role, extra, issuedAt: new Date((iat ?? 0) * 1000) };
    this.remember(token, claims, (exp as number) * 1000);
    return claims;
  }

  /** A step-up token: proof that the account's holder re-entered the password just now. */
  async issueStepUpToken(accountId: string, role: SessionRole): Promise<{ token: string; expiresIn: number }> {
    const token = await this.keyRing.signJwt(
      { role },
      {
        typ: STEP_UP_TOKEN_TYPE,
        expiresIn: STEP_UP_TOKEN_LIFETIME_SECONDS,
        issuer: this.realm.publicUrl,
        audience: this.realm.publicUrl,
        subject: accountId,
        jti: randomUUID(),
      },
    );
    return { token, expiresIn: STEP_UP_TOKEN_LIFETIME_SECONDS };
  }

  /** Checks that `token` is a live step-up token of this app for `accountId`; otherwise STEP_UP_REQUIRED. */
  async verifyStepUpToken(token: string | undefined, accountId: string): Promise<void> {
    if (token === undefined || token.length === 0) throw new StepUpRequiredError();
    const payload = await this.verify(token, STEP_UP_TOKEN_TYPE, (cause) => new StepUpRequiredError({ cause }));
    if (payload.sub !== accountId || !realmServes(this.realm, payload.role)) throw new StepUpRequiredError();
  }

  private remember(token: string, claims: AccessTokenClaims, expiresAtMs: number): void {
    if (this.verifiedAccessTokens.size >= VERIFIED_ACCESS_TOKENS_KEPT) {
      const now = systemClock().getTime();
      for (const [kept, { expiresAtMs: keptUntil }] of this.verifiedAccessTokens)
        if (keptUntil <= now) this.verifiedAccessTokens.delete(kept);
      // Still full of live tokens: drop the oldest (a Map iterates in insertion order).
      const oldest = this.verifiedAccessTokens.keys().next();
      if (this.verifiedAccessTokens.size >= VERIFIED_ACCESS_TOKENS_KEPT && oldest.done !== true)
        this.verifiedAccessTokens.delete(oldest.value);
    }
    this.verifiedAccessTokens.set(token, { claims, expiresAtMs });
  }

  private async verify(token: string, typ: string, refuse: (cause: unknown) => Error): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await this.keyRing.verifyBankJwt(token, { audience: this.realm.publicUrl, issuer: this.realm.publicUrl, typ }));
    } catch (error) {
      if (isCryptoError(error)) throw refuse(error);
      throw error;
    }
    if (typeof payload.sub !== 'string' || !uuidPattern.test(payload.sub)) throw refuse(undefined);
    return payload;
  }
}

function withoutReserved(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([name]) => !RESERVED_CLAIMS.has(name)));
}
