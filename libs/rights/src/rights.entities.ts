import type { Type } from '@nestjs/common';
import { BenefitEntryEntity } from './benefits/infrastructure/benefit-entry.entity';
import { ComplaintEventEntity } from './complaints/infrastructure/complaint-event.entity';
import { ComplaintEntity } from './complaints/infrastructure/complaint.entity';
import { NotificationEntity } from './notifications/infrastructure/notification.entity';

/** TypeORM entities of libs/rights (the notifications inbox, the benefits ledger and the complaints desk). */
export const RIGHTS_ENTITIES: Type<unknown>[] = [NotificationEntity, BenefitEntryEntity, ComplaintEntity, ComplaintEventEntity];
