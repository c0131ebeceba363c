import { Inject, Injectable } from '@nestjs/common';
import { OfferNotFoundError, OPEN_REVIEW_CASE_JOB } from '@infobank/offers';
import { HandlesJob, LOGGER, type JobContext, type JobHandler } from '@infobank/platform';
import { OpenReviewCaseUseCase, ReviewRoundOutOfOrderError } from '@infobank/review';
import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';

type OpenReviewCasePayload = NonNullable<(typeof OPEN_REVIEW_CASE_JOB)['payloadType']>;

/**
 * Opens the board's review case when a recipient submits an offer (idempotent per offer and round).
 * An offer that does not exist, or a round out of order, can never succeed: no retry.
 */
@Injectable()
@HandlesJob(OPEN_REVIEW_CASE_JOB)
export class OpenReviewCaseProcessor implements JobHandler<OpenReviewCasePayload> {
  constructor(
    private readonly openCase: OpenReviewCaseUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: OpenReviewCasePayload, context: JobContext): Promise<void> {
    try {
      const result = await this.openCase.execute(context, payload);
      this.logger.info({ job: OPEN_REVIEW_CASE_JOB.name, ...payload, result: result.outcome }, 'review case');
    } catch (error) {
      if (error instanceof OfferNotFoundError || error instanceof ReviewRoundOutOfOrderError) {
        throw new UnrecoverableError(`${OPEN_REVIEW_CASE_JOB.name}: ${error.code}`);
      }
      throw error;
    }
  }
}
