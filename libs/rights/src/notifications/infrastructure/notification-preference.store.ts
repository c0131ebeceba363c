import { Injectable } from '@nestjs/common';
import { binaryArray, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationEmailPreferenceEntity } from './notification-preference.entity';

/** The individuals' per-kind e-mail choices. */
@Injectable()
export class NotificationPreferenceStore {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /** The choices the individual made, by kind (kinds without one follow the default). */
  async chosenBy(ctx: RequestContext, individualId: string): Promise<Map<string, boolean>> {
    const rows = await this.manager(ctx).find(NotificationEmailPreferenceEntity, { where: { individualId } });
    return new Map(rows.map((row) => [row.kind, row.email]));
  }

  /** The individual's choice for one kind, if they made one. */
  async chosenFor(ctx: RequestContext, individualId: string, kind: string): Promise<boolean | undefined> {
    const row = await this.manager(ctx).findOne(NotificationEmailPreferenceEntity, { where: { individualId, kind } });
    return row?.email;
  }

  /** The choices these individuals made for one kind (individuals without one follow the default); one query. */
  async chosenForAll(ctx: RequestContext, individualIds: readonly string[], kind: string): Promise<Map<string, boolean>> {
    if (individualIds.length === 0) return new Map();
    // The ids as one binary array parameter (a standing-conditions page notifies 1,000 at once), not 1,000 `In` parameters.
    const rows: { individualId: string; email: boolean }[] = await this.manager(ctx).query(
      `SELECT "individual_id" AS "individualId", "email" FROM "notification_email_preferences"
        WHERE "individual_id" = ANY($1::uuid[]) AND "kind" = $2`,
      [binaryArray.uuid(individualIds), kind],
    );
    return new Map(rows.map((row) => [row.individualId, row.email]));
  }

  /** Records the choices (one row per kind, replacing an earlier one). */
  async choose(
    tx: TransactionalContext,
    individualId: string,
    choices: readonly { kind: string; email: boolean }[],
    at: Date,
  ): Promise<void> {
    if (choices.length === 0) return;
    await tx.transaction
      .createQueryBuilder()
      .insert()
      .into(NotificationEmailPreferenceEntity)
      .values(choices.map((choice) => ({ individualId, kind: choice.kind, email: choice.email, updatedAt: at })))
      .orUpdate(['email', 'updated_at'], ['individual_id', 'kind'])
      .execute();
  }
}
