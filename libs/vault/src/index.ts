// The public surface of libs/vault: provider links (store consent, 預託の同意), deposited records
// (encrypted under each individual's data key) and erasure.
export { CreateLinkUseCase, type CreateLinkCommand, type CreatedLink } from './links/application/create-link.use-case';
export { LinkClock } from './links/application/link-clock';
export { LinkDirectory, type ActiveLink } from './links/application/link-directory';
export { ListOwnLinksUseCase, type OwnLink } from './links/application/list-own-links.use-case';
export { RedeemLinkCodeUseCase, type RedeemLinkCodeCommand, type RedeemedLink } from './links/application/redeem-link-code.use-case';
export { RemoveOwnLinkUseCase } from './links/application/remove-own-link.use-case';
export { UnlinkCustomerUseCase } from './links/application/unlink-customer.use-case';
export { LINK_CODE_ALPHABET, LINK_CODE_LENGTH, LINK_CODE_LIFETIME_MS } from './links/domain/link-code';
export { CUSTOMER_REF_MAX_LENGTH, MAX_LINK_CATEGORIES, type LinkDisplayStatus, type LinkStatus } from './links/domain/provider-link';
export * from './links/links.errors';
export {
  CountRecordsForProvisionUseCase,
  type CountRecordsForProvisionCommand,
  type RecordCounts,
} from './records/application/count-records-for-provision.use-case';
export { DepositRecordsUseCase, type DepositOutcome, type DepositRecordsCommand } from './records/application/deposit-records.use-case';
export { DEPOSIT_BATCH_JWS_TYPE } from './records/application/deposit-preparation';
export type { ErasedData } from './records/application/erase-my-data.use-case';
export type { ClosedAccount } from './records/application/close-my-account.use-case';
export { FindChangedRecordsUseCase, type PackagedRecordRef, type RecordChange } from './records/application/find-changed-records.use-case';
export {
  ListMyRecordVersionsUseCase,
  MAX_RECORDS_PER_VERSION_READ,
  type OwnRecordVersion,
} from './records/application/list-my-record-versions.use-case';
export {
  ListMyRecordsUseCase,
  type OwnRecord,
  type OwnRecordsPage,
  type RecordProvenance,
} from './records/application/list-my-records.use-case';
export { MAX_PROVISION_INDIVIDUALS, type ObservationRange } from './records/application/provision-reads';
export {
  ReadRecordsForProvisionUseCase,
  type ProvisionSourceRecord,
  type ReadRecordsForProvisionCommand,
} from './records/application/read-records-for-provision.use-case';
export { DEFAULT_RECORD_PAGE, MAX_RECORD_PAGE, type EraseQueryInput, type RecordQueryInput } from './records/application/record-query';
export { SummariseMyDataUseCase, type DataHolding } from './records/application/summarise-my-data.use-case';
export type { DepositResponse, RecordRejectionCode, RecordResult, RecordStatus } from './records/domain/deposit-outcome';
export { MAX_RECORDS_PER_BATCH } from './records/domain/deposit-payload';
export * from './records/records.errors';
export { VAULT_ENTITIES } from './vault.entities';
/**
 * For libs/revocation only, whose EraseMyDataAndStopDeliveryUseCase, RemoveLinkAndStopDeliveryUseCase and
 * CloseMyAccountAndStopDeliveryUseCase wrap them: on their own they would erase or close without stopping
 * transfers in flight, so a record could still be provided after its erasure. Apps call revocation's use
 * cases; test/architecture/vault-erasure-surface.spec.ts refuses these names anywhere else.
 */
export { CloseMyAccountUseCase as CloseMyAccountWithoutStoppingDelivery } from './records/application/close-my-account.use-case';
export { EraseMyDataUseCase as EraseMyDataWithoutStoppingDelivery } from './records/application/erase-my-data.use-case';
export { RemoveLinkAndEraseUseCase as RemoveLinkAndEraseWithoutStoppingDelivery } from './records/application/remove-link-and-erase.use-case';
export { VAULT_ERROR_STATUS } from './vault.errors';
export { DATA_ERASED_JOB, VAULT_JOBS } from './vault.jobs';
export { VaultModule } from './vault.module';
