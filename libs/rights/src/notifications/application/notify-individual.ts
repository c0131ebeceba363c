import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { NewNotification } from '../domain/notification';
import { NotificationEntity } from '../infrastructure/notification.entity';

/**
 * Writes a notification into an individual's inbox inside the caller's transaction, so it exists
 * exactly when what it tells about committed. Returns the notification id.
 */
@Injectable()
export class NotifyIndividual {
  async notify(manager: EntityManager, notification: NewNotification, now: Date = new Date()): Promise<string> {
    const id = randomUUID();
    await manager.insert(NotificationEntity, {
      id,
      individualId: notification.individualId,
      kind: notification.kind,
      subjectType: notification.subject.type,
      subjectId: notification.subject.id,
      message: notification.message,
      createdAt: now,
      readAt: null,
    });
    return id;
  }
}
