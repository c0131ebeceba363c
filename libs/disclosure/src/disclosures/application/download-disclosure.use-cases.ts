import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EnvelopeEncryption } from '@infobank/crypto';
import { APP_CONFIG, type AppConfig, type RequestContext, requireIndividual, Transactions } from '@infobank/platform';
import { bundleAad, bundleFileName } from '../domain/disclosure-bundle';
import {
  DisclosureExpiredError,
  DisclosureNotFoundError,
  DisclosureNotReadyError,
  DisclosureTokenInvalidError,
} from '../disclosures.errors';
import { DisclosureRequestStore } from '../infrastructure/disclosure-request.store';
import { ONLY_INDIVIDUALS } from './disclosure-view';

/** A download token as handed to the individual once (only its hash is stored). */
export interface DisclosureDownloadToken {
  token: string;
  expiresAt: string;
}

/** The decrypted archive and the name it is offered under. */
export interface DisclosureDownload {
  fileName: string;
  content: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Issues a single-use download token for one of my ready bundles, valid DISCLOSURE_TOKEN_SECONDS.
 * The token is 256 random bits; the bank keeps only its SHA-256.
 */
@Injectable()
export class IssueDisclosureDownloadTokenUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: DisclosureRequestStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(ctx: RequestContext, disclosureId: string): Promise<DisclosureDownloadToken> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    return this.transactions.run(ctx, async (tx) => {
      const row = UUID.test(disclosureId) ? await this.store.findOwn(tx, individualId, disclosureId.toLowerCase()) : null;
      if (row === null) throw new DisclosureNotFoundError();
      if (row.status === 'expired') throw new DisclosureExpiredError();
      if (row.status !== 'ready') throw new DisclosureNotReadyError();
      const token = randomBytes(32).toString('base64url');
      const now = tx.now();
      const expiresAt = new Date(now.getTime() + this.config.disclosure.downloadTokenSeconds * 1000);
      await this.store.insertToken(tx, { tokenHash: tokenHash(token), disclosureId: row.id, issuedAt: now, expiresAt });
      return { token, expiresAt: expiresAt.toISOString() };
    });
  }
}

/**
 * Downloads a bundle with a download token: the token is used up in the same transaction that reads
 * the bundle, which is decrypted only here, on its way out. An unknown, used or expired token is
 * DISCLOSURE_TOKEN_INVALID; a bundle deleted since is DISCLOSURE_EXPIRED.
 */
@Injectable()
export class DownloadDisclosureUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: DisclosureRequestStore,
    private readonly envelope: EnvelopeEncryption,
  ) {}

  async execute(ctx: RequestContext, token: unknown): Promise<DisclosureDownload> {
    if (typeof token !== 'string' || !TOKEN.test(token)) throw new DisclosureTokenInvalidError();
    return this.transactions.run(ctx, async (tx) => {
      const disclosureId = await this.store.useToken(tx, tokenHash(token), tx.now());
      if (disclosureId === null) throw new DisclosureTokenInvalidError();
      const row = await this.store.lock(tx, disclosureId);
      const bundle = row?.status === 'ready' ? await this.store.bundleOf(tx, disclosureId) : null;
      if (row === null || bundle === null) throw new DisclosureExpiredError();
      const content = await this.envelope.decrypt(tx, row.individualId, bundle, bundleAad(row.id, row.individualId));
      return { fileName: bundleFileName(row.id), content };
    });
  }
}
