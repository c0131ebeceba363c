// Full log verification (issue 17 item 2): its use cases, result and jobs.
export * from './domain/log-verification';
export { checkLogPage, type CheckedPage } from './application/check-log-page';
export { GetLogVerificationUseCase } from './application/get-log-verification.use-case';
export {
  ListBoardNotificationsUseCase,
  MAX_LISTED_BOARD_NOTIFICATIONS,
  type BoardNotificationView,
} from './application/list-board-notifications.use-case';
export { LOG_VERIFICATION_PAGE_LEAVES, LOG_VERIFICATION_RESULT_TYPE, type LogVerificationView } from './application/log-verification-view';
export { RunLogVerificationPageUseCase } from './application/run-log-verification-page.use-case';
export { StartLogVerificationUseCase, type StartLogVerificationCommand } from './application/start-log-verification.use-case';
export { StartScheduledLogVerificationUseCase } from './application/start-scheduled-log-verification.use-case';
export { VerifyLogInlineUseCase } from './application/verify-log-inline.use-case';
export { LogLedgerReader } from './infrastructure/log-ledger.reader';
export * from './log-verification.errors';
export { LOG_VERIFICATION_JOBS, RUN_LOG_VERIFICATION_PAGE_JOB, SCHEDULE_LOG_VERIFICATION_JOB } from './log-verification.jobs';
export { LogVerificationModule } from './log-verification.module';
