import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, withTransaction, type RequestContext, Transactions } from '@infobank/platform';
import { isScheduledRunDue } from '../domain/log-verification';
import { LogVerificationStore } from '../infrastructure/log-verification.store';
import { StartLogVerificationUseCase } from './start-log-verification.use-case';
import type { LogVerificationView } from './log-verification-view';

/** The worker's schedule: starts a whole-log run when LOG_VERIFICATION_EVERY_HOURS have passed since the last one. */
@Injectable()
export class StartScheduledLogVerificationUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly start: StartLogVerificationUseCase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(ctx: RequestContext): Promise<LogVerificationView | null> {
    return this.transactions.run(ctx, async ({ transaction: manager }) => {
      const last = await new LogVerificationStore(manager).lastScheduledAtLocked();
      if (!isScheduledRunDue(last, ctx.now(), this.config.oversight.logVerificationIntervalHours)) return null;
      return this.start.execute(withTransaction(ctx, manager), {});
    });
  }
}
