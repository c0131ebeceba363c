// The public surface of libs/provision: transfers (requests, building, packaging, delivery) and provision records.
export * from './provision.errors';
export { PROVISION_ENTITIES } from './provision.entities';
export { BUILD_TRANSFER_JOB, EXPIRE_TRANSFER_PARTS_JOB, PROVISION_JOBS } from './provision.jobs';
export { ProvisionModule } from './provision.module';
export { GetProvisionProofUseCase, type ProvenProvision, type ProvisionProof } from './provisions/application/get-provision-proof.use-case';
export { GetOwnProvisionUseCase, type OwnProvisionReference } from './provisions/application/get-own-provision.use-case';
export { ListMyProvisionsUseCase, type MyProvisionsPage, type MyProvisionView } from './provisions/application/list-my-provisions.use-case';
export {
  ProvisionsForNoticeUseCase,
  type DataLifeCursor,
  type DataLifePage,
  type ProvisionForNotice,
} from './provisions/application/provisions-for-notice.use-case';
export { DEFAULT_PROVISION_PAGE, MAX_PROVISION_PAGE, type ProvisionHistoryQueryInput } from './provisions/domain/provision-history-query';
export { PROVISION_LEAF_KIND, provisionLeafBody, type ProvisionLeafFacts } from './provisions/domain/provision-leaf';
export { PROVISION_RECORD_DIGEST_PURPOSE } from './provisions/domain/record-digest';
export { BuildTransferUseCase, type BuildHooks } from './transfers/application/build-transfer.use-case';
export { DownloadPartUseCase } from './transfers/application/download-part.use-case';
export { ExpirePartsUseCase } from './transfers/application/expire-parts.use-case';
export {
  GetTransferUseCase,
  ListTransfersUseCase,
  TRANSFER_PAGE_SIZE,
  type TransferDetail,
  type TransferPartView,
  type TransferSubjectView,
  type TransferSummary,
} from './transfers/application/read-transfers.use-cases';
export {
  MAX_REQUESTED_SUBJECTS,
  RequestTransferUseCase,
  type RequestTransferCommand,
} from './transfers/application/request-transfer.use-case';
export { SettleApprovalUseCase } from './transfers/application/settle-approval.use-case';
export type { PackagedRecord, PackagedSubject, PackagePayload } from './transfers/domain/package-contents';
export { PACKAGE_JWE_TYPE, PACKAGE_JWS_TYPE, PACKAGE_MEDIA_TYPE } from './transfers/domain/package-format';
export { RepackageAfterErasureUseCase } from './transfers/application/repackage-after-erasure.use-case';
export {
  WithdrawFromTransfersUseCase,
  type WithdrawFromTransfersCommand,
  type WithdrawnWork,
} from './transfers/application/withdraw-from-transfers.use-case';
export * from './transfers/domain/transfer-status';
