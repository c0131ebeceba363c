import type { Type } from '@nestjs/common';
import { DepositBatchEntity } from './infrastructure/deposit-batch.entity';
import { VaultRecordVersionEntity } from './infrastructure/vault-record-version.entity';
import { VaultRecordEntity } from './infrastructure/vault-record.entity';

/** TypeORM entities of deposited records. */
export const RECORD_ENTITIES: Type<unknown>[] = [DepositBatchEntity, VaultRecordEntity, VaultRecordVersionEntity];
