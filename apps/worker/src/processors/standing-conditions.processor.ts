import { Inject, Injectable } from '@nestjs/common';
import { EVALUATE_STANDING_CONDITIONS_JOB, EvaluateStandingConditionsUseCase, FIRST_INDIVIDUAL_CURSOR } from '@infobank/consent';
import { OFFER_APPROVED_JOB } from '@infobank/offers';
import { HandlesJob, LOGGER, type JobContext, type JobHandler } from '@infobank/platform';
import type { Logger } from 'pino';

type OfferApprovedPayload = NonNullable<(typeof OFFER_APPROVED_JOB)['payloadType']>;
type EvaluatePagePayload = NonNullable<(typeof EVALUATE_STANDING_CONDITIONS_JOB)['payloadType']>;

/** When the board approves an offer, evaluates the first page of individuals' standing conditions against it. */
@Injectable()
@HandlesJob(OFFER_APPROVED_JOB)
export class OfferApprovedProcessor implements JobHandler<OfferApprovedPayload> {
  constructor(
    private readonly evaluate: EvaluateStandingConditionsUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: OfferApprovedPayload, context: JobContext): Promise<void> {
    const result = await this.evaluate.execute(context, { offerId: payload.offerId, afterIndividualId: FIRST_INDIVIDUAL_CURSOR });
    this.logger.info(
      { job: OFFER_APPROVED_JOB.name, offerId: payload.offerId, evaluated: result.evaluated, granted: result.granted },
      'standing conditions',
    );
  }
}

/** Evaluates a following page of standing conditions (enqueued by the previous page). */
@Injectable()
@HandlesJob(EVALUATE_STANDING_CONDITIONS_JOB)
export class EvaluateStandingConditionsProcessor implements JobHandler<EvaluatePagePayload> {
  constructor(
    private readonly evaluate: EvaluateStandingConditionsUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: EvaluatePagePayload, context: JobContext): Promise<void> {
    const result = await this.evaluate.execute(context, payload);
    this.logger.info(
      { job: EVALUATE_STANDING_CONDITIONS_JOB.name, offerId: payload.offerId, evaluated: result.evaluated, granted: result.granted },
      'standing conditions',
    );
  }
}
