import { DomainError } from '@infobank/platform';
import type { ConsentRefusal } from './consents/domain/consent';

/** The individual has no consent with this id (or it is someone else's: same answer). */
export class ConsentNotFoundError extends DomainError<'CONSENT_NOT_FOUND'> {
  constructor(consentId: string) {
    super('CONSENT_NOT_FOUND', `You have no consent with id ${consentId.slice(0, 64)}.`);
  }
}

/** The individual's e-mail address is not verified yet: they may sign in and look around, but not consent. */
export class EmailVerificationRequiredError extends DomainError<'EMAIL_VERIFICATION_REQUIRED'> {
  constructor() {
    super(
      'EMAIL_VERIFICATION_REQUIRED',
      'Confirm your e-mail address first (the link in the mail we sent, or POST /v1/auth/verify-email/resend for a new one).',
    );
  }
}

/** The individual already has an active or paused consent to this offer (revoke it first to consent anew). */
export class ConsentExistsError extends DomainError<'CONSENT_EXISTS'> {
  constructor(offerId: string) {
    super('CONSENT_EXISTS', `You already have a live consent to offer ${offerId}.`);
  }
}

/** The offer asks for sensitive personal data (要配慮個人情報): consenting needs a fresh step-up token. */
export class ConsentStepUpRequiredError extends DomainError<'CONSENT_STEP_UP_REQUIRED'> {
  constructor() {
    super(
      'CONSENT_STEP_UP_REQUIRED',
      'This offer asks for sensitive personal data: re-enter your password at POST /v1/auth/step-up and send the token as X-Step-Up-Token.',
    );
  }
}

/** Sensitive items are never consented to on the individual's behalf (standing conditions). */
export class SensitiveItemsNeedIndividualError extends DomainError<'SENSITIVE_ITEMS_NEED_INDIVIDUAL'> {
  constructor() {
    super('SENSITIVE_ITEMS_NEED_INDIVIDUAL', 'An offer with sensitive items can only be consented to by the individual.');
  }
}

/** A command the consent's state does not allow (already revoked, ended, already paused, not paused, …). */
export class ConsentCommandRefusedError extends DomainError<ConsentRefusalCode> {
  constructor(readonly refusal: ConsentRefusal) {
    super(REFUSAL_CODES[refusal], REFUSAL_DETAILS[refusal]);
  }
}

/** Another change to the same consent committed first, and retrying did not settle it. */
export class ConsentVersionConflictError extends DomainError<'CONSENT_VERSION_CONFLICT'> {
  constructor() {
    super('CONSENT_VERSION_CONFLICT', 'The consent changed while this request ran; read it again and retry.');
  }
}

/** The event is not sealed into the transparency log yet (the sealer runs every second): retry shortly. */
export class ConsentProofPendingError extends DomainError<'CONSENT_PROOF_PENDING'> {
  constructor() {
    super('CONSENT_PROOF_PENDING', 'This event is not sealed into the transparency log yet; retry in a few seconds.');
  }
}

type ConsentRefusalCode =
  | 'CONSENT_NOT_FOUND'
  | 'CONSENT_EXISTS'
  | 'CONSENT_EXPIRY_NOT_IN_FUTURE'
  | 'CONSENT_ALREADY_PAUSED'
  | 'CONSENT_NOT_PAUSED'
  | 'CONSENT_ALREADY_REVOKED'
  | 'CONSENT_ENDED'
  | 'CONSENT_NOT_DUE';

const REFUSAL_CODES: Readonly<Record<ConsentRefusal, ConsentRefusalCode>> = {
  no_consent: 'CONSENT_NOT_FOUND',
  already_granted: 'CONSENT_EXISTS',
  expiry_not_in_future: 'CONSENT_EXPIRY_NOT_IN_FUTURE',
  already_paused: 'CONSENT_ALREADY_PAUSED',
  not_paused: 'CONSENT_NOT_PAUSED',
  already_revoked: 'CONSENT_ALREADY_REVOKED',
  consent_ended: 'CONSENT_ENDED',
  not_due: 'CONSENT_NOT_DUE',
};

const REFUSAL_DETAILS: Readonly<Record<ConsentRefusal, string>> = {
  no_consent: 'There is no such consent.',
  already_granted: 'This consent already exists.',
  expiry_not_in_future: 'expiresAt must be in the future.',
  already_paused: 'The consent is already paused.',
  not_paused: 'The consent is not paused.',
  already_revoked: 'The consent is already revoked.',
  consent_ended: 'The consent has ended (revoked or expired); grant a new one to consent again.',
  not_due: 'The consent is not due to expire.',
};

/** HTTP status for each consent error code, for apps' problem+json filters. */
export const CONSENT_ERROR_STATUS: Readonly<Record<string, number>> = {
  CONSENT_NOT_FOUND: 404,
  CONSENT_EXISTS: 409,
  CONSENT_STEP_UP_REQUIRED: 403,
  EMAIL_VERIFICATION_REQUIRED: 403,
  SENSITIVE_ITEMS_NEED_INDIVIDUAL: 403,
  CONSENT_EXPIRY_NOT_IN_FUTURE: 400,
  CONSENT_ALREADY_PAUSED: 409,
  CONSENT_NOT_PAUSED: 409,
  CONSENT_ALREADY_REVOKED: 409,
  CONSENT_ENDED: 409,
  CONSENT_NOT_DUE: 409,
  CONSENT_VERSION_CONFLICT: 409,
  CONSENT_PROOF_PENDING: 409,
};
