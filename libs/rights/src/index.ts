// The public surface of libs/rights: the individuals' notifications inbox and the benefits ledger (disclosure and complaints come later).
export * from './notifications/domain/notification';
export * from './benefits/domain/benefit';
export { DEFAULT_BENEFIT_PAGE, MAX_BENEFIT_PAGE } from './benefits/domain/benefit-page';
export { BenefitLedger } from './benefits/application/benefit-ledger';
export { GetMyBenefitsUseCase, type GetMyBenefitsQuery } from './benefits/application/get-my-benefits.use-case';
export {
  CountUnreadNotificationsUseCase,
  ListOwnNotificationsUseCase,
  MAX_NOTIFICATIONS,
  type OwnNotification,
} from './notifications/application/list-own-notifications.use-case';
export { MarkNotificationsReadUseCase } from './notifications/application/mark-notifications-read.use-case';
export { NotificationNotFoundError, RIGHTS_ERROR_STATUS, type RightsErrorCode } from './rights.errors';
export { NotifyIndividual } from './notifications/application/notify-individual';
export { RIGHTS_ENTITIES } from './rights.entities';
export { RightsModule } from './rights.module';
