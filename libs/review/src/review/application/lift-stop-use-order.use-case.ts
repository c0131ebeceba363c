import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type RequestContext } from '@infobank/platform';
import { reasonProblems } from '../domain/review-text';
import { StopUseOrderCommands } from './stop-use-order-commands';
import type { StopUseOrderView } from './stop-use-order-view';

/**
 * Lifting takes two members: the first asks (with a reason), a second, different member confirms;
 * then the order ends and its offers return to `approved` unless another effective order covers them.
 */
@Injectable()
export class LiftStopUseOrderUseCase {
  constructor(private readonly orders: StopUseOrderCommands) {}

  async execute(ctx: RequestContext, orderId: string, command: { reason: string }): Promise<StopUseOrderView> {
    const problems = reasonProblems(command?.reason);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return this.orders.run(ctx, orderId, (memberId, now) => ({ type: 'lift', memberId, reason: command.reason.trim(), now }));
  }
}
