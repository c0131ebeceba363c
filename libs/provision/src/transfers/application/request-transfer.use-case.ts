import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUuid, OrganisationDirectory } from '@infobank/catalog';
import { GetOfferForProvisionUseCase } from '@infobank/offers';
import {
  enqueueJob,
  Transactions,
  ValidationFailedError,
  type FieldProblem,
  type RequestContext,
  requireRecipient,
} from '@infobank/platform';
import { EncryptionKeyMissingError, IdempotencyKeyReusedError, OfferNotTransferableError } from '../../provision.errors';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import type { TransferEntity } from '../infrastructure/transfer.entity';
import { TransferRepository } from '../infrastructure/transfer.repository';
import { TRANSFERS_ARE_REQUESTED_BY_RECIPIENTS } from './transfer-access';

/** What a recipient asks for: an offer of its own, optionally only some subjects, under an Idempotency-Key. */
export interface RequestTransferCommand {
  offerId: unknown;
  subjects?: unknown;
  idempotencyKey: unknown;
}

/** Most subjects one request may name. */
export const MAX_REQUESTED_SUBJECTS = 100_000;
const SUBJECT_ID = /^[A-Za-z0-9_-]{43}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * A recipient requests a transfer (gateway `POST /v1/transfers`): the offer must be its own, approved
 * and not suspended, and it must have registered an encryption key. Writes the transfer and its build
 * job in one transaction. The same Idempotency-Key returns the same transfer; reused for another request it is refused.
 */
@Injectable()
export class RequestTransferUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly getOffer: GetOfferForProvisionUseCase,
    private readonly organisations: OrganisationDirectory,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: RequestTransferCommand): Promise<{ transferId: string; created: boolean }> {
    const recipientId = requireRecipient(ctx, TRANSFERS_ARE_REQUESTED_BY_RECIPIENTS);
    const { offerId, subjects, idempotencyKey } = parse(command);
    const requestDigest = createHash('sha256').update(JSON.stringify({ offerId, subjects })).digest();
    return this.transactions.run(ctx, async (tx) => {
      const existing = await this.transfers.findByIdempotencyKey(tx, recipientId, idempotencyKey);
      if (existing !== null) return replay(existing, requestDigest);
      const offer = await this.getOffer.execute(tx, offerId);
      if (offer.status !== 'approved') throw new OfferNotTransferableError(offer.status);
      const credentials = await this.organisations.findCredentials(tx, recipientId);
      if (credentials?.encryptionKey == null) throw new EncryptionKeyMissingError();
      const now = tx.now();
      const id = randomUUID();
      const inserted = await this.transfers.insertRequested(
        tx,
        { id, recipientId, offerId, idempotencyKey, requestDigest, requestedSubjects: subjects },
        now,
      );
      if (!inserted) {
        // A concurrent request with the same key committed first.
        const winner = await this.transfers.findByIdempotencyKey(tx, recipientId, idempotencyKey);
        return replay(winner as TransferEntity, requestDigest);
      }
      await enqueueJob(tx, BUILD_TRANSFER_JOB, { transferId: id });
      return { transferId: id, created: true };
    });
  }
}

function replay(existing: TransferEntity, requestDigest: Buffer): { transferId: string; created: boolean } {
  if (!existing.requestDigest.equals(requestDigest)) throw new IdempotencyKeyReusedError();
  return { transferId: existing.id, created: false };
}

function parse(command: RequestTransferCommand): { offerId: string; subjects: string[] | null; idempotencyKey: string } {
  const problems: FieldProblem[] = [];
  if (typeof command.idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(command.idempotencyKey)) {
    problems.push({ path: '/headers/idempotency-key', message: 'is required: 1 to 255 visible ASCII characters, unique per request' });
  }
  if (!isUuid(command.offerId)) problems.push({ path: '/offerId', message: 'must be a UUID' });
  let subjects: string[] | null = null;
  if (command.subjects !== undefined) {
    const list = command.subjects;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_REQUESTED_SUBJECTS) {
      problems.push({
        path: '/subjects',
        message: `must be a list of 1 to ${MAX_REQUESTED_SUBJECTS} pseudonymous subject ids, or left out for everyone`,
      });
    } else {
      list.forEach((subject: unknown, index) => {
        if (typeof subject !== 'string' || !SUBJECT_ID.test(subject)) {
          problems.push({ path: `/subjects/${index}`, message: 'must be a pseudonymous subject id (43 base64url characters)' });
        }
      });
      if (problems.length === 0) {
        const unique = new Set(list as string[]);
        if (unique.size !== list.length) problems.push({ path: '/subjects', message: 'must not repeat a subject' });
        subjects = [...unique].sort();
      }
    }
  }
  if (problems.length > 0) throw new ValidationFailedError(problems.slice(0, 20));
  return { offerId: command.offerId as string, subjects, idempotencyKey: command.idempotencyKey as string };
}
