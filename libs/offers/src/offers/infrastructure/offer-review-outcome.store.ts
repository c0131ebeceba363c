import { Injectable } from '@nestjs/common';
import {
  binaryArray,
  entityJsonReader,
  readPiece,
  readValue,
  sql,
  type ReadPiece,
  type RequestContext,
  type SqlPiece,
  type TransactionalContext,
} from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { OfferReviewOutcomeEntity } from './offer-review-outcome.entity';

/** The board's recorded outcomes, one per offer and review round. */
@Injectable()
export class OfferReviewOutcomeStore {
  /** An outcome row a read piece selected as JSON. */
  private readonly outcomeOfJson: (json: unknown) => OfferReviewOutcomeEntity;

  constructor(private readonly dataSource: DataSource) {
    this.outcomeOfJson = entityJsonReader(dataSource, OfferReviewOutcomeEntity);
  }

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
    return readValue(
      { transaction: ctx.transaction, dataSource: this.dataSource },
      this.approvalsPiece(sql`${binaryArray.uuid(offerIds)}::uuid[]`),
    );
  }

  /** The read of `approvalsOf`, the offers given by a `uuid[]` expression. */
  approvalsPiece(offerIds: SqlPiece): ReadPiece<OfferReviewOutcomeEntity[]> {
    return readPiece(
      sql`SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb) FROM "offer_review_outcomes" r
           WHERE r."offer_id" = ANY(${offerIds}) AND r."outcome" = 'approved'`,
      (json) => (json as unknown[]).map(this.outcomeOfJson),
    );
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
