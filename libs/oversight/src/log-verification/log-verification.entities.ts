import { BoardNotificationEntity } from './infrastructure/board-notification.entity';
import { LogVerificationEntity } from './infrastructure/log-verification.entity';

/** The tables of full log verification. */
export const LOG_VERIFICATION_ENTITIES = [LogVerificationEntity, BoardNotificationEntity];
