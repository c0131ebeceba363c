import { Injectable } from '@nestjs/common';
import { isUuid, OrganisationDirectory } from '@infobank/catalog';
import { isCryptoError, ORGANISATION_SIGNING_ALGORITHMS, parseJsonPayload, verifyJwsWithKeys, type VerifiedJws } from '@infobank/crypto';
import { Transactions, type RequestContext, type TransactionalContext, requireRecipient } from '@infobank/platform';
import { DELETION_ATTESTATION_JWS_TYPE, readDeletionAttestation } from '../domain/attestation';
import { WithdrawalNoticeStore } from '../infrastructure/withdrawal-notice.store';
import {
  AttestationInvalidError,
  AttestationSignatureInvalidError,
  NoticeAlreadyAttestedError,
  NoticeNotFoundError,
} from '../../revocation.errors';
import { noticeView, NOTICES_ARE_READ_BY_RECIPIENTS, type NoticeView } from './notice-view';
import { WithdrawalCompletion } from './withdrawal-completion';

/** `POST /v1/notices/:id/attestation`: the recipient's compact JWS, as received. */
export interface AttestNoticeCommand {
  noticeId: unknown;
  jws: string;
}

/**
 * Takes a recipient's deletion attestation (削除証明) for one of its notices: a JWS signed with one of
 * its registered keys over exactly the notice's subjects and transfers. Stores it and marks the notice
 * attested (from open or overdue); tells each individual whose consent every recipient has now
 * attested. The same JWS again answers the same; any refusal changes nothing.
 */
@Injectable()
export class AttestNoticeUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly notices: WithdrawalNoticeStore,
    private readonly organisations: OrganisationDirectory,
    private readonly completion: WithdrawalCompletion,
  ) {}

  async execute(ctx: RequestContext, command: AttestNoticeCommand): Promise<NoticeView> {
    const recipientId = requireRecipient(ctx, NOTICES_ARE_READ_BY_RECIPIENTS);
    if (!isUuid(command.noticeId)) throw new NoticeNotFoundError();
    const noticeId = command.noticeId;
    const now = ctx.now();
    return this.transactions.run(ctx, async (tx) => {
      const notice = await this.notices.lockOwn(tx, noticeId, recipientId);
      if (notice === null) throw new NoticeNotFoundError();
      if (notice.status === 'attested') {
        if (notice.attestationJws === command.jws) return noticeView(notice);
        throw new NoticeAlreadyAttestedError();
      }
      const verified = await this.verify(tx, recipientId, command.jws);
      let payload: Record<string, unknown>;
      try {
        payload = parseJsonPayload(verified.payload);
      } catch (error) {
        throw new AttestationInvalidError([{ path: '', message: 'must be a JSON object' }], { cause: error });
      }
      const read = readDeletionAttestation(payload, notice, now);
      if ('problems' in read) throw new AttestationInvalidError(read.problems);
      const attested = await this.notices.markAttested(tx, notice.id, {
        attestedAt: now,
        attestationJws: command.jws,
        attestationKid: verified.kid,
        deletedAt: read.attestation.deletedAt,
        statement: read.attestation.statement,
      });
      if (!attested) throw new Error(`Notice ${notice.id} changed under its row lock.`);
      await this.completion.notifyCompletedConsents(tx, notice.id);
      return noticeView({ ...notice, status: 'attested', attestedAt: now, attestationJws: command.jws });
    });
  }

  private async verify(tx: TransactionalContext, recipientId: string, jws: string): Promise<VerifiedJws> {
    const credentials = await this.organisations.findCredentials(tx, recipientId);
    try {
      return await verifyJwsWithKeys(jws, credentials?.signingKeys ?? [], {
        typ: DELETION_ATTESTATION_JWS_TYPE,
        algorithms: ORGANISATION_SIGNING_ALGORITHMS,
      });
    } catch (error) {
      if (isCryptoError(error, 'JOSE_KEY_NOT_FOUND')) {
        throw new AttestationSignatureInvalidError(
          'The attestation is not signed with one of your registered signing keys (check "kid").',
          {
            cause: error,
          },
        );
      }
      if (isCryptoError(error, 'JOSE_INVALID_SIGNATURE')) {
        throw new AttestationSignatureInvalidError('The attestation signature does not verify.', { cause: error });
      }
      if (isCryptoError(error)) {
        throw new AttestationSignatureInvalidError(
          `The attestation is not a JWS (typ ${DELETION_ATTESTATION_JWS_TYPE}) the bank accepts: ${error.message}`,
          { cause: error },
        );
      }
      throw error;
    }
  }
}
