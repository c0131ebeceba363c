import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import type { OfferSnapshot } from '@infobank/offers';
import { BenefitLedger } from '@infobank/rights';
import { TransparencyLog } from '@infobank/transparency-log';
import { PROVISION_LEAF_KIND, provisionLeafBody } from '../domain/provision-leaf';
import { ProvisionRecordEntity, type LocalisedName } from '../infrastructure/provision-record.entity';

/** One subject of a delivered part, as its provision record states it. */
export interface DeliveredSubject {
  individualId: string;
  subjectId: string;
  consentId: string;
  consentVersion: number;
  items: string[];
  recordDigests: string[];
}

/**
 * Writes what a delivery leaves behind, in the delivery's transaction: one provision record per
 * subject, its transparency log leaf, and the offer's benefit credited to the subject's benefit ledger.
 * Each a single multi-row statement, so a 1,000-subject part commits in a few statements.
 */
@Injectable()
export class ProvisionRecorder {
  constructor(
    private readonly log: TransparencyLog,
    private readonly benefits: BenefitLedger,
  ) {}

  async record(
    tx: TransactionalContext,
    delivery: { transferId: string; part: number; offer: OfferSnapshot; recipientName: LocalisedName; providedAt: Date },
    subjects: readonly DeliveredSubject[],
  ): Promise<void> {
    const manager = tx.transaction;
    const { transferId, part, offer, providedAt } = delivery;
    const rows = subjects.map((subject) => ({ id: randomUUID(), ...subject }));
    const leafIds = await this.log.appendMany(
      manager,
      rows.map((row) => ({
        kind: PROVISION_LEAF_KIND,
        body: Buffer.from(
          provisionLeafBody({
            provisionId: row.id,
            consentId: row.consentId,
            consentVersion: row.consentVersion,
            recipientId: offer.recipientId,
            offerId: offer.id,
            transferId,
            part,
            subject: row.subjectId,
            items: row.items,
            recordDigests: row.recordDigests,
            providedAt,
          }),
          'utf8',
        ),
      })),
    );
    const benefit = {
      type: offer.benefit.type,
      ...(offer.benefit.amount === undefined ? {} : { amount: offer.benefit.amount }),
      description: offer.benefit.description,
    };
    for (let start = 0; start < rows.length; start += 1000) {
      await manager.insert(
        ProvisionRecordEntity,
        rows.slice(start, start + 1000).map((row, index) => ({
          id: row.id,
          individualId: row.individualId,
          subjectId: row.subjectId,
          recipientId: offer.recipientId,
          offerId: offer.id,
          consentId: row.consentId,
          consentVersion: row.consentVersion,
          transferId,
          part,
          items: row.items,
          recordDigests: row.recordDigests,
          recipientName: delivery.recipientName,
          purposeCode: offer.purposeCode,
          purposeText: offer.purposeText,
          benefit,
          dataLifeDays: offer.dataLifeDays,
          providedAt,
          leafId: leafIds[start + index],
        })),
      );
    }
    await this.benefits.credit(
      tx,
      rows.map((row) => ({
        individualId: row.individualId,
        provisionId: row.id,
        offerId: offer.id,
        recipientId: offer.recipientId,
        recipientName: delivery.recipientName,
        purposeText: offer.purposeText,
        benefit,
        creditedAt: providedAt,
      })),
    );
  }
}
