import { DomainError, type FieldProblem } from '@infobank/platform';

/** No such notice for the calling recipient (another recipient's reads the same). */
export class NoticeNotFoundError extends DomainError<'NOTICE_NOT_FOUND'> {
  constructor() {
    super('NOTICE_NOT_FOUND', 'No such notice.');
  }
}

/** The attestation's payload is not `{ noticeId, subjects, transfers, deletedAt, statement }` matching the notice; `errors` names each problem. */
export class AttestationInvalidError extends DomainError<'ATTESTATION_INVALID'> {
  constructor(errors: FieldProblem[], options: { cause?: unknown } = {}) {
    super('ATTESTATION_INVALID', 'The attestation does not match the notice; see errors.', { ...options, errors });
  }
}

/** The attestation is not a JWS signed with one of the recipient's registered keys, with an allowed algorithm and typ deletion-attestation+jws. */
export class AttestationSignatureInvalidError extends DomainError<'ATTESTATION_SIGNATURE_INVALID'> {
  constructor(detail: string, options: { cause?: unknown } = {}) {
    super('ATTESTATION_SIGNATURE_INVALID', detail, options);
  }
}

/** The notice was already attested with another attestation. */
export class NoticeAlreadyAttestedError extends DomainError<'NOTICE_ALREADY_ATTESTED'> {
  constructor() {
    super('NOTICE_ALREADY_ATTESTED', 'This notice was already attested with another attestation.');
  }
}

/** Stable codes of libs/revocation's errors. */
export type RevocationErrorCode = 'NOTICE_NOT_FOUND' | 'ATTESTATION_INVALID' | 'ATTESTATION_SIGNATURE_INVALID' | 'NOTICE_ALREADY_ATTESTED';

/** HTTP status for each revocation error code, for apps' problem+json filters. */
export const REVOCATION_ERROR_STATUS: Readonly<Record<RevocationErrorCode, number>> = {
  NOTICE_NOT_FOUND: 404,
  ATTESTATION_INVALID: 400,
  ATTESTATION_SIGNATURE_INVALID: 400,
  NOTICE_ALREADY_ATTESTED: 409,
};
