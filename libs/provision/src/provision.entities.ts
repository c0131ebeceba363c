import type { Type } from '@nestjs/common';
import { ProvisionRecordEntity } from './provisions/infrastructure/provision-record.entity';
import { TransferPartEntity } from './transfers/infrastructure/transfer-part.entity';
import { TransferSubjectEntity } from './transfers/infrastructure/transfer-subject.entity';
import { TransferEntity } from './transfers/infrastructure/transfer.entity';

/** TypeORM entities of libs/provision: transfers, their subjects and parts, and provision records. */
export const PROVISION_ENTITIES: Type<unknown>[] = [TransferEntity, TransferSubjectEntity, TransferPartEntity, ProvisionRecordEntity];
