import { createHmac } from 'node:crypto';
import { CryptoError } from '../../crypto.errors';

/**
 * The id a recipient sees for an individual: base64url(HMAC-SHA-256(secret, recipientId NUL
 * subjectId)). Stable per recipient, different across recipients (they cannot join their data),
 * and not reversible without the bank's secret. NUL separates the parts so ("ab","c") ≠ ("a","bc").
 */
export function pseudonymousSubjectId(secret: Buffer, recipientId: string, subjectId: string): string {
  // The separator is only unambiguous if the first part cannot contain it.
  if (recipientId.includes('\u0000')) throw new CryptoError('INVALID_ARGUMENT', 'A recipient id cannot contain NUL.');
  return createHmac('sha256', secret).update(`${recipientId}\u0000${subjectId}`, 'utf8').digest('base64url');
}

/** `pseudonymousSubjectId` bound to the bank's pseudonym secret, for injection. */
export class PseudonymousIds {
  constructor(private readonly secret: Buffer) {}

  /** The pseudonymous id of `subjectId` as recipient `recipientId` will see it. */
  forRecipient(recipientId: string, subjectId: string): string {
    return pseudonymousSubjectId(this.secret, recipientId, subjectId);
  }
}
