import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNT_CLOSED_JOB } from '@infobank/auth';
import { RevokeConsentsOfClosedAccountUseCase } from '@infobank/consent';
import { HandlesJob, LOGGER, type JobContext, type JobHandler, withoutTransaction } from '@infobank/platform';
import type { Logger } from 'pino';

type AccountClosedPayload = NonNullable<(typeof ACCOUNT_CLOSED_JOB)['payloadType']>;

/**
 * An account was closed. The closing transaction already revoked its live consents (their `consent.ended`
 * jobs issue the notices); this revokes any consent still live (one granted while the closure ran), so it is
 * a no-op in the usual case and safe to run twice.
 */
@Injectable()
@HandlesJob(ACCOUNT_CLOSED_JOB)
export class AccountClosedProcessor implements JobHandler {
  constructor(
    private readonly revokeConsents: RevokeConsentsOfClosedAccountUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // The runtime has checked the payload against the job contract before calling.
  async handle({ individualId }: AccountClosedPayload, context: JobContext): Promise<void> {
    // Each consent is revoked in its own transaction, so the job's transaction is not passed on.
    const result = await this.revokeConsents.execute(withoutTransaction(context), { individualId });
    // Counts only: the individual's id stays out of the log.
    this.logger.info({ job: ACCOUNT_CLOSED_JOB.name, revoked: result.revoked }, 'consents of a closed account revoked');
  }
}
