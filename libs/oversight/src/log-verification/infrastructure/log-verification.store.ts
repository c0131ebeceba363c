import type { EntityManager } from 'typeorm';
import type { LogVerificationFailure, LogVerificationProgress, LogVerificationStatus } from '../domain/log-verification';
import { BoardNotificationEntity, type BoardNotificationKind } from './board-notification.entity';
import { LogVerificationEntity } from './log-verification.entity';

/** What a page changes on a run. */
export interface LogVerificationPageUpdate {
  status: LogVerificationStatus;
  nextSize: number;
  progress: LogVerificationProgress;
  failures: LogVerificationFailure[];
  failureCount: number;
  resultJws: string | null;
  updatedAt: Date;
  completedAt: Date | null;
}

/** The rows of log verification runs and of board notifications (the only writer of both). */
export class LogVerificationStore {
  constructor(private readonly manager: EntityManager) {}

  async insert(row: LogVerificationEntity): Promise<void> {
    await this.manager.insert(LogVerificationEntity, row);
  }

  async find(id: string): Promise<LogVerificationEntity | null> {
    return this.manager.findOne(LogVerificationEntity, { where: { id } });
  }

  /** The run, locked so that two deliveries of its page job cannot check the same page twice. */
  async lock(id: string): Promise<LogVerificationEntity | null> {
    return this.manager.findOne(LogVerificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(id: string, update: LogVerificationPageUpdate): Promise<void> {
    await this.manager.update(LogVerificationEntity, { id }, { ...update, nextSize: String(update.nextSize) });
  }

  /** When the last scheduled run was asked for, or null; serialised by a transaction lock so two workers start one run. */
  async lastScheduledAtLocked(): Promise<Date | null> {
    await this.manager.query(`SELECT pg_advisory_xact_lock($1)`, [SCHEDULED_RUN_LOCK_KEY]);
    const rows: { requested_at: Date }[] = await this.manager.query(
      `SELECT "requested_at" FROM "log_verifications" WHERE "trigger" = 'schedule' ORDER BY "requested_at" DESC LIMIT 1`,
    );
    return rows.length === 0 ? null : new Date(rows[0].requested_at);
  }

  /** Raises a notification to the board once per kind and subject. */
  async notifyBoard(notification: {
    id: string;
    kind: BoardNotificationKind;
    subjectId: string;
    summary: Record<string, unknown>;
    createdAt: Date;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO "board_notifications" ("id", "kind", "subject_id", "summary", "created_at") VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT "uq_board_notifications_kind_subject" DO NOTHING`,
      [notification.id, notification.kind, notification.subjectId, JSON.stringify(notification.summary), notification.createdAt],
    );
  }

  /** The board's notifications, newest first. */
  async notifications(limit: number): Promise<BoardNotificationEntity[]> {
    return this.manager.find(BoardNotificationEntity, { order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }
}

const SCHEDULED_RUN_LOCK_KEY = 7_300_611_017;
