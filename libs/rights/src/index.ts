// The public surface of libs/rights: the individuals' notifications inbox, the benefits ledger, and the bank's terms and
// organisations' contracts with their acceptances (disclosure and complaints come later).
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
export * from './terms/domain/terms';
export type { AcceptanceView, TermsView } from './terms/application/current-terms';
export {
  AcceptMyTermsUseCase,
  GetCurrentTermsUseCase,
  GetMyTermsUseCase,
  RegisterAcceptingTermsUseCase,
  type MyTerms,
} from './terms/application/individual-terms.use-cases';
export {
  AcceptOwnContractUseCase,
  GetOwnContractUseCase,
  RecordPaperAcceptanceUseCase,
  type OwnContract,
  type RecordPaperAcceptanceCommand,
} from './terms/application/organisation-contract.use-cases';
export { ListTermsUseCase, PublishTermsUseCase, type PublishedTermsVersion } from './terms/application/publish-terms.use-case';
export { SubmitOfferUnderContractUseCase } from './terms/application/submit-offer-under-contract.use-case';
export { ConsentPrerequisites, RecipientContractGate } from './terms/application/terms-gates';
export type { TermsVersionSummary } from './terms/infrastructure/terms.store';
export { ContractsModule, TermsModule } from './terms/terms.module';
export {
  ContractAcceptanceRequiredError,
  TermsAcceptanceRequiredError,
  TermsNotPublishedError,
  TermsVersionExistsError,
  TermsVersionNotCurrentError,
} from './terms/terms.errors';
export { AcceptContractDto, ContractAcceptanceDto, ContractTextDto, OwnContractDto } from './terms/http/contract.dto';
