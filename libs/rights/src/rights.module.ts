import { Module } from '@nestjs/common';
import { ListOwnNotificationsUseCase } from './notifications/application/list-own-notifications.use-case';
import { NotifyIndividual } from './notifications/application/notify-individual';

const RIGHTS_PROVIDERS = [NotifyIndividual, ListOwnNotificationsUseCase];

/** The individual's rights: for now the notifications inbox other contexts write to. Needs TypeORM's DataSource. */
@Module({ providers: RIGHTS_PROVIDERS, exports: RIGHTS_PROVIDERS })
export class RightsModule {}
