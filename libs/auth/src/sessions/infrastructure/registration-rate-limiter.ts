import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, REDIS, type AppConfig, type RedisClient } from '@infobank/platform';
import { createHash } from 'node:crypto';
import { SESSION_REALM } from '../application/session-settings';
import type { SessionRealm } from '../domain/session-tokens';
import { RegistrationRateLimitedError } from '../sessions.errors';

const HOUR_MS = 60 * 60 * 1000;

// Count this attempt in the address's hourly window (which starts with its first attempt); return the
// ms left in the window when the count is over the limit, else 0.
const COUNT_ATTEMPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if count > tonumber(ARGV[1]) then return redis.call('PTTL', KEYS[1]) end
return 0`;

/**
 * Throttles account registration per client address (REGISTRATIONS_PER_HOUR), in Redis so that every
 * instance shares the count. Every attempt counts, since each costs a scrypt hash. Without Redis,
 * registration is refused with 503 rather than left unthrottled.
 */
@Injectable()
export class RegistrationRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  /** Counts a registration attempt from `clientAddress`, or throws RATE_LIMITED with the wait. */
  async admit(clientAddress: string): Promise<void> {
    const digest = createHash('sha256').update(clientAddress, 'utf8').digest('base64url');
    let waitMs: number;
    try {
      const key = `registrations:${this.realm.accountKinds[0]}:address:${digest}`;
      waitMs = (await this.redis.eval(COUNT_ATTEMPT, 1, key, this.config.hardening.registrationsPerAddressPerHour, HOUR_MS)) as number;
    } catch (error) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'Registration is unavailable for a moment; try again shortly.', { cause: error });
    }
    if (waitMs !== 0) throw new RegistrationRateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));
  }
}
