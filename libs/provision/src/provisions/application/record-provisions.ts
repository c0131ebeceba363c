import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OfferSnapshot } from '@infobank/offers';
import type { TransactionalContext } from '@infobank/platform';
import { BenefitLedger } from '@infobank/rights';
import { TransparencyLog } from '@infobank/transparency-log';
import { PROVISION_LEAF_KIND, provisionLeafBody } from '../domain/provision-leaf';
import type { LocalisedName } from '../infrastructure/provision-record.entity';
import { ProvisionRecordStore } from '../infrastructure/provision-record.store';

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
 * Each a single multi-row statement, so a 1,000-subject part commits in a few statements; what the part's records share
 * (offer, recipient, transfer, part, time) is sent once a statement, not once a record.
 */
@Injectable()
export class ProvisionRecorder {
  constructor(
    private readonly log: TransparencyLog,
    private readonly benefits: BenefitLedger,
    private readonly records: ProvisionRecordStore,
  ) {}

  async record(
    tx: TransactionalContext,
    delivery: { transferId: string; part: number; offer: OfferSnapshot; recipientName: LocalisedName; providedAt: Date },
    subjects: readonly DeliveredSubject[],
  ): Promise<void> {
    const { transferId, part, offer, providedAt } = delivery;
    const rows = subjects.map((subject) => ({ id: randomUUID(), ...subject }));
    const leafIds = await this.log.appendMany(
      tx,
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
    await this.records.insert(
      tx,
      {
        recipientId: offer.recipientId,
        offerId: offer.id,
        transferId,
        part,
        recipientName: delivery.recipientName,
        purposeCode: offer.purposeCode,
        purposeText: offer.purposeText,
        benefit,
        dataLifeDays: offer.dataLifeDays,
        providedAt,
      },
      rows.map((row, index) => ({
        id: row.id,
        individualId: row.individualId,
        subjectId: row.subjectId,
        consentId: row.consentId,
        consentVersion: row.consentVersion,
        items: row.items,
        recordDigests: row.recordDigests,
        leafId: leafIds[index],
      })),
    );
    await this.benefits.creditDelivery(
      tx,
      {
        offerId: offer.id,
        recipientId: offer.recipientId,
        recipientName: delivery.recipientName,
        purposeText: offer.purposeText,
        benefit,
        creditedAt: providedAt,
      },
      rows.map((row) => ({ individualId: row.individualId, provisionId: row.id })),
    );
  }
}
