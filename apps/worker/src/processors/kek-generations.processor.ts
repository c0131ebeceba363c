import { Inject, Injectable } from '@nestjs/common';
import { MAINTAIN_KEK_GENERATIONS_JOB, MaintainKekGenerationsUseCase } from '@infobank/crypto';
import { HandlesJob, LOGGER, withoutTransaction, type JobContext, type JobHandler } from '@infobank/platform';
import type { Logger } from 'pino';

/** Re-wrapping stops starting batches after this long; the next run (a minute later) resumes at the cursor. */
const TIME_BUDGET_MS = 30_000;

/** Rotates the KEK generation when due, re-wraps data keys under the newest, destroys generations no backup needs. */
@Injectable()
@HandlesJob(MAINTAIN_KEK_GENERATIONS_JOB)
export class MaintainKekGenerationsProcessor implements JobHandler {
  constructor(
    private readonly maintain: MaintainKekGenerationsUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(_payload: unknown, context: JobContext): Promise<void> {
    // Each re-wrap batch is its own transaction (a resumable run), so the job's transaction is not passed on.
    const result = await this.maintain.execute(withoutTransaction(context), { timeBudgetMs: TIME_BUDGET_MS });
    if (result.rotatedTo !== null || result.rewrapped > 0 || result.destroyed.length > 0) {
      this.logger.info({ job: MAINTAIN_KEK_GENERATIONS_JOB.name, ...result }, 'KEK generations maintained');
    }
  }
}
