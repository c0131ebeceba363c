import { Injectable } from '@nestjs/common';
import { actingAccountId, UnauthenticatedError } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { DataSource, IsNull } from 'typeorm';
import { NotificationEntity } from '../infrastructure/notification.entity';
import { NotificationNotFoundError } from '../../rights.errors';

/**
 * Marks the acting individual's notifications read (既読): one by id, or every unread one. A
 * notification already read keeps the time it was first read. Someone else's id is not found.
 */
@Injectable()
export class MarkNotificationsReadUseCase {
  constructor(private readonly dataSource: DataSource) {}

  /** Marks one notification read; NOTIFICATION_NOT_FOUND unless it is the acting individual's. */
  async markOne(ctx: RequestContext, notificationId: string): Promise<void> {
    const individualId = readerOf(ctx);
    const manager = ctx.transaction ?? this.dataSource.manager;
    const owned = await manager.exists(NotificationEntity, { where: { id: notificationId, individualId } });
    if (!owned) throw new NotificationNotFoundError();
    await manager.update(NotificationEntity, { id: notificationId, individualId, readAt: IsNull() }, { readAt: ctx.now() });
  }

  /** Marks every unread notification of the acting individual read; returns how many it marked. */
  async markAll(ctx: RequestContext): Promise<{ marked: number }> {
    const individualId = readerOf(ctx);
    const manager = ctx.transaction ?? this.dataSource.manager;
    const result = await manager.update(NotificationEntity, { individualId, readAt: IsNull() }, { readAt: ctx.now() });
    return { marked: result.affected ?? 0 };
  }
}

function readerOf(ctx: RequestContext): string {
  const individualId = actingAccountId(ctx.actor, 'individual');
  if (individualId === null) throw new UnauthenticatedError('Only a signed-in individual reads their notifications.');
  return individualId;
}
