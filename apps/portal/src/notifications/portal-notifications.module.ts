import { Module } from '@nestjs/common';
import { RightsModule } from '@infobank/rights';
import { NotificationsController } from './notifications.controller';

/** The individual's notifications at `/v1/me/notifications`. Needs the portal's sessions. */
@Module({ imports: [RightsModule], controllers: [NotificationsController] })
export class PortalNotificationsModule {}
