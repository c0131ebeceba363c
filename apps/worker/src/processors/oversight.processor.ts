import { Inject, Injectable } from '@nestjs/common';
import {
  GENERATE_MONTHLY_REPORT_JOB,
  GenerateMonthlyReportUseCase,
  NOTIFY_INCIDENT_PAGE_JOB,
  NotifyIncidentPageUseCase,
  RUN_LOG_VERIFICATION_PAGE_JOB,
  RunLogVerificationPageUseCase,
  SCHEDULE_LOG_VERIFICATION_JOB,
  StartScheduledLogVerificationUseCase,
} from '@infobank/oversight';
import { HandlesJob, LOGGER, type JobContext, type JobHandler } from '@infobank/platform';
import type { Logger } from 'pino';

/** Checks one page of a log verification run and enqueues the next (in the same transaction). */
@Injectable()
@HandlesJob(RUN_LOG_VERIFICATION_PAGE_JOB)
export class RunLogVerificationPageProcessor implements JobHandler<{ verificationId: string }> {
  constructor(
    private readonly runPage: RunLogVerificationPageUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: { verificationId: string }, context: JobContext): Promise<void> {
    const run = await this.runPage.execute(context, payload.verificationId, { enqueueNext: true });
    if (run.status !== 'running') {
      this.logger.info(
        { job: RUN_LOG_VERIFICATION_PAGE_JOB.name, verificationId: run.id, status: run.status, failures: run.failureCount },
        'log verification complete',
      );
    }
  }
}

/** Starts a whole-log verification when LOG_VERIFICATION_EVERY_HOURS have passed since the last scheduled one. */
@Injectable()
@HandlesJob(SCHEDULE_LOG_VERIFICATION_JOB)
export class ScheduleLogVerificationProcessor implements JobHandler {
  constructor(private readonly start: StartScheduledLogVerificationUseCase) {}

  async handle(_payload: unknown, context: JobContext): Promise<void> {
    await this.start.execute(context);
  }
}

/** Writes the report of the last ended month once. */
@Injectable()
@HandlesJob(GENERATE_MONTHLY_REPORT_JOB)
export class GenerateMonthlyReportProcessor implements JobHandler {
  constructor(
    private readonly generate: GenerateMonthlyReportUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(_payload: unknown, context: JobContext): Promise<void> {
    const result = await this.generate.execute(context);
    if (result.created) this.logger.info({ job: GENERATE_MONTHLY_REPORT_JOB.name, period: result.period }, 'periodic report written');
  }
}

/** Tells one page of a notifying incident's affected individuals and enqueues the next (in the same transaction). */
@Injectable()
@HandlesJob(NOTIFY_INCIDENT_PAGE_JOB)
export class NotifyIncidentPageProcessor implements JobHandler<{ incidentId: string }> {
  constructor(
    private readonly notifyPage: NotifyIncidentPageUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: { incidentId: string }, context: JobContext): Promise<void> {
    const page = await this.notifyPage.execute(context, payload.incidentId, { enqueueNext: true });
    if (page.done)
      this.logger.info({ job: NOTIFY_INCIDENT_PAGE_JOB.name, incidentId: payload.incidentId, told: page.told }, 'incident notified');
  }
}
