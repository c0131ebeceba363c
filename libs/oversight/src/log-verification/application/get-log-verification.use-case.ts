import { Injectable } from '@nestjs/common';
import { type RequestContext, Transactions } from '@infobank/platform';
import { LogVerificationStore } from '../infrastructure/log-verification.store';
import { LogVerificationNotFoundError } from '../log-verification.errors';
import { assertMayVerifyLog, logVerificationView, type LogVerificationView } from './log-verification-view';

/** A run's progress, or its signed result once complete. */
@Injectable()
export class GetLogVerificationUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(ctx: RequestContext, verificationId: string): Promise<LogVerificationView> {
    assertMayVerifyLog(ctx.actor);
    const run = await this.transactions.run(ctx, (tx) => new LogVerificationStore(tx.transaction).find(verificationId));
    if (run === null) throw new LogVerificationNotFoundError();
    return logVerificationView(run);
  }
}
