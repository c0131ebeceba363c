import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobContext, type JobHandler } from '@infobank/platform';
import { MARK_OVERDUE_NOTICES_JOB, MarkOverdueNoticesUseCase } from '@infobank/revocation';

/** Every minute: open notices past their due time become overdue and show on the board's overdue list. */
@Injectable()
@HandlesJob(MARK_OVERDUE_NOTICES_JOB)
export class MarkOverdueNoticesProcessor implements JobHandler<Record<string, never>> {
  constructor(private readonly markOverdue: MarkOverdueNoticesUseCase) {}

  async handle(_payload: Record<string, never>, context: JobContext): Promise<void> {
    await this.markOverdue.execute(context);
  }
}
