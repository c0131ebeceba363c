import type { Type } from '@nestjs/common';
import { BenefitEntryEntity } from './benefits/infrastructure/benefit-entry.entity';
import { NotificationEntity } from './notifications/infrastructure/notification.entity';

/** TypeORM entities of libs/rights (the notifications inbox and the benefits ledger). */
export const RIGHTS_ENTITIES: Type<unknown>[] = [NotificationEntity, BenefitEntryEntity];
