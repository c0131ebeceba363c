import { createHmac, randomBytes } from 'node:crypto';
import { PseudonymousIds, pseudonymousSubjectId } from './pseudonymous-id';

describe('pseudonymousSubjectId', () => {
  const secret = randomBytes(32);
  const subject = '5f0c6c1e-4a57-4d7e-9b0e-0b3c1e0f6a11';

  it('is stable for the same recipient and subject', () => {
    expect(pseudonymousSubjectId(secret, 'recipient-a', subject)).toBe(pseudonymousSubjectId(secret, 'recipient-a', subject));
    expect(new PseudonymousIds(secret).forRecipient('recipient-a', subject)).toBe(pseudonymousSubjectId(secret, 'recipient-a', subject));
  });

  it('is base64url of HMAC-SHA-256 over recipient NUL subject', () => {
    const expected = createHmac('sha256', secret).update(`recipient-a\u0000${subject}`).digest('base64url');
    expect(pseudonymousSubjectId(secret, 'recipient-a', subject)).toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differs per recipient, so recipients cannot join their data', () => {
    expect(pseudonymousSubjectId(secret, 'recipient-a', subject)).not.toBe(pseudonymousSubjectId(secret, 'recipient-b', subject));
  });

  it('differs per subject and per secret, and does not reveal the subject id', () => {
    const id = pseudonymousSubjectId(secret, 'recipient-a', subject);
    expect(id).not.toBe(pseudonymousSubjectId(secret, 'recipient-a', '8d1f6e2a-1111-4c3b-8a5e-2f9e7d6c5b4a'));
    expect(id).not.toBe(pseudonymousSubjectId(randomBytes(32), 'recipient-a', subject));
    expect(id).not.toContain(subject);
  });

  it('separates the parts: ("ab","c") and ("a","bc") differ', () => {
    expect(pseudonymousSubjectId(secret, 'ab', 'c')).not.toBe(pseudonymousSubjectId(secret, 'a', 'bc'));
  });

  it('refuses a recipient id containing the separator', () => {
    expect(() => pseudonymousSubjectId(secret, 'a\u0000b', 'c')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
