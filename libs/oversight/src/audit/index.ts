// The board's provision and transfer audit (issue 17 item 1).
export * from './audit.errors';
export { AuditModule } from './audit.module';
export { GetRecipientAuditUseCase, type RecipientAuditView } from './application/get-recipient-audit.use-case';
export {
  ListProvisionsForAuditUseCase,
  type AuditedProvisionsPage,
  type AuditedProvisionView,
} from './application/list-provisions-for-audit.use-case';
export {
  ListTransfersForAuditUseCase,
  type AuditedTransfersPage,
  type AuditedTransferView,
} from './application/list-transfers-for-audit.use-case';
export { SummariseProvisionsUseCase, type ProvisionSummary, type ProvisionSummaryCell } from './application/summarise-provisions.use-case';
export {
  AUDITED_TRANSFER_STATUSES,
  DEFAULT_AUDIT_PAGE,
  MAX_AUDIT_PAGE,
  SUMMARY_BUCKETS,
  type AuditQueryInput,
  type SummaryBucket,
} from './domain/audit-query';
