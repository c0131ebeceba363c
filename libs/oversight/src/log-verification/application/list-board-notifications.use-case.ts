import { Injectable } from '@nestjs/common';
import { type RequestContext, Transactions } from '@infobank/platform';
import { LogVerificationStore } from '../infrastructure/log-verification.store';
import { LogVerificationForbiddenError } from '../log-verification.errors';

/** A notification to the board, as listed. */
export interface BoardNotificationView {
  id: string;
  kind: string;
  subjectId: string;
  summary: Record<string, unknown>;
  createdAt: string;
}

/** Notifications shown at most. */
export const MAX_LISTED_BOARD_NOTIFICATIONS = 200;

/** The board's notifications, newest first (today: failed log verifications). */
@Injectable()
export class ListBoardNotificationsUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(ctx: RequestContext): Promise<BoardNotificationView[]> {
    if (ctx.actor.type !== 'board_member') throw new LogVerificationForbiddenError();
    const rows = await this.transactions.run(ctx, (tx) =>
      new LogVerificationStore(tx.transaction).notifications(MAX_LISTED_BOARD_NOTIFICATIONS),
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      subjectId: row.subjectId,
      summary: row.summary,
      createdAt: new Date(row.createdAt).toISOString(),
    }));
  }
}
