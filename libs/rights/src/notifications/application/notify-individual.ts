import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { MailOutbox } from '../../mail/application/mail-outbox';
import type { NewNotification, NotificationSubject } from '../domain/notification';
import { emailWanted } from '../domain/notification-preferences';
import { NotificationPreferenceStore } from '../infrastructure/notification-preference.store';
import { NotificationStore } from '../infrastructure/notification.store';

/**
 * Writes a notification into an individual's inbox inside the caller's transaction, so it exists
 * exactly when what it tells about committed. It is dated `tx.now()`. When the individual wants that
 * kind by e-mail (their choice, or the kind's default), a mail of the notification's own ja/en text
 * is queued in the same transaction: every kind, including kinds added later, is mailed without code
 * of its own. Returns the notification id.
 */
@Injectable()
export class NotifyIndividual {
  constructor(
    private readonly store: NotificationStore,
    private readonly preferences: NotificationPreferenceStore,
    private readonly mail: MailOutbox,
  ) {}

  async notify(tx: TransactionalContext, notification: NewNotification): Promise<string> {
    const [id] = await this.notifyAll(tx, [notification]);
    return id;
  }

  /**
   * The same for a page of notifications (standing conditions notify everyone a page granted): one insert,
   * one read of the e-mail choices per kind, a mail for each individual who wants one. Returns the ids in order.
   */
  async notifyAll(tx: TransactionalContext, notifications: readonly NewNotification[]): Promise<string[]> {
    const written = notifications.map((notification) => ({ id: randomUUID(), notification }));
    await this.store.insertMany(tx, written, tx.now());
    for (const kind of new Set(notifications.map((notification) => notification.kind))) {
      const ofKind = written.filter(({ notification }) => notification.kind === kind);
      const chosen = await this.preferences.chosenForAll(
        tx,
        ofKind.map(({ notification }) => notification.individualId),
        kind,
      );
      for (const { id, notification } of ofKind) {
        if (emailWanted(kind, chosen.get(notification.individualId))) {
          await this.mail.queue(tx, { accountId: notification.individualId, purpose: 'notification', notificationId: id });
        }
      }
    }
    return written.map(({ id }) => id);
  }

  /**
   * Reminds the individual once, by e-mail, of their notification about `subject` (e.g. an approval
   * request about to expire), when they want that kind by e-mail. Returns whether a reminder was
   * queued: false when there is no such notification, the kind is not wanted by mail, or a reminder
   * went out already.
   */
  async remindByMail(tx: TransactionalContext, individualId: string, subject: NotificationSubject): Promise<boolean> {
    const notification = await this.store.findBySubject(tx, individualId, subject);
    if (notification === null || !(await this.wantsEmail(tx, individualId, notification.kind))) return false;
    return (await this.mail.queue(tx, { accountId: individualId, purpose: 'reminder', notificationId: notification.id })) !== null;
  }

  private async wantsEmail(tx: TransactionalContext, individualId: string, kind: string): Promise<boolean> {
    return emailWanted(kind, await this.preferences.chosenFor(tx, individualId, kind));
  }
}
