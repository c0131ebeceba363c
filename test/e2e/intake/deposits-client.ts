// A provider depositing at intake as a real one would, through @infobank/sdk: it signs `{ batchId, records }`
// as a compact JWS with its registered key and POSTs it as application/jose with a DPoP-bound token.
// Every knob exists so that tests can build the hostile variants too. Shared by the deposit suites
// and by the portal suites that need records to read or erase.
import { ProviderClient, type DepositRecord } from '@infobank/sdk';
import { DEPOSIT_BATCH_JWS_TYPE } from '@infobank/vault';
import { CompactSign } from 'jose';
import { randomUUID } from 'node:crypto';
import type { HttpResult, OrganisationClient, OrganisationKeyPair } from '../../support/organisation-client';

/** One record as a provider sends it. */
export interface DepositedRecord {
  recordId: string;
  customerRef: string;
  category: string;
  observedAt: string;
  data: Record<string, unknown>;
}

/** Header knobs for a signed batch: another key, kid, typ or alg than the registered one. */
export interface BatchSigningOptions {
  key?: OrganisationKeyPair;
  kid?: string;
  typ?: string | null;
}

/** Signs any payload as the provider's deposit batch (compact JWS, typ deposit-batch+jws). */
export async function signBatch(provider: OrganisationClient, payload: unknown, options: BatchSigningOptions = {}): Promise<string> {
  const key = options.key ?? provider.signingKey;
  const typ = options.typ === undefined ? DEPOSIT_BATCH_JWS_TYPE : options.typ;
  const header = { alg: key.alg, kid: options.kid ?? key.kid, ...(typ === null ? {} : { typ }) };
  return new CompactSign(Buffer.from(JSON.stringify(payload), 'utf8')).setProtectedHeader(header).sign(key.privateKey);
}

/** POSTs a body to `/v1/deposits` as the provider (fresh DPoP-bound token and proof). */
export function postDeposit(provider: OrganisationClient, body: string, contentType = 'application/jose'): Promise<HttpResult> {
  provider.sdk.forgetToken();
  return provider.sdk.send('POST', '/v1/deposits', { text: body, contentType });
}

/** Signs and deposits a batch; the batchId is fresh unless given. */
export async function deposit(
  provider: OrganisationClient,
  records: readonly unknown[],
  batchId = `batch-${randomUUID()}`,
): Promise<HttpResult> {
  return postDeposit(provider, await new ProviderClient(provider.sdk).signBatch(batchId, records as DepositRecord[]));
}

/** A realistic convenience-store receipt for `customerRef`; `data` overrides fields of the receipt. */
export function receiptRecord(
  customerRef: string,
  overrides: Partial<DepositedRecord> = {},
  data: Record<string, unknown> = {},
): DepositedRecord {
  return {
    recordId: `R-${randomUUID()}`,
    customerRef,
    category: 'purchase.receipts',
    observedAt: '2025-05-31T10:00:00+09:00',
    data: {
      receiptId: `0012-${randomUUID().slice(0, 8)}`,
      purchasedAt: '2025-05-31T10:00:00+09:00',
      channel: 'store',
      store: { name: 'さくらマート 駅前店', chain: 'さくらマート', prefecture: '13' },
      lineItems: [
        { name: 'おにぎり 鮭', janCode: '4901234567894', quantity: 2, unitPriceYen: 150, amountYen: 300 },
        { name: '緑茶 500ml', quantity: 1, unitPriceYen: 140, amountYen: 140 },
      ],
      totalYen: 440,
      taxYen: 32,
      paymentMethod: 'electronic_money',
      ...data,
    },
    ...overrides,
  };
}
