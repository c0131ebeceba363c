import { Injectable } from '@nestjs/common';
import { type RequestContext, actorIsOneOf, requireRecipient } from '@infobank/platform';
import type { OfferSnapshot } from '../domain/offer';
import { toOfferSnapshot } from '../infrastructure/offer-snapshot';
import { OfferStore } from '../infrastructure/offer.store';
import { OfferNotFoundError } from '../../offers.errors';

/** How the transfer builder reads the offer: `lock: 'share'` holds it unchanged until the caller's transaction ends. */
export interface GetOfferForProvisionOptions {
  lock?: 'share';
}

/**
 * The offer a transfer provides data under, with its effective status (expiry included). The bank's
 * worker and operator read any offer; a recipient reads only its own; anyone else, a malformed id and a
 * missing offer get OfferNotFoundError. With `lock: 'share'` the row is locked FOR SHARE in the caller's
 * transaction, so a concurrent suspension or withdrawal waits until the package is recorded.
 */
@Injectable()
export class GetOfferForProvisionUseCase {
  constructor(private readonly offers: OfferStore) {}

  async execute(ctx: RequestContext, offerId: string, options: GetOfferForProvisionOptions = {}): Promise<OfferSnapshot> {
    if (options.lock === 'share' && ctx.transaction === undefined) {
      throw new Error('An offer is share-locked for a provision only inside a transaction: pass ctx.transaction.');
    }
    // The bank reads any offer; a recipient only its own; anyone else finds none.
    if (!actorIsOneOf(ctx.actor, ['bank', 'recipient'])) throw new OfferNotFoundError(String(offerId).slice(0, 64));
    const recipientId = actorIsOneOf(ctx.actor, ['bank']) ? undefined : requireRecipient(ctx);
    const offer = await this.offers.load(ctx, offerId, { recipientId, lock: options.lock });
    return toOfferSnapshot(offer, ctx.now());
  }
}
