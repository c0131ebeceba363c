import { Injectable } from '@nestjs/common';
import { binaryArray, sql, type RequestContext, type SqlPiece, type TransactionalContext } from '@infobank/platform';
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

  /** Appends events (one or a page of them) with one statement, its columns as binary array parameters. */
  async appendMany(tx: TransactionalContext, events: readonly ConsentEventEntity[]): Promise<void> {
    if (events.length === 0) return;
    const column = <Value>(read: (event: ConsentEventEntity) => Value): Value[] => events.map(read);
    await tx.transaction.query(
      `INSERT INTO "consent_events" ("id", "consent_id", "version", "type", "payload", "actor", "occurred_at", "receipt_id",
         "receipt_jws", "receipt_hash", "leaf_id")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::integer[], $4::text[], $5::jsonb[], $6::text[], $7::timestamptz[], $8::uuid[],
                            $9::text[], $10::text[], $11::uuid[])`,
      [
        binaryArray.uuid(column((event) => event.id)),
        binaryArray.uuid(column((event) => event.consentId)),
        binaryArray.int4(column((event) => event.version)),
        binaryArray.text(column((event) => event.type)),
        binaryArray.jsonb(column((event) => JSON.stringify(event.payload))),
        binaryArray.text(column((event) => event.actor)),
        binaryArray.timestamptz(column((event) => event.occurredAt)),
        binaryArray.uuid(column((event) => event.receiptId)),
        binaryArray.text(column((event) => event.receiptJws)),
        binaryArray.text(column((event) => event.receiptHash)),
        binaryArray.uuid(column((event) => event.leafId)),
      ],
    );
  }

  /** The statement piece that appends events as `appendMany` does, only those of consents `keptConsentIds` (a piece) selects. */
  appendPiece(events: readonly ConsentEventEntity[], keptConsentIds: SqlPiece): SqlPiece {
    const column = <Value>(read: (event: ConsentEventEntity) => Value): Value[] => events.map(read);
    return sql`INSERT INTO "consent_events" ("id", "consent_id", "version", "type", "payload", "actor", "occurred_at", "receipt_id",
         "receipt_jws", "receipt_hash", "leaf_id")
       SELECT * FROM unnest(${binaryArray.uuid(column((event) => event.id))}::uuid[], ${binaryArray.uuid(column((event) => event.consentId))}::uuid[],
                            ${binaryArray.int4(column((event) => event.version))}::integer[], ${binaryArray.text(column((event) => event.type))}::text[],
                            ${binaryArray.jsonb(column((event) => JSON.stringify(event.payload)))}::jsonb[],
                            ${binaryArray.text(column((event) => event.actor))}::text[],
                            ${binaryArray.timestamptz(column((event) => event.occurredAt))}::timestamptz[],
                            ${binaryArray.uuid(column((event) => event.receiptId))}::uuid[], ${binaryArray.text(column((event) => event.receiptJws))}::text[],
                            ${binaryArray.text(column((event) => event.receiptHash))}::text[], ${binaryArray.uuid(column((event) => event.leafId))}::uuid[])
          AS e("id", "consent_id", "version", "type", "payload", "actor", "occurred_at", "receipt_id", "receipt_jws", "receipt_hash", "leaf_id")
        WHERE e."consent_id" IN (${keptConsentIds})`;
  }

  /** The events of one consent, oldest first. */
  listOf(ctx: RequestContext, consentId: string): Promise<ConsentEventEntity[]> {
    return (ctx.transaction ?? this.dataSource.manager).find(ConsentEventEntity, { where: { consentId }, order: { version: 'ASC' } });
  }
}
