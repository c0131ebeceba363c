import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import type { SessionRealm } from '../domain/session-tokens';
import { AccountStore } from '@infobank/identity';
import { LoginRateLimiter } from '../infrastructure/login-rate-limiter';
import { InvalidCredentialsError, UnauthenticatedError } from '../sessions.errors';
import { PasswordHasher } from '@infobank/identity';
import { SESSION_REALM } from './session-settings';
import { signedInAccount } from './signed-in-account';
import { SessionTokens } from './session-tokens';

/** A short-lived proof of a fresh password entry, for sensitive actions. */
export interface StepUpToken {
  stepUpToken: string;
  /** Seconds it stays valid (300). */
  expiresIn: number;
}

/**
 * Re-checks the signed-in person's password and issues a 5-minute step-up token, required for
 * sensitive actions (consent to sensitive data, erasure). A wrong password counts as a failed
 * sign-in for the account's throttle, so step-up is no password oracle.
 */
@Injectable()
export class StepUpUseCase {
  constructor(
    private readonly accounts: AccountStore,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly tokens: SessionTokens,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  async execute(ctx: RequestContext, command: { password: string; clientAddress: string }): Promise<StepUpToken> {
    const { id: accountId, kind } = signedInAccount(ctx, this.realm);
    const account = await this.accounts.findById(ctx, accountId, kind);
    if (account === null || account.disabledAt !== null) throw new UnauthenticatedError();
    const attempt = await this.limiter.begin(account.email, command.clientAddress);
    if (!(await this.hasher.verify(command.password, account.passwordHash))) {
      await this.limiter.failed(attempt);
      throw new InvalidCredentialsError();
    }
    await this.limiter.succeeded(attempt);
    const issued = await this.tokens.issueStepUpToken(account.id, kind);
    return { stepUpToken: issued.token, expiresIn: issued.expiresIn };
  }
}
