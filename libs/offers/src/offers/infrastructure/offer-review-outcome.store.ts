import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OfferReviewOutcomeEntity } from './offer-review-outcome.entity';

/** The board's recorded outcomes, one per offer and review round. */
@Injectable()
export class OfferReviewOutcomeStore {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /** Every outcome of these offers, latest round first. */
  listOf(ctx: RequestContext, offerIds: readonly string[]): Promise<OfferReviewOutcomeEntity[]> {
    if (offerIds.length === 0) return Promise.resolve([]);
    return this.manager(ctx)
      .createQueryBuilder(OfferReviewOutcomeEntity, 'outcome')
      .where('outcome.offerId IN (:...ids)', { ids: offerIds })
      .orderBy('outcome.round', 'DESC')
      .getMany();
  }

  /** The approvals among the outcomes of these offers. */
  approvalsOf(ctx: RequestContext, offerIds: readonly string[]): Promise<OfferReviewOutcomeEntity[]> {
    return this.manager(ctx).find(OfferReviewOutcomeEntity, { where: { offerId: In([...offerIds]), outcome: 'approved' } });
  }

  /** The outcome a review case recorded, or null. */
  findByCase(tx: TransactionalContext, caseId: string): Promise<OfferReviewOutcomeEntity | null> {
    return tx.transaction.findOne(OfferReviewOutcomeEntity, { where: { caseId } });
  }

  /** Records one outcome. */
  async insert(tx: TransactionalContext, outcome: Omit<OfferReviewOutcomeEntity, 'offer' | 'recordedAt'>): Promise<void> {
    await tx.transaction.insert(OfferReviewOutcomeEntity, outcome);
  }
}
