import { Injectable } from '@nestjs/common';
import { findDataCategory, isUuid, OrganisationDirectory } from '@infobank/catalog';
import { GetOfferForReviewUseCase, OfferNotFoundError } from '@infobank/offers';
import { Transactions, ValidationFailedError, type FieldProblem, type RequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { reasonProblems } from '../domain/review-text';
import { decideOrder, ORDER_TARGET_TYPES, type OrderTarget } from '../domain/stop-use-order';
import { BoardMemberStore } from '../infrastructure/board-member.store';
import { StopUseOrderStore } from '../infrastructure/stop-use-order.store';
import { actingMember } from './acting-member';
import { toStopUseOrderView, type StopUseOrderView } from './stop-use-order-view';

/** A member's proposal of a stop-use order. */
export interface ProposeStopUseOrderCommand {
  target: OrderTarget;
  reason: string;
}

/**
 * A member proposes a stop-use order on a recipient, an offer or a data category. It has no effect
 * until a second member confirms it. The target must exist (a recipient organisation, an offer, a
 * catalog category); otherwise VALIDATION_FAILED naming `/target/id`.
 */
@Injectable()
export class ProposeStopUseOrderUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly members: BoardMemberStore,
    private readonly orders: StopUseOrderStore,
    private readonly organisations: OrganisationDirectory,
    private readonly getOffer: GetOfferForReviewUseCase,
  ) {}

  async execute(ctx: RequestContext, command: ProposeStopUseOrderCommand): Promise<StopUseOrderView> {
    const shapeProblems = [...targetShapeProblems(command?.target), ...reasonProblems(command?.reason)];
    if (shapeProblems.length > 0) throw new ValidationFailedError(shapeProblems);
    return this.transactions.run(ctx, async (tx) => {
      const member = await actingMember(tx, this.members);
      const target = { type: command.target.type, id: command.target.id };
      const missing = await this.targetProblem(tx, target);
      if (missing !== null) throw new ValidationFailedError([missing]);
      const orderId = randomUUID();
      const decision = decideOrder(
        { type: 'propose', orderId, target, reason: command.reason.trim(), memberId: member.id, now: tx.now() },
        { status: 'not_issued' },
      );
      if (decision.outcome === 'accepted') await this.orders.storeEvents(tx, orderId, decision.events);
      return toStopUseOrderView((await this.orders.load(tx, orderId)).row);
    });
  }

  private async targetProblem(ctx: RequestContext, target: OrderTarget): Promise<FieldProblem | null> {
    const problem = (message: string): FieldProblem => ({ path: '/target/id', message });
    switch (target.type) {
      case 'recipient': {
        const profile = (await this.organisations.findProfiles(ctx, [target.id])).get(target.id);
        return profile?.roles.includes('recipient') ? null : problem('names no recipient organisation');
      }
      case 'offer':
        try {
          await this.getOffer.execute(ctx, target.id);
          return null;
        } catch (error) {
          if (error instanceof OfferNotFoundError) return problem('names no offer');
          throw error;
        }
      case 'category':
        return findDataCategory(target.id) === undefined ? problem('names no data category in the catalog') : null;
    }
  }
}

function targetShapeProblems(target: unknown): FieldProblem[] {
  if (typeof target !== 'object' || target === null) return [{ path: '/target', message: 'must be an object { type, id }' }];
  const { type, id } = target as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  if (!(ORDER_TARGET_TYPES as readonly unknown[]).includes(type)) {
    problems.push({ path: '/target/type', message: `must be one of ${ORDER_TARGET_TYPES.join(', ')}` });
  } else if (type !== 'category' && !isUuid(id)) {
    problems.push({ path: '/target/id', message: 'must be a UUID' });
  } else if (type === 'category' && (typeof id !== 'string' || id.length === 0 || id.length > 100)) {
    problems.push({ path: '/target/id', message: 'must be a data category code' });
  }
  return problems;
}
