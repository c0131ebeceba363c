import { Injectable } from '@nestjs/common';
import { type RequestContext, requireBankActor, Transactions } from '@infobank/platform';
import { DisclosureRequestStore } from '../infrastructure/disclosure-request.store';

/** Bundles deleted per transaction. */
export const EXPIRY_BATCH = 100;

/**
 * The schedule deletes every bundle whose retention (7 days after it became ready) has ended; its
 * request becomes `expired` and its download tokens stop working. Returns how many expired.
 */
@Injectable()
export class ExpireDisclosuresUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: DisclosureRequestStore,
  ) {}

  async execute(ctx: RequestContext): Promise<number> {
    requireBankActor(ctx);
    let total = 0;
    for (;;) {
      const expired = await this.transactions.runOwn(ctx, (tx) => this.store.expireDue(tx, tx.now(), EXPIRY_BATCH));
      total += expired;
      if (expired < EXPIRY_BATCH) return total;
    }
  }
}
