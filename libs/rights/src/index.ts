// The public surface of libs/rights: the individuals' notifications inbox, the benefits ledger and the complaints desk
// (苦情相談窓口; disclosure comes later).
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
export * from './complaints/domain/complaint';
export * from './complaints/domain/complaint-sla';
export { ComplaintNotFoundError, ComplaintStepRefusedError } from './complaints/complaints.errors';
export { ComplaintFilingModule, ComplaintsModule, type ComplaintFilingOptions } from './complaints/complaints.module';
export {
  COMPLAINT_RELATIONS,
  FileComplaintUseCase,
  type CheckedRelations,
  type ComplaintRelations,
  type FileComplaintCommand,
} from './complaints/application/file-complaint.use-case';
export {
  GetMyComplaintUseCase,
  ListMyComplaintsUseCase,
  MAX_LISTED_COMPLAINTS,
  ProvideComplaintInformationUseCase,
} from './complaints/application/my-complaints.use-cases';
export {
  CloseComplaintUseCase,
  EscalateComplaintUseCase,
  GetDeskComplaintUseCase,
  ListComplaintQueueUseCase,
  ListOverdueComplaintsUseCase,
  MAX_QUEUE_PAGE,
  ReplyToComplaintUseCase,
  RequestComplaintInformationUseCase,
  TriageComplaintUseCase,
  type ComplaintQueueQuery,
  type DeskMessageCommand,
  type TriageComplaintCommand,
} from './complaints/application/desk-complaints.use-cases';
export {
  CountComplaintsUseCase,
  GetEscalatedComplaintUseCase,
  ListEscalatedComplaintsUseCase,
  type ComplaintCounts,
} from './complaints/application/board-complaints.use-cases';
export {
  AddDeskStaffUseCase,
  ListDeskStaffUseCase,
  type AddDeskStaffCommand,
  type DeskStaffMember,
} from './complaints/application/desk-staff.use-cases';
export type {
  ComplaintRelated,
  DeskComplaintEvent,
  DeskComplaintSummary,
  DeskComplaintThread,
  MyComplaintMessage,
  MyComplaintSummary,
  MyComplaintThread,
  SlaTimerView,
} from './complaints/application/complaint-views';
