import { Module } from '@nestjs/common';
import { BenefitLedger } from './benefits/application/benefit-ledger';
import { GetMyBenefitsUseCase } from './benefits/application/get-my-benefits.use-case';
import { CountUnreadNotificationsUseCase, ListOwnNotificationsUseCase } from './notifications/application/list-own-notifications.use-case';
import { MarkNotificationsReadUseCase } from './notifications/application/mark-notifications-read.use-case';
import { NotifyIndividual } from './notifications/application/notify-individual';
import { BenefitEntryStore } from './benefits/infrastructure/benefit-entry.store';
import { NotificationStore } from './notifications/infrastructure/notification.store';
import { TermsModule } from './terms/terms.module';

const RIGHTS_PROVIDERS = [
  NotificationStore,
  BenefitEntryStore,
  NotifyIndividual,
  ListOwnNotificationsUseCase,
  CountUnreadNotificationsUseCase,
  MarkNotificationsReadUseCase,
  BenefitLedger,
  GetMyBenefitsUseCase,
];

/**
 * The individual's rights: the notifications inbox and the benefits ledger other contexts write to, and the
 * terms (TermsModule, re-exported). Needs TypeORM's DataSource.
 */
@Module({ imports: [TermsModule], providers: RIGHTS_PROVIDERS, exports: [...RIGHTS_PROVIDERS, TermsModule] })
export class RightsModule {}
