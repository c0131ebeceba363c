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

  /** Appends events (one or a page of them) with one statement. */
  async appendMany(tx: TransactionalContext, events: readonly ConsentEventEntity[]): Promise<void> {
    if (events.length === 0) return;
    const column = <Value>(read: (event: ConsentEventEntity) => Value): Value[] => events.map(read);
    await tx.transaction.query(
      `INSERT INTO "consent_events" ("id", "consent_id", "version", "type", "payload", "actor", "occurred_at", "receipt_id",
         "receipt_jws", "receipt_hash", "leaf_id")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::integer[], $4::text[], $5::jsonb[], $6::text[], $7::timestamptz[], $8::uuid[],
                            $9::text[], $10::text[], $11::uuid[])`,
      [
        column((event) => event.id),
        column((event) => event.consentId),
        column((event) => event.version),
        column((event) => event.type),
        column((event) => JSON.stringify(event.payload)),
        column((event) => event.actor),
        column((event) => event.occurredAt),
        column((event) => event.receiptId),
        column((event) => event.receiptJws),
        column((event) => event.receiptHash),
        column((event) => event.leafId),
      ],
    );
  }

  /** The events of one consent, oldest first. */
  listOf(ctx: RequestContext, consentId: string): Promise<ConsentEventEntity[]> {
    return (ctx.transaction ?? this.dataSource.manager).find(ConsentEventEntity, { where: { consentId }, order: { version: 'ASC' } });
  }
}
