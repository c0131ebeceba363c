import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { StandingConditionsEntity } from './standing-conditions.entity';

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
    return tx.transaction
      .createQueryBuilder(StandingConditionsEntity, 'conditions')
      .where('conditions.purposes @> ARRAY[:purpose]::text[]', { purpose: purposeCode })
      .andWhere('conditions.individualId > :after', { after: afterIndividualId })
      .orderBy('conditions.individualId', 'ASC')
      .limit(limit)
      .getMany();
  }
}
