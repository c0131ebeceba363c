import { Inject, Injectable } from '@nestjs/common';
import { BUILD_DISCLOSURE_JOB, BuildDisclosureUseCase, EXPIRE_DISCLOSURES_JOB, ExpireDisclosuresUseCase } from '@infobank/disclosure';
import { HandlesJob, LOGGER, type JobContext, type JobHandler } from '@infobank/platform';
import type { Logger } from 'pino';

/** Builds one disclosure bundle, signs its manifest, stores it encrypted and tells the individual. */
@Injectable()
@HandlesJob(BUILD_DISCLOSURE_JOB)
export class BuildDisclosureProcessor implements JobHandler<{ disclosureId: string }> {
  constructor(
    private readonly build: BuildDisclosureUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: { disclosureId: string }, context: JobContext): Promise<void> {
    const outcome = await this.build.execute(context, payload.disclosureId);
    this.logger.info({ job: BUILD_DISCLOSURE_JOB.name, disclosureId: payload.disclosureId, outcome }, 'disclosure build');
  }
}

/** Every ten minutes: bundles past their seven days are deleted and their requests expire. */
@Injectable()
@HandlesJob(EXPIRE_DISCLOSURES_JOB)
export class ExpireDisclosuresProcessor implements JobHandler {
  constructor(private readonly expire: ExpireDisclosuresUseCase) {}

  async handle(_payload: unknown, context: JobContext): Promise<void> {
    await this.expire.execute(context);
  }
}
