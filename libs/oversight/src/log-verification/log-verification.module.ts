import { Module } from '@nestjs/common';
import { GetLogVerificationUseCase } from './application/get-log-verification.use-case';
import { ListBoardNotificationsUseCase } from './application/list-board-notifications.use-case';
import { RunLogVerificationPageUseCase } from './application/run-log-verification-page.use-case';
import { StartLogVerificationUseCase } from './application/start-log-verification.use-case';
import { StartScheduledLogVerificationUseCase } from './application/start-scheduled-log-verification.use-case';
import { VerifyLogInlineUseCase } from './application/verify-log-inline.use-case';

const LOG_VERIFICATION_PROVIDERS = [
  StartLogVerificationUseCase,
  RunLogVerificationPageUseCase,
  GetLogVerificationUseCase,
  StartScheduledLogVerificationUseCase,
  ListBoardNotificationsUseCase,
  VerifyLogInlineUseCase,
];

/** Full log verification and the board's notifications. Needs PlatformModule and the bank key ring (CryptoModule.forPlatform()). */
@Module({ providers: LOG_VERIFICATION_PROVIDERS, exports: LOG_VERIFICATION_PROVIDERS })
export class LogVerificationModule {}
