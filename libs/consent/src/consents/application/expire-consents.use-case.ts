import { Inject, Injectable } from '@nestjs/common';
import { GetOfferForReviewUseCase, OfferNotFoundError, type OfferStatus } from '@infobank/offers';
import { LOGGER, type RequestContext } from '@infobank/platform';
import type { Logger } from 'pino';
import type { ExpiryCause } from '../domain/consent';
import { expiryCauseOfOffer } from '../domain/consent-expiry';
import { ConsentCommandRefusedError } from '../../consent.errors';
import { ConsentStore } from '../infrastructure/consent.store';
import { ConsentLedger } from './consent-ledger';

/** Consents expired per run at most (the schedule runs every minute, so a backlog drains in pages). */
export const EXPIRY_BATCH = 200;

/** Offers with live consents read per page while looking for offers that ended. */
const OFFER_PAGE = 1_000;

/** Before every offer id. */
const FIRST_OFFER_CURSOR = '00000000-0000-0000-0000-000000000000';

/** What one sweep did: consents expired, and consents that failed and were left for a later run. */
export interface ExpirySweepResult {
  expired: number;
  skipped: number;
}

/**
 * The scheduled expiry (worker, system actor): records `consent_expired` for live consents past
 * their `expiresAt` and for live consents whose offer is no longer approved. Each consent is its own
 * transaction; one that changed meanwhile is simply skipped (the next run sees it again if needed).
 * One that fails for any other reason (a broken row) is logged by id, counted as skipped and left
 * live, so that it never stops the expiry of every other consent.
 */
@Injectable()
export class ExpireConsentsUseCase {
  constructor(
    private readonly consents: ConsentStore,
    private readonly offers: GetOfferForReviewUseCase,
    private readonly ledger: ConsentLedger,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(ctx: RequestContext): Promise<ExpirySweepResult> {
    const sweep = { expired: 0, failed: new Set<string>() };
    for (const id of await this.consents.idsPastExpiry(ctx, ctx.now(), EXPIRY_BATCH)) await this.expire(ctx, sweep, id, 'expires_at');
    // Every offer with live consents, page by page (keyset), so no offer is left behind however many there are.
    for (let after = FIRST_OFFER_CURSOR; ;) {
      const offerIds = await this.consents.offersWithLiveConsents(ctx, after, OFFER_PAGE);
      for (const offerId of offerIds) await this.expireUnderOffer(ctx, sweep, offerId);
      if (offerIds.length < OFFER_PAGE) break;
      after = offerIds[offerIds.length - 1];
    }
    return { expired: sweep.expired, skipped: sweep.failed.size };
  }

  private async expireUnderOffer(ctx: RequestContext, sweep: Sweep, offerId: string): Promise<void> {
    const cause = expiryCauseOfOffer(await this.offerStatus(ctx, offerId));
    if (cause === null) return;
    for (const id of await this.consents.liveIdsUnderOffer(ctx, offerId, EXPIRY_BATCH)) await this.expire(ctx, sweep, id, cause);
  }

  /** The offer's status; null when it no longer exists. */
  private async offerStatus(ctx: RequestContext, offerId: string): Promise<OfferStatus | null> {
    try {
      return (await this.offers.execute(ctx, offerId)).status;
    } catch (error) {
      if (error instanceof OfferNotFoundError) return null;
      throw error;
    }
  }

  private async expire(ctx: RequestContext, sweep: Sweep, consentId: string, cause: ExpiryCause): Promise<void> {
    // A consent that already failed in this run is not tried again until the next one.
    if (sweep.failed.has(consentId)) return;
    try {
      await this.ledger.change(ctx, consentId, {}, (now) => ({ type: 'expire', cause, now }), 'bank');
      sweep.expired += 1;
    } catch (error) {
      // Ended or changed meanwhile: nothing to expire.
      if (error instanceof ConsentCommandRefusedError) return;
      sweep.failed.add(consentId);
      // The consent id only: the error may quote the row, which holds personal data.
      this.logger.error({ consentId, cause, error: error instanceof Error ? error.name : typeof error }, 'consent expiry failed; skipped');
    }
  }
}

interface Sweep {
  expired: number;
  failed: Set<string>;
}
