import { Injectable } from '@nestjs/common';
import { binaryArray, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { NewNotification } from '../domain/notification';
import { NotificationEntity } from './notification.entity';

/** The notifications table: written inside the caller's transaction, read newest first per individual. */
@Injectable()
export class NotificationStore {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /** Inserts unread notifications (one or a page of them) created at `createdAt`, with one statement (binary array parameters). */
  async insertMany(
    tx: TransactionalContext,
    notifications: readonly { id: string; notification: NewNotification }[],
    createdAt: Date,
  ): Promise<void> {
    if (notifications.length === 0) return;
    const column = <Value>(read: (notification: NewNotification) => Value): Value[] =>
      notifications.map(({ notification }) => read(notification));
    await tx.transaction.query(
      `INSERT INTO "notifications" ("id", "individual_id", "kind", "subject_type", "subject_id", "message", "created_at", "read_at")
       SELECT t."id", t."individual_id", t."kind", t."subject_type", t."subject_id", t."message", $7, NULL
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::jsonb[])
           AS t("id", "individual_id", "kind", "subject_type", "subject_id", "message")`,
      [
        binaryArray.uuid(notifications.map(({ id }) => id)),
        binaryArray.uuid(column((notification) => notification.individualId)),
        binaryArray.text(column((notification) => notification.kind)),
        binaryArray.text(column((notification) => notification.subject.type)),
        binaryArray.uuid(column((notification) => notification.subject.id)),
        binaryArray.jsonb(column((notification) => JSON.stringify(notification.message))),
        createdAt,
      ],
    );
  }

  /** The individual's newest `take` notifications, newest first. */
  newestOf(ctx: RequestContext, individualId: string, take: number): Promise<NotificationEntity[]> {
    return this.manager(ctx).find(NotificationEntity, {
      where: { individualId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take,
    });
  }

  /** How many of the individual's notifications are unread. */
  countUnread(ctx: RequestContext, individualId: string): Promise<number> {
    return this.manager(ctx).count(NotificationEntity, { where: { individualId, readAt: IsNull() } });
  }

  /** The individual's notification with this id, if it is theirs. */
  findOfIndividual(ctx: RequestContext, notificationId: string, individualId: string): Promise<NotificationEntity | null> {
    return this.manager(ctx).findOne(NotificationEntity, { where: { id: notificationId, individualId } });
  }

  /** The individual's notification about this subject (the newest, if several). */
  findBySubject(ctx: RequestContext, individualId: string, subject: { type: string; id: string }): Promise<NotificationEntity | null> {
    return this.manager(ctx).findOne(NotificationEntity, {
      where: { individualId, subjectType: subject.type as NotificationEntity['subjectType'], subjectId: subject.id },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** Whether this notification is the individual's. */
  isOwnedBy(ctx: RequestContext, notificationId: string, individualId: string): Promise<boolean> {
    return this.manager(ctx).exists(NotificationEntity, { where: { id: notificationId, individualId } });
  }

  /** Marks the individual's unread notifications (one, or all when no id is given) read at `readAt`; returns how many. */
  async markRead(ctx: RequestContext, individualId: string, readAt: Date, notificationId?: string): Promise<number> {
    const where =
      notificationId === undefined ? { individualId, readAt: IsNull() } : { id: notificationId, individualId, readAt: IsNull() };
    const result = await this.manager(ctx).update(NotificationEntity, where, { readAt });
    return result.affected ?? 0;
  }
}
