import { Injectable } from '@nestjs/common';
import { type RequestContext, requireIndividual } from '@infobank/platform';
import { NotificationStore } from '../infrastructure/notification.store';
import { NotificationNotFoundError } from '../../rights.errors';

/**
 * Marks the acting individual's notifications read (既読): one by id, or every unread one. A
 * notification already read keeps the time it was first read. Someone else's id is not found.
 */
@Injectable()
export class MarkNotificationsReadUseCase {
  constructor(private readonly store: NotificationStore) {}

  /** Marks one notification read; NOTIFICATION_NOT_FOUND unless it is the acting individual's. */
  async markOne(ctx: RequestContext, notificationId: string): Promise<void> {
    const individualId = readerOf(ctx);
    if (!(await this.store.isOwnedBy(ctx, notificationId, individualId))) throw new NotificationNotFoundError();
    await this.store.markRead(ctx, individualId, ctx.now(), notificationId);
  }

  /** Marks every unread notification of the acting individual read; returns how many it marked. */
  async markAll(ctx: RequestContext): Promise<{ marked: number }> {
    const individualId = readerOf(ctx);
    return { marked: await this.store.markRead(ctx, individualId, ctx.now()) };
  }
}

function readerOf(ctx: RequestContext): string {
  return requireIndividual(ctx, { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual reads their notifications.' });
}
