// The public surface of libs/rights: the individuals' notifications inbox (disclosure, complaints and benefits come later).
export * from './notifications/domain/notification';
export {
  ListOwnNotificationsUseCase,
  MAX_NOTIFICATIONS,
  type OwnNotification,
} from './notifications/application/list-own-notifications.use-case';
export { NotifyIndividual } from './notifications/application/notify-individual';
export { RIGHTS_ENTITIES } from './rights.entities';
export { RightsModule } from './rights.module';
