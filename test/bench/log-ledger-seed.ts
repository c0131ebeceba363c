import { createRequestContext, withTransaction } from '@infobank/platform';
import { createHash, randomUUID } from 'node:crypto';
import { consentLeafBody, CONSENT_LEAF_KIND } from '@infobank/consent';
import { PROVISION_LEAF_KIND, provisionLeafBody } from '@infobank/provision';
import { TransparencyLog, type LogLeafInput, TransparencyLogStore } from '@infobank/transparency-log';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Writes consent events and provision records with their log leaves the way the ledgers do (same
 * canonical leaf bytes, leaf and row in one transaction), without the flows around them: for tests and
 * benchmarks of full log verification, which reads only these rows. Receipts are stand-ins (their
 * hash is what the leaf carries; verification does not check the receipt's own signature).
 */
export async function seedLogLedgers(
  dataSource: DataSource,
  counts: { consentEvents: number; provisions: number },
  options: { at?: Date; source?: 'individual' | 'standing_condition' } = {},
): Promise<{ consentEventIds: string[]; provisionIds: string[] }> {
  const log = new TransparencyLog(new TransparencyLogStore(dataSource));
  const at = options.at ?? new Date();
  return dataSource.transaction(async (manager) => {
    const consentEventIds = await seedConsentEvents(manager, log, counts.consentEvents, at, options.source ?? 'individual');
    const provisionIds = await seedProvisions(manager, log, counts.provisions, at);
    return { consentEventIds, provisionIds };
  });
}

async function seedConsentEvents(
  manager: EntityManager,
  log: TransparencyLog,
  count: number,
  at: Date,
  source: 'individual' | 'standing_condition',
): Promise<string[]> {
  if (count === 0) return [];
  const consentId = randomUUID();
  await manager.query(
    `INSERT INTO "consents" ("id", "individual_id", "offer_id", "recipient_id", "status", "mode", "source", "items", "offer_snapshot", "version", "granted_at", "updated_at")
     VALUES ($1, $2, $3, $4, 'active', 'auto', $7, '{}', '{}', $5, $6, $6)`,
    [consentId, randomUUID(), randomUUID(), randomUUID(), count, at, source],
  );
  const events = Array.from({ length: count }, (_unused, position) => {
    const receiptJws = `seeded.receipt.${randomUUID()}`;
    return {
      id: randomUUID(),
      version: position + 1,
      type: position === 0 ? ('consent_granted' as const) : position % 2 === 1 ? ('consent_paused' as const) : ('consent_resumed' as const),
      receiptJws,
      receiptHash: createHash('sha256').update(receiptJws).digest('base64url'),
    };
  });
  const leaves: LogLeafInput[] = events.map((event) => ({
    kind: CONSENT_LEAF_KIND,
    body: Buffer.from(
      consentLeafBody({
        consentId,
        eventId: event.id,
        version: event.version,
        type: event.type,
        occurredAt: at,
        receiptHash: event.receiptHash,
      }),
    ),
  }));
  const leafIds = await log.appendMany(withTransaction(createRequestContext({ type: 'system', name: 'test' }), manager), leaves);
  await manager.query(
    `INSERT INTO "consent_events" ("id", "consent_id", "version", "type", "payload", "actor", "occurred_at", "receipt_id", "receipt_jws", "receipt_hash", "leaf_id")
     SELECT e."id", $1, e."version", e."type", '{}', 'individual', $2, gen_random_uuid(), e."jws", e."hash", e."leaf"
       FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::uuid[]) AS e("id", "version", "type", "jws", "hash", "leaf")`,
    [
      consentId,
      at,
      events.map((event) => event.id),
      events.map((event) => event.version),
      events.map((event) => event.type),
      events.map((event) => event.receiptJws),
      events.map((event) => event.receiptHash),
      leafIds,
    ],
  );
  return events.map((event) => event.id);
}

async function seedProvisions(manager: EntityManager, log: TransparencyLog, count: number, at: Date): Promise<string[]> {
  if (count === 0) return [];
  const shared = { consentId: randomUUID(), recipientId: randomUUID(), offerId: randomUUID(), transferId: randomUUID() };
  const rows = Array.from({ length: count }, () => ({
    id: randomUUID(),
    individualId: randomUUID(),
    subject: `sub_${randomUUID().replace(/-/g, '')}`,
    items: ['steps', 'sleep'],
    recordDigests: [createHash('sha256').update(randomUUID()).digest('base64url')],
  }));
  const leafIds = await log.appendMany(
    withTransaction(createRequestContext({ type: 'system', name: 'test' }), manager),
    rows.map((row) => ({
      kind: PROVISION_LEAF_KIND,
      body: Buffer.from(
        provisionLeafBody({
          provisionId: row.id,
          consentVersion: 1,
          part: 1,
          providedAt: at,
          subject: row.subject,
          items: row.items,
          recordDigests: row.recordDigests,
          ...shared,
        }),
      ),
    })),
  );
  await manager.query(
    `INSERT INTO "provision_records" ("id", "individual_id", "subject_id", "recipient_id", "offer_id", "consent_id", "consent_version", "transfer_id", "part",
                                      "items", "record_digests", "recipient_name", "purpose_code", "purpose_text", "benefit", "data_life_days", "provided_at", "leaf_id")
     SELECT r."id", r."individual", r."subject", $1, $2, $3, 1, $4, 1, '{steps,sleep}', ARRAY[r."digest"], '{"ja":"提供先"}', 'marketing', '{"ja":"目的"}',
            '{"type":"social","description":{"ja":"社会貢献"}}', 30, $5, r."leaf"
       FROM unnest($6::uuid[], $7::uuid[], $8::text[], $9::text[], $10::uuid[]) AS r("id", "individual", "subject", "digest", "leaf")`,
    [
      shared.recipientId,
      shared.offerId,
      shared.consentId,
      shared.transferId,
      at,
      rows.map((row) => row.id),
      rows.map((row) => row.individualId),
      rows.map((row) => row.subject),
      rows.map((row) => row.recordDigests[0]),
      leafIds,
    ],
  );
  return rows.map((row) => row.id);
}
