import { Injectable } from '@nestjs/common';
import { SubmitOfferUseCase, type RecipientOfferView } from '@infobank/offers';
import { requireRecipient, Transactions, type RequestContext } from '@infobank/platform';
import { RecipientContractGate } from './terms-gates';

/**
 * What the gateway's submit route runs: the recipient's contract gate (CONTRACT_ACCEPTANCE_REQUIRED),
 * then the offers context's submit, in one transaction.
 */
@Injectable()
export class SubmitOfferUnderContractUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly gate: RecipientContractGate,
    private readonly submit: SubmitOfferUseCase,
  ) {}

  async execute(ctx: RequestContext, offerId: string): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx);
    return this.transactions.run(ctx, async (tx) => {
      await this.gate.require(tx, recipientId);
      return this.submit.execute(tx, offerId);
    });
  }
}
