import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import type { DepositResponse } from '../domain/deposit-outcome';

/** A batch's row as the deposit writes it first, before its records. */
export interface BatchClaim {
  id: string;
  providerId: string;
  batchId: string;
  jwsDigest: Buffer;
  payloadDigest: Buffer;
  signingKid: string;
  recordCount: number;
  receivedAt: Date;
}

/** deposit_batches: the provider's batches, claimed by (provider, batchId) and answered once. */
@Injectable()
export class DepositBatchStore {
  /**
   * Claims the batchId for this batch; false when the provider already has a batch with that id. A
   * concurrent claim of the same id waits here until the first commits (or rolls back).
   */
  async claim(tx: TransactionalContext, batch: BatchClaim): Promise<boolean> {
    const rows: unknown[] = await tx.transaction.query(
      `INSERT INTO "deposit_batches" ("id", "provider_id", "batch_id", "jws_digest", "payload_digest", "signing_kid", "record_count", "received_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ("provider_id", "batch_id") DO NOTHING RETURNING "id"`,
      [
        batch.id,
        batch.providerId,
        batch.batchId,
        batch.jwsDigest,
        batch.payloadDigest,
        batch.signingKid,
        batch.recordCount,
        batch.receivedAt,
      ],
    );
    return rows.length === 1;
  }

  /** The stored answer to the provider's earlier batch with this id, and the digest of what it signed. */
  async findAnswered(
    tx: TransactionalContext,
    providerId: string,
    batchId: string,
  ): Promise<{ payloadDigest: Buffer; response: DepositResponse | null } | null> {
    const rows: { payload_digest: Buffer; response: DepositResponse | null }[] = await tx.transaction.query(
      `SELECT "payload_digest", "response" FROM "deposit_batches" WHERE "provider_id" = $1 AND "batch_id" = $2`,
      [providerId, batchId],
    );
    return rows.length === 0 ? null : { payloadDigest: rows[0].payload_digest, response: rows[0].response };
  }

  async saveResponse(tx: TransactionalContext, id: string, response: DepositResponse): Promise<void> {
    await tx.transaction.query(`UPDATE "deposit_batches" SET "response" = $2 WHERE "id" = $1`, [id, JSON.stringify(response)]);
  }
}
