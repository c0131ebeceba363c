import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type RequestContext } from '@infobank/platform';
import { ConsentNotFoundError } from '../consent.errors';
import { ConsentLedger } from './consent-ledger';
import type { ConsentChangeResult } from './grant-consent.use-case';

/** Longest revocation reason kept (free text the individual writes). */
export const MAX_REVOCATION_REASON_LENGTH = 500;

function ownerOf(ctx: RequestContext, consentId: string): { individualId: string } {
  if (ctx.actor.type !== 'individual') throw new ConsentNotFoundError(consentId);
  return { individualId: ctx.actor.id };
}

function resultOf(recorded: {
  state: { consentId: string; status: ConsentChangeResult['state']; version: number };
  receipt: string;
}): ConsentChangeResult {
  return { consentId: recorded.state.consentId, state: recorded.state.status, version: recorded.state.version, receipt: recorded.receipt };
}

/** Pauses my consent (一時停止): nothing is provided until I resume it. CONSENT_ALREADY_PAUSED, CONSENT_ENDED. */
@Injectable()
export class PauseConsentUseCase {
  constructor(private readonly ledger: ConsentLedger) {}

  async execute(ctx: RequestContext, consentId: string): Promise<ConsentChangeResult> {
    return resultOf(await this.ledger.change(ctx, consentId, ownerOf(ctx, consentId), (now) => ({ type: 'pause', now }), 'individual'));
  }
}

/** Resumes my paused consent. CONSENT_NOT_PAUSED, CONSENT_ENDED. */
@Injectable()
export class ResumeConsentUseCase {
  constructor(private readonly ledger: ConsentLedger) {}

  async execute(ctx: RequestContext, consentId: string): Promise<ConsentChangeResult> {
    return resultOf(await this.ledger.change(ctx, consentId, ownerOf(ctx, consentId), (now) => ({ type: 'resume', now }), 'individual'));
  }
}

/** Revokes my consent (同意の撤回), for good. CONSENT_ALREADY_REVOKED, CONSENT_ENDED. */
@Injectable()
export class RevokeConsentUseCase {
  constructor(private readonly ledger: ConsentLedger) {}

  async execute(ctx: RequestContext, consentId: string, command: { reason?: string | null }): Promise<ConsentChangeResult> {
    const reason = command.reason?.trim() || null;
    if (reason !== null && reason.length > MAX_REVOCATION_REASON_LENGTH) {
      throw new ValidationFailedError([{ path: '/reason', message: `must be at most ${MAX_REVOCATION_REASON_LENGTH} characters` }]);
    }
    return resultOf(
      await this.ledger.change(ctx, consentId, ownerOf(ctx, consentId), (now) => ({ type: 'revoke', reason, now }), 'individual'),
    );
  }
}
