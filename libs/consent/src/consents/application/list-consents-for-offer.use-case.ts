import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { ValidationFailedError, type RequestContext, requireBankActor } from '@infobank/platform';
import type { GrantedConsent } from '../domain/consent';
import { ConsentStore } from '../infrastructure/consent.store';

/**
 * Who may be provided to an offer's recipient (transfers, system or operator actor): one consent per
 * individual who ever consented to the offer — the live one (active or paused) if there is one, else
 * the most recently granted ended one, so that a transfer can say the individual revoked or expired.
 * Ordered by individual id.
 */
@Injectable()
export class ListConsentsForOfferUseCase {
  constructor(private readonly consents: ConsentStore) {}

  async execute(ctx: RequestContext, query: { offerId: string }): Promise<GrantedConsent[]> {
    requireBankActor(ctx, { detail: "Listing the consents to an offer is for the bank's own processes only" });
    if (!isUuid(query.offerId)) throw new ValidationFailedError([{ path: '/offerId', message: 'must be a uuid' }]);
    return this.consents.latestPerIndividualForOffer(ctx, query.offerId);
  }
}
