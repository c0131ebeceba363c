// What a provider does at intake: link its customers (with the link codes they bring from the bank's
// portal) and deposit signed batches of records about them.
import { CompactSign } from 'jose';
import { InfobankApiError, type InfobankClient } from './client.js';

/** JOSE `typ` of a deposit batch. */
export const DEPOSIT_BATCH_JWS_TYPE = 'deposit-batch+jws';

/** One record as a provider deposits it. `data` follows the category's schema in the bank's catalog. */
export interface DepositRecord {
  recordId: string;
  customerRef: string;
  category: string;
  /** ISO 8601 with an offset, e.g. 2025-05-31T10:00:00+09:00. */
  observedAt: string;
  data: Record<string, unknown>;
}

/** What became of one record: accepted, duplicate, superseded or rejected (with a code and JSON pointers). */
export interface DepositRecordResult {
  recordId: string | null;
  status: 'accepted' | 'duplicate' | 'superseded' | 'rejected';
  code?: string;
  errors?: { path: string; message: string }[];
}

/** The bank's answer to a batch (the same answer again for the same batch). */
export interface DepositResult {
  batchId: string;
  results: DepositRecordResult[];
  /** True when the bank had this batch already and answered as the first time. */
  replayed: boolean;
}

/** A redeemed link code: the link and the categories the customer lets you deposit. */
export interface RedeemedLink {
  linkId: string;
  categories: string[];
}

/** How often, and how patiently, a batch is sent again after a network failure, a 429 or a 5xx. */
export interface RetryOptions {
  /** Attempts in all (default 4). */
  attempts?: number;
  /** First wait in milliseconds, doubled each time unless the bank says Retry-After (default 500). */
  backoffMs?: number;
}

export class ProviderClient {
  /** @param intake a client for the intake API */
  constructor(readonly intake: InfobankClient) {}

  /**
   * Redeems the link code a customer handed you, binding your reference for them (pseudonymous: no
   * names or e-mails) to their bank account. Throws InfobankApiError LINK_CODE_INVALID or CUSTOMER_REF_IN_USE.
   */
  redeemLinkCode(linkCode: string, customerRef: string): Promise<RedeemedLink> {
    return this.intake.call<RedeemedLink>('POST', '/v1/links', { json: { linkCode, customerRef } });
  }

  /** Ends your active link for a customer: no more deposits for them. Throws LINK_NOT_FOUND. */
  async unlink(customerRef: string): Promise<void> {
    await this.intake.call('DELETE', `/v1/links/${encodeURIComponent(customerRef)}`);
  }

  /** Signs `{ batchId, records }` with your registered key as a compact JWS (typ deposit-batch+jws). */
  signBatch(batchId: string, records: readonly DepositRecord[]): Promise<string> {
    const key = this.intake.signingKey;
    return new CompactSign(new TextEncoder().encode(JSON.stringify({ batchId, records })))
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: DEPOSIT_BATCH_JWS_TYPE })
      .sign(key.privateKey);
  }

  /**
   * Signs and deposits a batch (a fresh batchId unless you give one). The very same signed batch is
   * sent again after a network failure, a 429 or a 5xx, so the bank stores it at most once and answers
   * a repeat as the first time. Any other refusal throws InfobankApiError at once.
   */
  async deposit(records: readonly DepositRecord[], options: { batchId?: string } & RetryOptions = {}): Promise<DepositResult> {
    const batchId = options.batchId ?? `batch-${crypto.randomUUID()}`;
    const jws = await this.signBatch(batchId, records);
    return this.postSignedBatch(jws, options);
  }

  /** Posts a batch you signed yourself, with the same retries as `deposit`. */
  async postSignedBatch(jws: string, options: RetryOptions = {}): Promise<DepositResult> {
    const attempts = Math.max(1, options.attempts ?? 4);
    let wait = options.backoffMs ?? 500;
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        const response = await this.intake.send<Omit<DepositResult, 'replayed'>>('POST', '/v1/deposits', {
          text: jws,
          contentType: 'application/jose',
        });
        if (response.status === 200) return { ...response.body, replayed: response.headers.get('idempotent-replayed') === 'true' };
        failure = new InfobankApiError(response.status, response.body, response.headers);
        if (response.status !== 429 && response.status < 500) throw failure;
        const retryAfter = Number(response.headers.get('retry-after'));
        if (Number.isFinite(retryAfter) && retryAfter > 0) wait = retryAfter * 1000;
      } catch (error) {
        if (error instanceof InfobankApiError && error.status !== 429 && error.status < 500) throw error;
        failure = error;
      }
      if (attempt >= attempts) throw failure;
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait *= 2;
    }
  }
}
