import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { NewNotification } from '../domain/notification';
import { NotificationStore } from '../infrastructure/notification.store';

/**
 * Writes a notification into an individual's inbox inside the caller's transaction, so it exists
 * exactly when what it tells about committed. It is dated `tx.now()`. Returns the notification id.
 */
@Injectable()
export class NotifyIndividual {
  constructor(private readonly store: NotificationStore) {}

  async notify(tx: TransactionalContext, notification: NewNotification): Promise<string> {
    const id = randomUUID();
    await this.store.insert(tx, id, notification, tx.now());
    return id;
  }
}
