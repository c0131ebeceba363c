import { Module } from '@nestjs/common';
import { CatalogModule } from '@infobank/catalog';
import { GetRecipientAuditUseCase } from './application/get-recipient-audit.use-case';
import { ListProvisionsForAuditUseCase } from './application/list-provisions-for-audit.use-case';
import { ListTransfersForAuditUseCase } from './application/list-transfers-for-audit.use-case';
import { SummariseProvisionsUseCase } from './application/summarise-provisions.use-case';
import { ProvisionAuditQueries } from './infrastructure/provision-audit.queries';
import { RecipientAuditQueries } from './infrastructure/recipient-audit.queries';
import { TransferAuditQueries } from './infrastructure/transfer-audit.queries';

const AUDIT_USE_CASES = [ListProvisionsForAuditUseCase, SummariseProvisionsUseCase, ListTransfersForAuditUseCase, GetRecipientAuditUseCase];

/** The board's provision and transfer audit (read-only). Needs the platform's DataSource. */
@Module({
  imports: [CatalogModule],
  providers: [...AUDIT_USE_CASES, ProvisionAuditQueries, TransferAuditQueries, RecipientAuditQueries],
  exports: AUDIT_USE_CASES,
})
export class AuditModule {}
