import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { NewNotification } from '../domain/notification';
import { NotificationEntity } from './notification.entity';

/** The notifications table: written inside the caller's transaction, read newest first per individual. */
@Injectable()
export class NotificationStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts one unread notification created at `createdAt`. */
  async insert(tx: TransactionalContext, id: string, notification: NewNotification, createdAt: Date): Promise<void> {
    await tx.transaction.insert(NotificationEntity, {
      id,
      individualId: notification.individualId,
      kind: notification.kind,
      subjectType: notification.subject.type,
      subjectId: notification.subject.id,
      message: notification.message,
      createdAt,
      readAt: null,
    });
  }

  /** The individual's newest `take` notifications, newest first. */
  newestOf(ctx: RequestContext, individualId: string, take: number): Promise<NotificationEntity[]> {
    return (ctx.transaction ?? this.dataSource.manager).find(NotificationEntity, {
      where: { individualId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take,
    });
  }
}
