import { DomainError } from '@infobank/platform';

/** No such transfer for the calling recipient (another recipient's reads the same). */
export class TransferNotFoundError extends DomainError<'TRANSFER_NOT_FOUND'> {
  constructor() {
    super('TRANSFER_NOT_FOUND', 'No such transfer.');
  }
}

/** No such part in the transfer. */
export class PartNotFoundError extends DomainError<'PART_NOT_FOUND'> {
  constructor(part: number) {
    super('PART_NOT_FOUND', `The transfer has no part ${part} (yet).`);
  }
}

/** A consent in the part changed (revoked, paused, expired) or a stop-use order covers the offer since it was built: it is being rebuilt. */
export class PackageStaleError extends DomainError<'PACKAGE_STALE'> {
  constructor(part: number) {
    super(
      'PACKAGE_STALE',
      `Part ${part} is out of date: consents changed since it was built. It is being rebuilt without them; try again shortly.`,
    );
  }
}

/** The part's bytes are gone: it expired, or every subject in it was withdrawn. */
export class PartGoneError extends DomainError<'PART_GONE'> {
  constructor(part: number, why: 'expired' | 'void') {
    super(
      'PART_GONE',
      why === 'expired'
        ? `Part ${part} expired and was deleted.`
        : `Part ${part} was withdrawn: no subject in it may be provided any more.`,
    );
  }
}

/**
 * A delivered part is not served again: a consent behind it was revoked or has ended, the account closed, a
 * stop-use order covers the offer, or a record in it was erased. A recipient that lost the bytes requests a
 * new transfer, which provides only what live consents allow.
 */
export class PartWithdrawnError extends DomainError<'PART_WITHDRAWN'> {
  constructor(part: number) {
    super(
      'PART_WITHDRAWN',
      `Part ${part} was delivered and may not be served again: the consent behind it no longer allows provision, or its data was erased. Request a new transfer.`,
    );
  }
}

/** The offer cannot be used for a transfer now (not approved, suspended by the board, withdrawn or expired). */
export class OfferNotTransferableError extends DomainError<'OFFER_NOT_TRANSFERABLE'> {
  constructor(status: string) {
    super('OFFER_NOT_TRANSFERABLE', `The offer is ${status}; only an approved offer can be used for a transfer.`);
  }
}

/** The recipient has registered no encryption key, so no package can be made for it. */
export class EncryptionKeyMissingError extends DomainError<'ENCRYPTION_KEY_MISSING'> {
  constructor() {
    super('ENCRYPTION_KEY_MISSING', 'Register an encryption key (X25519 or P-256) with the bank before requesting transfers.');
  }
}

/** The Idempotency-Key was used before for a different request. */
export class IdempotencyKeyReusedError extends DomainError<'IDEMPOTENCY_KEY_REUSED'> {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different transfer request; use a new key.', {
      errors: [{ path: '/headers/idempotency-key', message: 'was already used for a different request' }],
    });
  }
}

/** No such provision among the individual's own. */
export class ProvisionNotFoundError extends DomainError<'PROVISION_NOT_FOUND'> {
  constructor() {
    super('PROVISION_NOT_FOUND', 'No such provision record.');
  }
}

/** The provision's transparency log leaf is not sealed yet (about a second after it is recorded). */
export class ProvisionProofNotReadyError extends DomainError<'PROVISION_PROOF_NOT_READY'> {
  constructor() {
    super('PROVISION_PROOF_NOT_READY', 'The provision is not sealed into the transparency log yet; try again in a few seconds.');
  }
}

/** Stable codes of libs/provision's errors. */
export type ProvisionErrorCode =
  | 'TRANSFER_NOT_FOUND'
  | 'PART_NOT_FOUND'
  | 'PACKAGE_STALE'
  | 'PART_GONE'
  | 'PART_WITHDRAWN'
  | 'OFFER_NOT_TRANSFERABLE'
  | 'ENCRYPTION_KEY_MISSING'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PROVISION_NOT_FOUND'
  | 'PROVISION_PROOF_NOT_READY';

/** HTTP status for each provision error code, for apps' problem+json filters. */
export const PROVISION_ERROR_STATUS: Readonly<Record<ProvisionErrorCode, number>> = {
  TRANSFER_NOT_FOUND: 404,
  PART_NOT_FOUND: 404,
  PACKAGE_STALE: 409,
  PART_GONE: 410,
  PART_WITHDRAWN: 410,
  OFFER_NOT_TRANSFERABLE: 409,
  ENCRYPTION_KEY_MISSING: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PROVISION_NOT_FOUND: 404,
  PROVISION_PROOF_NOT_READY: 409,
};
