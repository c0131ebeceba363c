import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { ConsentEventEntity } from './consent-event.entity';

/** The append-only `consent_events` ledger with each event's signed receipt. */
@Injectable()
export class ConsentEventStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The receipt hash of one version of a consent, or null. */
  async receiptHashOf(tx: TransactionalContext, consentId: string, version: number): Promise<string | null> {
    const row = await tx.transaction.findOne(ConsentEventEntity, { where: { consentId, version }, select: { receiptHash: true } });
    return row?.receiptHash ?? null;
  }

  /** Appends one event. */
  async append(tx: TransactionalContext, event: ConsentEventEntity): Promise<void> {
    await tx.transaction.save(ConsentEventEntity, tx.transaction.create(ConsentEventEntity, event), { reload: false });
  }

  /** The events of one consent, oldest first. */
  listOf(ctx: RequestContext, consentId: string): Promise<ConsentEventEntity[]> {
    return (ctx.transaction ?? this.dataSource.manager).find(ConsentEventEntity, { where: { consentId }, order: { version: 'ASC' } });
  }
}
