import type { Type } from '@nestjs/common';
import { BenefitEntryEntity } from './benefits/infrastructure/benefit-entry.entity';
import { NotificationEntity } from './notifications/infrastructure/notification.entity';
import { TermsAcceptanceEntity } from './terms/infrastructure/terms-acceptance.entity';
import { TermsVersionEntity } from './terms/infrastructure/terms-version.entity';

/** TypeORM entities of libs/rights (the notifications inbox, the benefits ledger, terms and their acceptances). */
export const RIGHTS_ENTITIES: Type<unknown>[] = [NotificationEntity, BenefitEntryEntity, TermsVersionEntity, TermsAcceptanceEntity];
