import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@infobank/platform';
import { randomBytes } from 'node:crypto';
import { CURRENT_SCRYPT_PARAMETERS, hashPassword, needsRehash, verifyPassword, type ScryptParameters } from '../domain/password-hash';
import { ScryptGate } from './scrypt-gate';

/**
 * Hashes and checks passwords with scrypt off the event loop, at the cost SCRYPT_LOG_N sets, at most
 * SCRYPT_MAX_CONCURRENCY at once (see ScryptGate: sign-in keeps a slot of its own). Also holds a dummy
 * hash, checked when an e-mail names no account, so that a wrong e-mail costs as much as a wrong password.
 */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | undefined;
  private readonly parameters: ScryptParameters;
  private readonly gate: ScryptGate;

  constructor(@Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    this.parameters = { ...CURRENT_SCRYPT_PARAMETERS, logN: config?.hardening.scryptLogN ?? CURRENT_SCRYPT_PARAMETERS.logN };
    this.gate = new ScryptGate(config?.hardening.scryptMaxConcurrency ?? 2);
  }

  /** A new self-describing hash of a new password (registration, a new board member). */
  hash(password: string): Promise<string> {
    return this.gate.run('new-password', () => hashPassword(password, this.parameters));
  }

  /** A new hash of a password that just signed in with outdated parameters (in sign-in's lane). */
  rehash(password: string): Promise<string> {
    return this.gate.run('sign-in', () => hashPassword(password, this.parameters));
  }

  /** Checks `password` against a stored hash, or against the dummy hash when there is none. */
  async verify(password: string, stored: string | undefined): Promise<boolean> {
    if (stored !== undefined) return this.gate.run('sign-in', () => verifyPassword(password, stored));
    this.dummy ??= this.rehash(randomBytes(18).toString('base64url'));
    const dummy = await this.dummy;
    await this.gate.run('sign-in', () => verifyPassword(password, dummy));
    return false;
  }

  /** True when a stored hash uses other parameters than the current ones and should be replaced after a successful check. */
  needsRehash(stored: string): boolean {
    return needsRehash(stored, this.parameters);
  }
}
