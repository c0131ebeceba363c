import { Injectable } from '@nestjs/common';
import { GetOfferForReviewUseCase, OfferNotFoundError } from '@infobank/offers';
import type { RequestContext } from '@infobank/platform';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import type { ExpiryCause } from '../domain/consent';
import { ConsentCommandRefusedError } from '../../consent.errors';
import { ConsentEntity } from '../infrastructure/consent.entity';
import { ConsentLedger } from './consent-ledger';

/** Consents expired per run at most (the schedule runs every minute, so a backlog drains in pages). */
export const EXPIRY_BATCH = 200;

/** Offers with live consents read per page while looking for offers that ended. */
const OFFER_PAGE = 1_000;

/** How an offer's status ends the consents to it; approved and suspended (a lift restores it) do not. */
const CAUSE_OF_OFFER_STATUS: Readonly<Record<string, ExpiryCause>> = {
  expired: 'offer_expired',
  withdrawn: 'offer_withdrawn',
  draft: 'offer_not_approved',
  in_review: 'offer_not_approved',
  rejected: 'offer_not_approved',
  changes_requested: 'offer_not_approved',
};

/**
 * The scheduled expiry (worker, system actor): records `consent_expired` for live consents past
 * their `expiresAt` and for live consents whose offer is no longer approved. Each consent is its own
 * transaction; one that changed meanwhile is simply skipped (the next run sees it again if needed).
 */
@Injectable()
export class ExpireConsentsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offers: GetOfferForReviewUseCase,
    private readonly ledger: ConsentLedger,
  ) {}

  async execute(ctx: RequestContext): Promise<{ expired: number }> {
    const now = new Date();
    const due = await this.dataSource.manager.find(ConsentEntity, {
      where: { endedAt: IsNull(), expiresAt: LessThanOrEqual(now) },
      select: { id: true },
      take: EXPIRY_BATCH,
    });
    let expired = 0;
    for (const { id } of due) expired += await this.expire(ctx, id, 'expires_at');
    // Every offer with live consents, page by page (keyset), so no offer is left behind however many there are.
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const offers: { offer_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT "offer_id" FROM "consents" WHERE "ended_at" IS NULL AND "offer_id" > $1 ORDER BY "offer_id" LIMIT $2`,
        [after, OFFER_PAGE],
      );
      for (const { offer_id: offerId } of offers) expired += await this.expireUnderOffer(ctx, offerId);
      if (offers.length < OFFER_PAGE) break;
      after = offers[offers.length - 1].offer_id;
    }
    return { expired };
  }

  private async expireUnderOffer(ctx: RequestContext, offerId: string): Promise<number> {
    const cause = await this.causeForOffer(ctx, offerId);
    if (cause === null) return 0;
    const live = await this.dataSource.manager.find(ConsentEntity, {
      where: { offerId, endedAt: IsNull() },
      select: { id: true },
      take: EXPIRY_BATCH,
    });
    let expired = 0;
    for (const { id } of live) expired += await this.expire(ctx, id, cause);
    return expired;
  }

  private async causeForOffer(ctx: RequestContext, offerId: string): Promise<ExpiryCause | null> {
    try {
      return CAUSE_OF_OFFER_STATUS[(await this.offers.execute(ctx, offerId)).status] ?? null;
    } catch (error) {
      if (error instanceof OfferNotFoundError) return 'offer_withdrawn';
      throw error;
    }
  }

  private async expire(ctx: RequestContext, consentId: string, cause: ExpiryCause): Promise<number> {
    try {
      await this.ledger.change(ctx, consentId, {}, (now) => ({ type: 'expire', cause, now }), 'bank');
      return 1;
    } catch (error) {
      if (error instanceof ConsentCommandRefusedError) return 0;
      throw error;
    }
  }
}
