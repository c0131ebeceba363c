// What a recipient does at the gateway: draft and submit offers, request transfers of consenting
// individuals' data and open the encrypted, bank-signed parts, and act on notices to delete data
// (read them, verify the webhook that brings them, attest the deletion).
import { compactDecrypt, compactVerify, CompactSign, createLocalJWKSet, type JSONWebKeySet, type JWK } from 'jose';
import { InfobankApiError, type InfobankClient } from './client.js';
import { PACKAGE_KEY_MANAGEMENT_ALGORITHM } from './keys.js';

/** JOSE `typ` of the JWE a part travels in, and of the bank-signed JWS inside it. */
export const PACKAGE_JWE_TYPE = 'infobank-package+jwe';
export const PACKAGE_JWS_TYPE = 'infobank-package+jws';
/** JOSE `typ` of a notice the bank POSTs to your webhook. */
export const WITHDRAWAL_NOTICE_JWS_TYPE = 'withdrawal-notice+jws';
/** JOSE `typ` of your deletion attestation. */
export const DELETION_ATTESTATION_JWS_TYPE = 'deletion-attestation+jws';
/** The algorithm the bank signs packages, notices and tokens with. */
export const BANK_SIGNING_ALGORITHM = 'EdDSA';

/** An offer as the gateway shows it (see the OpenAPI document for every field). */
export interface Offer {
  id: string;
  status: string;
  round: number;
  purposeCode: string;
  [field: string]: unknown;
}

export type TransferStatus = 'requested' | 'processing' | 'ready' | 'delivered' | 'expired' | 'cancelled';

/** A transfer with its parts and each subject's status (and why, if denied). */
export interface Transfer {
  id: string;
  offerId: string;
  status: TransferStatus;
  parts: number;
  requestedAt: string;
  readyAt: string | null;
  deliveredAt: string | null;
  counts: Record<string, number>;
  partList: { part: number; status: string; subjects: number; builtAt: string; expiresAt: string; deliveredAt: string | null }[];
  subjects: { subject: string; status: string; reason: string | null; part: number | null }[];
}

/** One record as you receive it: only the consented items, keyed by their JSON pointer. */
export interface PackagedRecord {
  category: string;
  observedAt: string;
  provenance: { providerId: string; receivedAt: string };
  items: Record<string, unknown>;
}

/** One individual's records in a part, under your pseudonymous id for them. */
export interface PackagedSubject {
  subject: string;
  records: PackagedRecord[];
}

/** A part, decrypted and verified: what the bank signed. */
export interface PackagePayload {
  transferId: string;
  part: number;
  offerId: string;
  recipient: string;
  createdAt: string;
  subjects: PackagedSubject[];
}

export type NoticeStatus = 'open' | 'overdue' | 'attested';

/** A part opened: what the bank signed, and the kid of the bank key that signed it. */
export interface OpenedPart {
  payload: PackagePayload;
  kid: string;
}

/** A notice to delete data: the subjects and transfers concerned, why, and by when. */
export interface Notice {
  noticeId: string;
  kind: string;
  subjects: string[];
  transfers: string[];
  offerId: string | null;
  reason: { ja: string; en: string } | string;
  issuedAt: string;
  dueAt: string;
  status: NoticeStatus;
  attestedAt: string | null;
}

/** What a notice webhook carries, once its signature is verified. */
export type WebhookNotice = Omit<Notice, 'status' | 'attestedAt'>;

/** What you attest: by default every subject and transfer of the notice, deleted now. */
export interface AttestationOptions {
  statement: string;
  deletedAt?: Date;
}

/** Transfer statuses after which nothing more happens by itself. */
const SETTLED: readonly TransferStatus[] = ['ready', 'delivered', 'expired', 'cancelled'];

export class RecipientClient {
  private jwks: ReturnType<typeof createLocalJWKSet> | null = null;

  /**
   * @param gateway a client for the gateway API
   * @param decryptionKey the private JWK of the encryption key you registered (needed to open parts)
   */
  constructor(
    readonly gateway: InfobankClient,
    private readonly decryptionKey?: JWK,
  ) {}

  // Offers -------------------------------------------------------------------------------------------

  /** Drafts an offer (nothing reaches the board until it is submitted). */
  createOffer(terms: Record<string, unknown>): Promise<Offer> {
    return this.gateway.call<Offer>('POST', '/v1/offers', { json: terms });
  }

  listOffers(): Promise<Offer[]> {
    return this.gateway.call<Offer[]>('GET', '/v1/offers');
  }

  getOffer(offerId: string): Promise<Offer> {
    return this.gateway.call<Offer>('GET', `/v1/offers/${encodeURIComponent(offerId)}`);
  }

  /** Changes a draft, or an offer the board returned for changes. */
  updateOffer(offerId: string, changes: Record<string, unknown>): Promise<Offer> {
    return this.gateway.call<Offer>('PATCH', `/v1/offers/${encodeURIComponent(offerId)}`, { json: changes });
  }

  /** Submits the offer to the data ethics board. */
  submitOffer(offerId: string): Promise<Offer> {
    return this.gateway.call<Offer>('POST', `/v1/offers/${encodeURIComponent(offerId)}/submit`);
  }

  withdrawOffer(offerId: string): Promise<Offer> {
    return this.gateway.call<Offer>('POST', `/v1/offers/${encodeURIComponent(offerId)}/withdraw`);
  }

  // Transfers ----------------------------------------------------------------------------------------

  /**
   * Requests a transfer under an approved offer: for the subjects named, or everyone who consented.
   * Keep the idempotency key and send it again if you are unsure the request arrived: the bank then
   * answers with the same transfer instead of making another.
   */
  async requestTransfer(
    offerId: string,
    options: { subjects?: string[]; idempotencyKey?: string } = {},
  ): Promise<{ transferId: string; idempotencyKey: string; replayed: boolean }> {
    const idempotencyKey = options.idempotencyKey ?? crypto.randomUUID();
    const response = await this.gateway.send<{ transferId: string }>('POST', '/v1/transfers', {
      json: { offerId, ...(options.subjects === undefined ? {} : { subjects: options.subjects }) },
      headers: { 'idempotency-key': idempotencyKey },
    });
    if (response.status !== 202) throw new InfobankApiError(response.status, response.body, response.headers);
    return { transferId: response.body.transferId, idempotencyKey, replayed: response.headers.get('idempotent-replayed') === 'true' };
  }

  getTransfer(transferId: string): Promise<Transfer> {
    return this.gateway.call<Transfer>('GET', `/v1/transfers/${encodeURIComponent(transferId)}`);
  }

  /** Your transfers, newest first, a page at a time. */
  listTransfers(
    options: { offerId?: string; cursor?: string } = {},
  ): Promise<{ transfers: Omit<Transfer, 'counts' | 'partList' | 'subjects'>[]; nextCursor: string | null }> {
    return this.gateway.call('GET', `/v1/transfers${query(options)}`);
  }

  /** Polls the transfer until the bank has built it (ready, or settled otherwise), every `intervalMs`. */
  async waitForTransfer(transferId: string, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<Transfer> {
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    for (;;) {
      const transfer = await this.getTransfer(transferId);
      if (SETTLED.includes(transfer.status)) return transfer;
      if (Date.now() >= deadline) throw new Error(`Transfer ${transferId} is still ${transfer.status}`);
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
    }
  }

  /** Downloads one part as the bank sent it (a compact JWE). Downloading records the provision. */
  async downloadPart(transferId: string, part: number): Promise<string> {
    return this.gateway.call<string>('GET', `/v1/transfers/${encodeURIComponent(transferId)}/parts/${part}`);
  }

  /**
   * Decrypts a part with your key (ECDH-ES+A256KW / A256GCM only) and verifies the bank's signature
   * against its published keys (EdDSA only); checks both `typ`s and that the part is the one asked for.
   */
  async openPart(jwe: string, expected?: { transferId: string; part: number }): Promise<OpenedPart> {
    if (this.decryptionKey === undefined) throw new TypeError('Opening parts needs the private JWK of your registered encryption key');
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, this.decryptionKey, {
      keyManagementAlgorithms: [PACKAGE_KEY_MANAGEMENT_ALGORITHM],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    if (protectedHeader.typ !== PACKAGE_JWE_TYPE) throw new Error(`Not an Infobank package (JWE typ ${String(protectedHeader.typ)})`);
    const verified = await this.verifyBankJws(new TextDecoder().decode(plaintext), PACKAGE_JWS_TYPE);
    const payload = verified.payload as PackagePayload;
    if (expected !== undefined && (payload.transferId !== expected.transferId || payload.part !== expected.part)) {
      throw new Error(`The package is part ${payload.part} of transfer ${payload.transferId}, not the part asked for`);
    }
    return { payload, kid: verified.kid };
  }

  /**
   * Every subject of a transfer's parts that can be served, part by part: downloads, decrypts and
   * verifies each ready (or already delivered) part and yields its subjects.
   */
  async *subjects(transferId: string): AsyncGenerator<PackagedSubject & { part: number }> {
    const transfer = await this.getTransfer(transferId);
    for (const { part, status } of transfer.partList) {
      if (status !== 'ready' && status !== 'delivered') continue;
      const { payload } = await this.openPart(await this.downloadPart(transferId, part), { transferId, part });
      for (const subject of payload.subjects) yield { ...subject, part };
    }
  }

  // Notices ------------------------------------------------------------------------------------------

  /** Your notices, newest first, optionally in one status, a page at a time. */
  listNotices(options: { status?: NoticeStatus; cursor?: string } = {}): Promise<{ notices: Notice[]; nextCursor: string | null }> {
    return this.gateway.call('GET', `/v1/notices${query(options)}`);
  }

  getNotice(noticeId: string): Promise<Notice> {
    return this.gateway.call<Notice>('GET', `/v1/notices/${encodeURIComponent(noticeId)}`);
  }

  /**
   * Verifies the body of a notice webhook (a compact JWS, typ withdrawal-notice+jws, signed by the bank
   * with EdDSA) against the bank's published keys, and returns the notice. Answer the webhook with a
   * 2xx once you have stored it; anything else and the bank tries again.
   */
  async verifyWebhook(body: string): Promise<WebhookNotice> {
    return (await this.verifyBankJws(body.trim(), WITHDRAWAL_NOTICE_JWS_TYPE)).payload as WebhookNotice;
  }

  /** Signs a deletion attestation for the notice: its subjects and transfers, when deleted, and your statement. */
  signAttestation(notice: Pick<Notice, 'noticeId' | 'subjects' | 'transfers'>, options: AttestationOptions): Promise<string> {
    const key = this.gateway.signingKey;
    const payload = {
      noticeId: notice.noticeId,
      subjects: notice.subjects,
      transfers: notice.transfers,
      deletedAt: (options.deletedAt ?? new Date()).toISOString(),
      statement: options.statement,
    };
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: DELETION_ATTESTATION_JWS_TYPE })
      .sign(key.privateKey);
  }

  /** Posts a signed attestation; returns the notice, now attested. Sending the same JWS again answers the same. */
  postAttestation(noticeId: string, jws: string): Promise<Notice> {
    return this.gateway.call<Notice>('POST', `/v1/notices/${encodeURIComponent(noticeId)}/attestation`, {
      text: jws,
      contentType: 'application/jose',
    });
  }

  /** Signs and posts the attestation for a notice once you have deleted what it names. */
  async attest(notice: Pick<Notice, 'noticeId' | 'subjects' | 'transfers'>, options: AttestationOptions): Promise<Notice> {
    return this.postAttestation(notice.noticeId, await this.signAttestation(notice, options));
  }

  /** Verifies a JWS the bank signed (EdDSA, the given typ) against /.well-known/jwks.json, fetched once and again for an unknown kid. */
  private async verifyBankJws(jws: string, typ: string): Promise<{ payload: unknown; kid: string }> {
    let verified;
    try {
      verified = await compactVerify(jws, await this.bankKeys(false), { algorithms: [BANK_SIGNING_ALGORITHM] });
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_JWKS_NO_MATCHING_KEY') throw error;
      // The bank may have rotated its signing key since the keys were fetched.
      verified = await compactVerify(jws, await this.bankKeys(true), { algorithms: [BANK_SIGNING_ALGORITHM] });
    }
    if (verified.protectedHeader.typ !== typ) throw new Error(`Expected a JWS of typ ${typ}, got ${String(verified.protectedHeader.typ)}`);
    return { payload: JSON.parse(new TextDecoder().decode(verified.payload)), kid: String(verified.protectedHeader.kid) };
  }

  private async bankKeys(refresh: boolean): Promise<ReturnType<typeof createLocalJWKSet>> {
    if (this.jwks === null || refresh) this.jwks = createLocalJWKSet(await this.gateway.getPublic<JSONWebKeySet>('/.well-known/jwks.json'));
    return this.jwks;
  }
}

function query(options: Record<string, string | undefined>): string {
  const entries = Object.entries(options).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
}
