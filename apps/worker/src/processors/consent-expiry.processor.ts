import { Inject, Injectable } from '@nestjs/common';
import { EXPIRE_CONSENTS_JOB, ExpireConsentsUseCase } from '@infobank/consent';
import { HandlesJob, LOGGER, type JobContext, type JobHandler, withoutTransaction } from '@infobank/platform';
import type { Logger } from 'pino';

/** Expires consents past their expiresAt or whose offer ended (each a ledger event with a receipt). */
@Injectable()
@HandlesJob(EXPIRE_CONSENTS_JOB)
export class ExpireConsentsProcessor implements JobHandler {
  constructor(
    private readonly expireConsents: ExpireConsentsUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(_payload: unknown, context: JobContext): Promise<void> {
    // Each consent is expired in its own transaction, so the job's transaction is not passed on.
    const result = await this.expireConsents.execute(withoutTransaction(context));
    if (result.expired > 0 || result.skipped > 0) {
      this.logger.info({ job: EXPIRE_CONSENTS_JOB.name, expired: result.expired, skipped: result.skipped }, 'consents expired');
    }
  }
}
