// The individual's view of their deposited data, over real HTTP: records are deposited at intake
// as a provider would (signed JWS, DPoP), then read, erased or shredded at the portal. Shared by the
// data and account-closure suites.
import { createDecipheriv, createHash, randomUUID } from 'node:crypto';
import type { OrganisationClient, HttpResult } from '../../support/organisation-client';
import { send } from '../../support/organisation-client';
import { postDeposit, signBatch, type DepositedRecord } from '../intake/deposits-client';
import { LinkWorld, newCustomerRef, type Individual } from '../intake/link-world';
import { newIndividual } from './session-client';

/** The password every LinkWorld individual signs up with. */
const PASSWORD = newIndividual().password;

/** A batch the provider deposited, as the bank should remember its provenance. */
export interface DepositedBatch {
  batchId: string;
  /** SHA-256 of the compact JWS as sent, base64url. */
  batchDigest: string;
  signingKid: string;
  response: { batchId: string; results: { recordId: string; status: string }[] };
}

/** Signs and deposits `records` at intake; fails the test unless the batch is answered 200. */
export async function depositBatch(provider: OrganisationClient, records: readonly DepositedRecord[]): Promise<DepositedBatch> {
  const batchId = `batch-${randomUUID()}`;
  const jws = await signBatch(provider, { batchId, records });
  const answer = await postDeposit(provider, jws);
  if (answer.status !== 200) throw new Error(`Deposit refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return {
    batchId,
    batchDigest: createHash('sha256').update(jws, 'ascii').digest('base64url'),
    signingKid: provider.signingKey.kid,
    response: answer.body,
  };
}

/** Links the individual to the provider for these categories and returns the customer reference. */
export async function linkCustomer(
  world: LinkWorld,
  individual: Individual,
  provider: OrganisationClient,
  categories = ['purchase.receipts', 'location.visits'],
): Promise<{ customerRef: string; linkId: string }> {
  const customerRef = newCustomerRef();
  const { linkId } = await world.linked(individual, provider, customerRef, categories);
  return { customerRef, linkId };
}

/** A realistic place visit for `customerRef`. */
export function visitRecord(customerRef: string, observedAt = '2025-05-30T08:15:00+09:00'): DepositedRecord {
  return {
    recordId: `V-${randomUUID()}`,
    customerRef,
    category: 'location.visits',
    observedAt,
    data: { visitId: `visit-${randomUUID()}`, arrivedAt: observedAt, place: { name: '喫茶 さくら', kind: 'cafe', prefecture: '13' } },
  };
}

/** Re-enters the password for a step-up token; fails the test unless one is issued. */
export async function stepUp(world: LinkWorld, individual: Individual): Promise<string> {
  const response = await world.atPortal(individual, 'POST', '/v1/auth/step-up', { password: PASSWORD });
  if (response.status !== 200) throw new Error(`Step-up refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.stepUpToken as string;
}

/** Calls the portal as `individual` with a step-up token (or none). */
export function atPortalStepped(
  world: LinkWorld,
  individual: Individual,
  method: 'DELETE',
  path: string,
  stepUpToken?: string,
): Promise<HttpResult> {
  const headers: Record<string, string> = { authorization: `Bearer ${individual.accessToken}` };
  if (stepUpToken !== undefined) headers['x-step-up-token'] = stepUpToken;
  return send(`${world.portal.url}${path}`, { method, headers });
}

/** Every record of the individual through the listing, page by page; returns the records and the pages' sizes. */
export async function readAllRecords(world: LinkWorld, individual: Individual, query = '', limit = 100) {
  const records: any[] = [];
  const pages: number[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', String(limit));
    if (cursor !== null) params.set('cursor', cursor);
    const response = await world.atPortal(individual, 'GET', `/v1/me/data/records?${params.toString()}`);
    if (response.status !== 200) throw new Error(`Listing refused: ${response.status} ${JSON.stringify(response.body)}`);
    records.push(...response.body.records);
    pages.push(response.body.records.length);
    cursor = response.body.nextCursor;
    if (pages.length > 1_000) throw new Error('The cursor never ends');
  } while (cursor !== null);
  return { records, pages };
}

/**
 * Opens a vault ciphertext the way an attacker holding a key would: the documented envelope format
 * (0x01 | iv (12) | tag (16) | AES-256-GCM ciphertext) with the record's AAD. Throws unless `key`
 * is the key it was sealed under.
 */
export function openVaultCiphertext(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key.subarray(0, 32), sealed.subarray(1, 13), { authTagLength: 16 });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}

/** The AAD a record version is sealed under (row id, version, individual), as the vault documents it. */
export function vaultRecordAad(rowId: string, version: number, individualId: string): Buffer {
  return Buffer.from(`infobank/vault-record/v1|${rowId}|${version}|${individualId}`, 'utf8');
}
