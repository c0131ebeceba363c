import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type RequestContext } from '@infobank/platform';
import { ConsentCommandRefusedError, ConsentNotFoundError } from '../../consent.errors';
import { ConsentStore } from '../infrastructure/consent.store';
import { ConsentLedger } from './consent-ledger';
import { changeResultOf, type ConsentChangeResult } from './grant-consent.use-case';

/** Longest revocation reason kept (free text the individual writes). */
export const MAX_REVOCATION_REASON_LENGTH = 500;

function ownerOf(ctx: RequestContext, consentId: string): { individualId: string } {
  if (ctx.actor.type !== 'individual') throw new ConsentNotFoundError(consentId);
  return { individualId: ctx.actor.id };
}

/** Pauses my consent (一時停止): nothing is provided until I resume it. CONSENT_ALREADY_PAUSED, CONSENT_ENDED. */
@Injectable()
export class PauseConsentUseCase {
  constructor(private readonly ledger: ConsentLedger) {}

  async execute(ctx: RequestContext, consentId: string): Promise<ConsentChangeResult> {
    return changeResultOf(
      await this.ledger.change(ctx, consentId, ownerOf(ctx, consentId), (now) => ({ type: 'pause', now }), 'individual'),
    );
  }
}

/** Resumes my paused consent. CONSENT_NOT_PAUSED, CONSENT_ENDED. */
@Injectable()
export class ResumeConsentUseCase {
  constructor(private readonly ledger: ConsentLedger) {}

  async execute(ctx: RequestContext, consentId: string): Promise<ConsentChangeResult> {
    return changeResultOf(
      await this.ledger.change(ctx, consentId, ownerOf(ctx, consentId), (now) => ({ type: 'resume', now }), 'individual'),
    );
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
    return changeResultOf(
      await this.ledger.change(ctx, consentId, ownerOf(ctx, consentId), (now) => ({ type: 'revoke', reason, now }), 'individual'),
    );
  }
}

/** Why the bank revoked the consents of a closed account (stored in each revocation event and receipt). */
export const ACCOUNT_CLOSED_REASON = 'account_closed';

/**
 * The individual closed their account (退会): every live consent of theirs is revoked, each a ledger
 * event with its receipt and log leaf (and its `consent.ended` job, which notifies recipients), so nothing
 * can be provided or granted under it again. In the caller's transaction when it has one (the closing
 * transaction itself: the live consents are locked FOR UPDATE in id order, then revoked, all or nothing);
 * otherwise each consent is revoked in its own transaction. Running it again revokes only what is still live.
 */
@Injectable()
export class RevokeConsentsOfClosedAccountUseCase {
  constructor(
    private readonly consents: ConsentStore,
    private readonly ledger: ConsentLedger,
  ) {}

  async execute(ctx: RequestContext, command: { individualId: string }): Promise<{ revoked: number }> {
    const live = await this.consents.liveIdsOfIndividual(ctx, command.individualId);
    let revoked = 0;
    for (const id of live) {
      try {
        await this.ledger.change(
          ctx,
          id,
          { individualId: command.individualId },
          (now) => ({ type: 'revoke', reason: ACCOUNT_CLOSED_REASON, now }),
          'individual',
        );
        revoked += 1;
      } catch (error) {
        // Revoked or expired meanwhile: already what closure wants.
        if (!(error instanceof ConsentCommandRefusedError)) throw error;
      }
    }
    return { revoked };
  }
}
