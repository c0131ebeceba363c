import { Injectable } from '@nestjs/common';
import { type RequestContext, requireIndividual } from '@infobank/platform';
import type { NotificationKind, NotificationMessage, NotificationSubject } from '../domain/notification';
import { NotificationStore } from '../infrastructure/notification.store';

/** Most notifications one page returns. */
export const MAX_NOTIFICATIONS = 100;

/** One notification as its individual reads it. */
export interface OwnNotification {
  notificationId: string;
  kind: NotificationKind;
  subject: NotificationSubject;
  message: NotificationMessage;
  createdAt: Date;
  readAt: Date | null;
}

/** The acting individual's notifications, newest first (at most `limit`, default and cap MAX_NOTIFICATIONS). */
@Injectable()
export class ListOwnNotificationsUseCase {
  constructor(private readonly store: NotificationStore) {}

  async execute(ctx: RequestContext, query: { limit?: number } = {}): Promise<OwnNotification[]> {
    const individualId = requireIndividual(ctx, {
      code: 'UNAUTHENTICATED',
      detail: 'Only a signed-in individual reads their notifications.',
    });
    const rows = await this.store.newestOf(ctx, individualId, Math.min(query.limit ?? MAX_NOTIFICATIONS, MAX_NOTIFICATIONS));
    return rows.map((row) => ({
      notificationId: row.id,
      kind: row.kind,
      subject: { type: row.subjectType, id: row.subjectId },
      message: row.message,
      createdAt: row.createdAt,
      readAt: row.readAt,
    }));
  }
}

/** How many of the acting individual's notifications are unread (all of them, not one page). */
@Injectable()
export class CountUnreadNotificationsUseCase {
  constructor(private readonly store: NotificationStore) {}

  async execute(ctx: RequestContext): Promise<number> {
    const individualId = requireIndividual(ctx, {
      code: 'UNAUTHENTICATED',
      detail: 'Only a signed-in individual reads their notifications.',
    });
    return this.store.countUnread(ctx, individualId);
  }
}
