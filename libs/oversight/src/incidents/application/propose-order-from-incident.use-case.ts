import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import { MAX_REASON_LENGTH, ProposeStopUseOrderUseCase, type StopUseOrderView } from '@infobank/review';
import { IncidentStore } from '../infrastructure/incident.store';
import { IncidentNotFoundError, IncidentOrderNotPossibleError } from '../incidents.errors';
import { requireIncidentHandler } from './incident-access';

/**
 * The board proposes, in one step, a stop-use order on the recipient a breach happened at, with the incident's
 * description as its reason (or the member's own). A second member confirms it as for any order.
 */
@Injectable()
export class ProposeOrderFromIncidentUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly proposeOrder: ProposeStopUseOrderUseCase,
  ) {}

  async execute(ctx: RequestContext, id: string, command: { reason?: string }): Promise<StopUseOrderView> {
    requireIncidentHandler(ctx);
    return this.transactions.run(ctx, async (tx) => {
      const store = new IncidentStore(tx.transaction);
      const incident = await store.lock(id);
      if (incident === null) throw new IncidentNotFoundError();
      if (incident.recipientId === null) throw new IncidentOrderNotPossibleError('Only a recipient breach names a recipient to stop.');
      if (incident.stopUseOrderId !== null) {
        throw new IncidentOrderNotPossibleError(`A stop-use order was already proposed from this incident (${incident.stopUseOrderId}).`);
      }
      const reason = command?.reason ?? `インシデント ${incident.id}: ${incident.description}`.slice(0, MAX_REASON_LENGTH);
      const order = await this.proposeOrder.execute(tx, { target: { type: 'recipient', id: incident.recipientId }, reason });
      await store.update(id, { stopUseOrderId: order.id, updatedAt: tx.now() });
      return order;
    });
  }
}
