import type { Provider } from '@nestjs/common';
import { CatalogCategoryRules } from './application/catalog-category-rules';
import { CloseMyAccountUseCase } from './application/close-my-account.use-case';
import { CountRecordsForProvisionUseCase } from './application/count-records-for-provision.use-case';
import { DepositRecordsUseCase } from './application/deposit-records.use-case';
import { EraseMyDataUseCase } from './application/erase-my-data.use-case';
import { FindChangedRecordsUseCase } from './application/find-changed-records.use-case';
import { ListMyRecordVersionsUseCase } from './application/list-my-record-versions.use-case';
import { ListMyRecordsUseCase } from './application/list-my-records.use-case';
import { ReadRecordsForProvisionUseCase } from './application/read-records-for-provision.use-case';
import { RecordContentDigest } from './application/record-content-digest';
import { RemoveLinkAndEraseUseCase } from './application/remove-link-and-erase.use-case';
import { SummariseMyDataUseCase } from './application/summarise-my-data.use-case';
import { DepositBatchStore } from './infrastructure/deposit-batch.store';
import { DepositPreparationPool } from './infrastructure/deposit-preparation.pool';
import { IndividualRecordsQueries } from './infrastructure/individual-records.queries';
import { ProvisionRecordsQueries } from './infrastructure/provision-records.queries';
import { VaultRecordStore } from './infrastructure/vault-record.store';

/** The records part of the vault: deposits, the individual's view, erasure and reads for transfers (exported by VaultModule). */
export const RECORD_PROVIDERS: Provider[] = [
  CatalogCategoryRules,
  DepositPreparationPool,
  RecordContentDigest,
  DepositBatchStore,
  VaultRecordStore,
  IndividualRecordsQueries,
  ProvisionRecordsQueries,
  DepositRecordsUseCase,
  SummariseMyDataUseCase,
  ListMyRecordsUseCase,
  ListMyRecordVersionsUseCase,
  EraseMyDataUseCase,
  RemoveLinkAndEraseUseCase,
  CloseMyAccountUseCase,
  // The transfer builder (worker).
  CountRecordsForProvisionUseCase,
  ReadRecordsForProvisionUseCase,
  FindChangedRecordsUseCase,
];
