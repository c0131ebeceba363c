import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { LogVerificationStore } from '../infrastructure/log-verification.store';
import { LogVerificationNotFoundError } from '../log-verification.errors';
import { assertMayVerifyLog, logVerificationView, type LogVerificationView } from './log-verification-view';

/** A run's progress, or its signed result once complete. */
@Injectable()
export class GetLogVerificationUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, verificationId: string): Promise<LogVerificationView> {
    assertMayVerifyLog(ctx.actor);
    const run = await new LogVerificationStore(ctx.transaction ?? this.dataSource.manager).find(verificationId);
    if (run === null) throw new LogVerificationNotFoundError();
    return logVerificationView(run);
  }
}
