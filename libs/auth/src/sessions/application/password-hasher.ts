import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from '../domain/password-hash';

/**
 * Hashes and checks passwords with scrypt off the event loop. Also holds a dummy hash, checked
 * when an e-mail names no account, so that a wrong e-mail costs as much time as a wrong password.
 */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  /** A new self-describing hash of `password`. */
  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  /** Checks `password` against a stored hash, or against the dummy hash when there is none. */
  async verify(password: string, stored: string | undefined): Promise<boolean> {
    if (stored !== undefined) return verifyPassword(password, stored);
    this.dummy ??= hashPassword(randomBytes(18).toString('base64url'));
    await verifyPassword(password, await this.dummy);
    return false;
  }

  /** True when a stored hash uses outdated parameters and should be replaced after a successful check. */
  needsRehash(stored: string): boolean {
    return needsRehash(stored);
  }
}
