import { Inject, Injectable } from '@nestjs/common';
import { DomainError, REDIS } from '@infobank/platform';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { SessionRealm } from '../domain/session-tokens';
import { LOGIN_RATE_LIMITS, SESSION_REALM, type LoginRateLimits } from '../application/session-settings';
import { LoginRateLimitedError } from '../sessions.errors';

/** A sign-in attempt that has been counted and may now check the password. */
export interface LoginAttempt {
  readonly keys: readonly [account: string, address: string];
}

// Atomically: refuse when either counter has used up its failures; otherwise count this attempt on
// both (each window starts with its first count). Returns {allowed, account ms left, address ms left}.
const BEGIN_ATTEMPT = `
local account = tonumber(redis.call('GET', KEYS[1]) or '0')
local address = tonumber(redis.call('GET', KEYS[2]) or '0')
if account >= tonumber(ARGV[1]) or address >= tonumber(ARGV[3]) then
  local accountWait = 0
  local addressWait = 0
  if account >= tonumber(ARGV[1]) then accountWait = redis.call('PTTL', KEYS[1]) end
  if address >= tonumber(ARGV[3]) then addressWait = redis.call('PTTL', KEYS[2]) end
  return {0, accountWait, addressWait}
end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
return {1, 0, 0}`;

// A successful attempt was not a failure: take its count back (never below zero, keeping the window).
const FORGIVE_ATTEMPT = `
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 1`;

/**
 * Throttles sign-in (and step-up) by failures per account and per client address, with counters in
 * Redis so that every instance of the app shares them. An attempt is counted before the password is
 * checked (so parallel guesses cannot overrun the limit) and forgiven when it succeeds. When Redis is
 * unreachable, sign-in is refused with 503 rather than left unthrottled.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGIN_RATE_LIMITS) private readonly limits: LoginRateLimits,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  /** Counts an attempt for `normalisedEmail` from `clientAddress`, or throws RATE_LIMITED with the wait. */
  async begin(normalisedEmail: string, clientAddress: string): Promise<LoginAttempt> {
    const keys = [this.key('account', normalisedEmail), this.key('address', clientAddress)] as const;
    const { perAccount, perAddress } = this.limits;
    const [allowed, accountWaitMs, addressWaitMs] = (await this.run(() =>
      this.redis.eval(BEGIN_ATTEMPT, 2, ...keys, perAccount.maxFailures, perAccount.windowMs, perAddress.maxFailures, perAddress.windowMs),
    )) as [number, number, number];
    if (allowed !== 1) throw new LoginRateLimitedError(Math.max(1, Math.ceil(Math.max(accountWaitMs, addressWaitMs) / 1000)));
    return { keys };
  }

  /** The attempt succeeded: it does not count as a failure. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.run(() => this.redis.eval(FORGIVE_ATTEMPT, 2, ...attempt.keys));
  }

  // Keys name the realm and a digest, never an e-mail address in clear.
  private key(scope: 'account' | 'address', value: string): string {
    const digest = createHash('sha256').update(value, 'utf8').digest('base64url');
    return `login-failures:${this.realm.accountKind}:${scope}:${digest}`;
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'Sign-in is unavailable for a moment; try again shortly.', { cause: error });
    }
  }
}
