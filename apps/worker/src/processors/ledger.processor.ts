import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, LOGGER, type JobContext, type JobHandler } from '@infobank/platform';
import { SEAL_TRANSPARENCY_LOG_JOB, SealTransparencyLogUseCase } from '@infobank/transparency-log';
import type { Logger } from 'pino';

/** Seals the transparency log every second: indexes finished appends and signs a checkpoint. */
@Injectable()
@HandlesJob(SEAL_TRANSPARENCY_LOG_JOB)
export class SealTransparencyLogProcessor implements JobHandler {
  constructor(
    private readonly seal: SealTransparencyLogUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(_payload: unknown, context: JobContext): Promise<void> {
    const result = await this.seal.execute(context);
    if (result.outcome === 'sealed') this.logger.info({ job: SEAL_TRANSPARENCY_LOG_JOB.name, ...result }, 'transparency log sealed');
  }
}
