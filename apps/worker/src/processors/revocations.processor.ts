import { Inject, Injectable } from '@nestjs/common';
import { CONSENT_ENDED_JOB } from '@infobank/consent';
import { HandlesJob, LOGGER, type JobContext, type JobHandler } from '@infobank/platform';
import { STOP_USE_ORDER_EFFECTIVE_JOB } from '@infobank/review';
import {
  DATA_LIFE_NOTICES_JOB,
  IssueDataLifeNoticesUseCase,
  PropagateConsentEndUseCase,
  PropagateErasureUseCase,
  PropagateStopUseOrderUseCase,
} from '@infobank/revocation';
import { DATA_ERASED_JOB } from '@infobank/vault';
import type { Logger } from 'pino';

type ConsentEndedPayload = NonNullable<(typeof CONSENT_ENDED_JOB)['payloadType']>;
type StopUseOrderEffectivePayload = NonNullable<(typeof STOP_USE_ORDER_EFFECTIVE_JOB)['payloadType']>;
type DataErasedPayload = NonNullable<(typeof DATA_ERASED_JOB)['payloadType']>;

// Logs carry counts only: ids of individuals stay out of the log.

/** A consent ended: stop work in flight under it and notify every recipient that received data under it. */
@Injectable()
@HandlesJob(CONSENT_ENDED_JOB)
export class ConsentEndedProcessor implements JobHandler<ConsentEndedPayload> {
  constructor(
    private readonly propagate: PropagateConsentEndUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: ConsentEndedPayload, context: JobContext): Promise<void> {
    const result = await this.propagate.execute(context, payload);
    this.logger.info(
      {
        job: CONSENT_ENDED_JOB.name,
        notices: result.noticeIds.length,
        denied: result.deniedSubjects,
        cancelled: result.cancelledApprovals,
      },
      'consent end propagated',
    );
  }
}

/** A stop-use order took effect: stop work in flight under its offers and notify every recipient holding their data. */
@Injectable()
@HandlesJob(STOP_USE_ORDER_EFFECTIVE_JOB)
export class StopUseOrderEffectiveProcessor implements JobHandler<StopUseOrderEffectivePayload> {
  constructor(
    private readonly propagate: PropagateStopUseOrderUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: StopUseOrderEffectivePayload, context: JobContext): Promise<void> {
    const result = await this.propagate.execute(context, payload);
    this.logger.info(
      { job: STOP_USE_ORDER_EFFECTIVE_JOB.name, notices: result.noticeIds.length, denied: result.deniedSubjects },
      'stop-use order propagated',
    );
  }
}

/** An individual erased data: notify every recipient that received their data. */
@Injectable()
@HandlesJob(DATA_ERASED_JOB)
export class DataErasedProcessor implements JobHandler<DataErasedPayload> {
  constructor(
    private readonly propagate: PropagateErasureUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: DataErasedPayload, context: JobContext): Promise<void> {
    const noticeIds = await this.propagate.execute(context, payload);
    this.logger.info({ job: DATA_ERASED_JOB.name, notices: noticeIds.length }, 'erasure propagated');
  }
}

/** Every 10 minutes: notify recipients whose provisions' data life has ended. */
@Injectable()
@HandlesJob(DATA_LIFE_NOTICES_JOB)
export class DataLifeNoticesProcessor implements JobHandler<Record<string, never>> {
  constructor(
    private readonly issue: IssueDataLifeNoticesUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(_payload: Record<string, never>, context: JobContext): Promise<void> {
    const noticeIds = await this.issue.execute(context);
    if (noticeIds.length > 0) this.logger.info({ job: DATA_LIFE_NOTICES_JOB.name, notices: noticeIds.length }, 'data-life notices');
  }
}
