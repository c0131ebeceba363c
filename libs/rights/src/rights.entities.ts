import type { Type } from '@nestjs/common';
import { BenefitEntryEntity } from './benefits/infrastructure/benefit-entry.entity';
import { AccountTokenEntity } from './mail/infrastructure/account-token.entity';
import { MailMessageEntity } from './mail/infrastructure/mail-message.entity';
import { NotificationEmailPreferenceEntity } from './notifications/infrastructure/notification-preference.entity';
import { ComplaintEventEntity } from './complaints/infrastructure/complaint-event.entity';
import { ComplaintEntity } from './complaints/infrastructure/complaint.entity';
import { NotificationEntity } from './notifications/infrastructure/notification.entity';
import { TermsAcceptanceEntity } from './terms/infrastructure/terms-acceptance.entity';
import { TermsVersionEntity } from './terms/infrastructure/terms-version.entity';

/** TypeORM entities of libs/rights (the notifications inbox and its e-mail preferences, mail and one-time links, the benefits ledger, terms and their acceptances, the complaints desk). */
export const RIGHTS_ENTITIES: Type<unknown>[] = [
  NotificationEntity,
  BenefitEntryEntity,
  NotificationEmailPreferenceEntity,
  MailMessageEntity,
  AccountTokenEntity,
  TermsVersionEntity,
  TermsAcceptanceEntity,
  ComplaintEntity,
  ComplaintEventEntity,
];
