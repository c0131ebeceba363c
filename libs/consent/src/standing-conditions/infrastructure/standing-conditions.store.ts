import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { StandingConditionsEntity } from './standing-conditions.entity';

/** Every column of a row, named as StandingConditionsEntity's properties. */
const PAGE_COLUMNS = `"individual_id" AS "individualId", "purposes", "allow_cross_border" AS "allowCrossBorder",
  "allow_profiling" AS "allowProfiling", "minimum_benefit_type" AS "minimumBenefitType",
  "minimum_benefit_amount" AS "minimumBenefitAmount", "excluded_recipients" AS "excludedRecipients", "mode", "updated_at" AS "updatedAt"`;

/** The `standing_conditions` rows, one per individual who set any. */
@Injectable()
export class StandingConditionsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The individual's conditions, or null when never set. */
  findOfIndividual(ctx: RequestContext, individualId: string): Promise<StandingConditionsEntity | null> {
    return (ctx.transaction ?? this.dataSource.manager).findOne(StandingConditionsEntity, { where: { individualId } });
  }

  /** Replaces (or first sets) the individual's conditions. */
  async put(tx: TransactionalContext, row: StandingConditionsEntity): Promise<void> {
    await tx.transaction.upsert(StandingConditionsEntity, row, ['individualId']);
  }

  /** One page of the conditions naming `purposeCode`, in individual id order after `afterIndividualId`. */
  pageNamingPurpose(
    tx: TransactionalContext,
    purposeCode: string,
    afterIndividualId: string,
    limit: number,
  ): Promise<StandingConditionsEntity[]> {
    // Plain rows named as the entity's properties: the query builder's hydration of a 1,000-row page cost more than its read.
    return tx.transaction.query(
      `SELECT ${PAGE_COLUMNS} FROM "standing_conditions"
        WHERE "purposes" @> ARRAY[$1]::text[] AND "individual_id" > $2 ORDER BY "individual_id" LIMIT $3`,
      [purposeCode, afterIndividualId, limit],
    );
  }
}
