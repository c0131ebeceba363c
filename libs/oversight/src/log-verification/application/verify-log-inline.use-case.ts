import { Injectable } from '@nestjs/common';
import { ValidationFailedError, withoutTransaction, type RequestContext } from '@infobank/platform';
import type { LogVerificationView } from './log-verification-view';
import { RunLogVerificationPageUseCase } from './run-log-verification-page.use-case';
import { StartLogVerificationUseCase, type StartLogVerificationCommand } from './start-log-verification.use-case';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Runs a whole verification in this process, page after page, each page its own transaction (the
 * operator's `log:verify-all`). `resume` continues a run that stopped; `onPage` reports progress.
 */
@Injectable()
export class VerifyLogInlineUseCase {
  constructor(
    private readonly start: StartLogVerificationUseCase,
    private readonly runPage: RunLogVerificationPageUseCase,
  ) {}

  async execute(
    ctx: RequestContext,
    command: StartLogVerificationCommand & { resume?: string },
    options: { pageLeaves?: number; onPage?: (run: LogVerificationView) => void } = {},
  ): Promise<LogVerificationView> {
    if (command.resume !== undefined && !UUID.test(command.resume))
      throw new ValidationFailedError([{ path: '/resume', message: 'must be a verification id' }]);
    const outside = withoutTransaction(ctx);
    const id = command.resume ?? (await this.start.execute(outside, command, { inline: true })).id;
    for (;;) {
      const run = await this.runPage.execute(outside, id, { enqueueNext: false, pageLeaves: options.pageLeaves });
      options.onPage?.(run);
      if (run.status !== 'running') return run;
    }
  }
}
