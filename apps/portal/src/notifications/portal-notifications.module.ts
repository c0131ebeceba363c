import { Module } from '@nestjs/common';
import { RightsModule } from '@infobank/rights';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';

/** The individual's notifications at `/v1/me/notifications` and their e-mail preferences. Needs the portal's sessions. */
@Module({ imports: [RightsModule], controllers: [NotificationsController, NotificationPreferencesController] })
export class PortalNotificationsModule {}
