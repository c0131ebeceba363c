import { Module } from '@nestjs/common';
import { CatalogModule } from '@infobank/catalog';
import { ApprovalsModule, ConsentModule } from '@infobank/consent';
import { OffersModule } from '@infobank/offers';
import { RightsModule } from '@infobank/rights';
import { TransparencyLogModule } from '@infobank/transparency-log';
import { VaultModule } from '@infobank/vault';
import { GetOwnProvisionUseCase } from './provisions/application/get-own-provision.use-case';
import { GetProvisionProofUseCase } from './provisions/application/get-provision-proof.use-case';
import { ListMyProvisionsUseCase } from './provisions/application/list-my-provisions.use-case';
import { ProvisionsForNoticeUseCase } from './provisions/application/provisions-for-notice.use-case';
import { ProvisionCursors } from './provisions/application/provision-cursors';
import { ProvisionRecorder } from './provisions/application/record-provisions';
import { ProvisionHistoryQueries } from './provisions/infrastructure/provision-history.queries';
import { ProvisionRecordStore } from './provisions/infrastructure/provision-record.store';
import { BuildTransferUseCase } from './transfers/application/build-transfer.use-case';
import { DeliveryCheck } from './transfers/application/delivery-check';
import { DownloadPartUseCase } from './transfers/application/download-part.use-case';
import { ExpirePartsUseCase } from './transfers/application/expire-parts.use-case';
import { PartPackager } from './transfers/application/part-packager';
import { GetTransferUseCase, ListTransfersUseCase } from './transfers/application/read-transfers.use-cases';
import { RequestTransferUseCase } from './transfers/application/request-transfer.use-case';
import { SettleApprovalUseCase } from './transfers/application/settle-approval.use-case';
import { TransferAdmission } from './transfers/application/transfer-admission';
import { RepackageAfterErasureUseCase } from './transfers/application/repackage-after-erasure.use-case';
import { WithdrawFromTransfersUseCase } from './transfers/application/withdraw-from-transfers.use-case';
import { TransferQueries } from './transfers/infrastructure/transfer.queries';
import { TransferRepository } from './transfers/infrastructure/transfer.repository';

const USE_CASES = [
  RequestTransferUseCase,
  GetTransferUseCase,
  ListTransfersUseCase,
  DownloadPartUseCase,
  BuildTransferUseCase,
  SettleApprovalUseCase,
  ExpirePartsUseCase,
  ListMyProvisionsUseCase,
  GetProvisionProofUseCase,
  GetOwnProvisionUseCase,
  ProvisionsForNoticeUseCase,
  WithdrawFromTransfersUseCase,
  RepackageAfterErasureUseCase,
];

/**
 * Transfers and provision records. Needs TypeORM's DataSource and APP_CONFIG (PlatformModule) and the
 * bank's keys (CryptoModule.forPlatform()).
 */
@Module({
  imports: [CatalogModule, OffersModule, ConsentModule, ApprovalsModule, VaultModule, RightsModule, TransparencyLogModule],
  providers: [
    ...USE_CASES,
    TransferAdmission,
    PartPackager,
    ProvisionRecorder,
    DeliveryCheck,
    TransferRepository,
    TransferQueries,
    ProvisionRecordStore,
    ProvisionHistoryQueries,
    ProvisionCursors,
  ],
  exports: USE_CASES,
})
export class ProvisionModule {}
