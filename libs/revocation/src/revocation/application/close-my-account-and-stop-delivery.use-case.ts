import { Injectable } from '@nestjs/common';
import { RevokeConsentsOfClosedAccountUseCase } from '@infobank/consent';
import { Transactions, type RequestContext, requireIndividual } from '@infobank/platform';
import { WithdrawFromTransfersUseCase } from '@infobank/provision';
import { CloseMyAccountWithoutStoppingDelivery, type ClosedAccount } from '@infobank/vault';
import { stoppingDelivery, ONLY_INDIVIDUALS_ERASE } from './erasure-actors';

/**
 * `DELETE /v1/me` (退会). In one transaction: every transfer still in flight stops for the individual
 * (subjects denied `revoked`, their downloadable parts stale and rebuilt without them), every live consent
 * of theirs is revoked (each with its receipt, log leaf and `consent.ended` job), and the vault closes the
 * account (its CloseMyAccountUseCase: data key shredded first in its own transaction, then links, records and
 * the account itself). Locks are taken transfers first, then consents, then the vault and the account (the
 * lock order TransferRepository in libs/provision states), so no download or build deadlocks with a closure. Once it commits nothing
 * more of theirs is provided; the worker's jobs only issue the notices.
 */
@Injectable()
export class CloseMyAccountAndStopDeliveryUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly withdraw: WithdrawFromTransfersUseCase,
    private readonly revokeConsents: RevokeConsentsOfClosedAccountUseCase,
    private readonly closeAccount: CloseMyAccountWithoutStoppingDelivery,
  ) {}

  async execute(ctx: RequestContext): Promise<ClosedAccount> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS_ERASE);
    return this.transactions.run(ctx, async (tx) => {
      await this.withdraw.execute(stoppingDelivery(tx, 'account-closure'), { individualIds: [individualId], reason: 'revoked' });
      await this.revokeConsents.execute(tx, { individualId });
      return this.closeAccount.execute(tx);
    });
  }
}
