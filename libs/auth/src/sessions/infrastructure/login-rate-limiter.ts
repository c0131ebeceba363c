import { Inject, Injectable } from '@nestjs/common';
import { DomainError, REDIS, type RedisClient } from '@infobank/platform';
import { createHash } from 'node:crypto';
import type { SessionRealm } from '../domain/session-tokens';
import { LOGIN_RATE_LIMITS, SESSION_REALM, type LoginRateLimits } from '../application/session-settings';
import { LoginRateLimitedError } from '../sessions.errors';

/** A sign-in attempt that has been counted and may now check the password. */
export interface LoginAttempt {
  readonly keys: readonly [account: string, address: string];
}

// Atomically, on Redis' clock: refuse while either key is inside its delay (returning the ms left for
// each); otherwise count this attempt on both and stamp its time. A key holds f (failures counted) and
// at (ms of the last counted attempt); the delay after f failures is base·2^(f−free), at most max.
const BEGIN_ATTEMPT = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local function wait(key, free, base, max)
  local failures = tonumber(redis.call('HGET', key, 'f') or '0')
  if failures < free then return 0 end
  local last = tonumber(redis.call('HGET', key, 'at') or '0')
  local left = last + math.min(base * 2 ^ (failures - free), max) - now
  if left > 0 then return math.ceil(left) end
  return 0
end
local accountWait = wait(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]))
local addressWait = wait(KEYS[2], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]))
if accountWait > 0 or addressWait > 0 then return {0, accountWait, addressWait} end
for _, key in ipairs(KEYS) do
  redis.call('HINCRBY', key, 'f', 1)
  redis.call('HSET', key, 'at', now)
  redis.call('PEXPIRE', key, ARGV[7])
end
return {1, 0, 0}`;

// A failed attempt: its delay runs from now, when the caller hears of the failure, not from when it began.
const STAMP_FAILURE = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then redis.call('HSET', key, 'at', now) end
end
return 1`;

// A successful attempt was not a failure: the account starts afresh, and the address takes its count
// back (only that: knowing one password must not wipe an address's failures on other accounts).
const FORGIVE_ATTEMPT = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('HGET', KEYS[2], 'f') or '0') > 0 then redis.call('HINCRBY', KEYS[2], 'f', -1) end
return 1`;

/**
 * Throttles sign-in (and step-up) by progressive delay per account and per client address, with
 * counters in Redis so that every instance of the app shares them. An attempt is counted before the
 * password is checked (so parallel guesses cannot overrun the delay) and forgiven when it succeeds; an
 * attempt refused inside a delay is not counted, so retrying early never lengthens the wait, and no
 * delay exceeds its maximum, so neither a member nor everyone behind one address can be locked out.
 * When Redis is unreachable, sign-in is refused with 503 rather than left unthrottled.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(LOGIN_RATE_LIMITS) private readonly limits: LoginRateLimits,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  /** Counts an attempt for `normalisedEmail` from `clientAddress`, or throws RATE_LIMITED with the wait left. */
  async begin(normalisedEmail: string, clientAddress: string): Promise<LoginAttempt> {
    const keys = [this.key('account', normalisedEmail), this.key('address', clientAddress)] as const;
    const { perAccount: account, perAddress: address, forgetAfterMs } = this.limits;
    const [allowed, accountWaitMs, addressWaitMs] = (await this.run(() =>
      this.redis.eval(
        BEGIN_ATTEMPT,
        2,
        ...keys,
        account.freeFailures,
        account.baseDelayMs,
        account.maxDelayMs,
        address.freeFailures,
        address.baseDelayMs,
        address.maxDelayMs,
        forgetAfterMs,
      ),
    )) as [number, number, number];
    if (allowed !== 1) throw new LoginRateLimitedError(Math.max(1, Math.ceil(Math.max(accountWaitMs, addressWaitMs) / 1000)));
    return { keys };
  }

  /** The attempt failed: the delay before the next one runs from now. */
  async failed(attempt: LoginAttempt): Promise<void> {
    await this.run(() => this.redis.eval(STAMP_FAILURE, 2, ...attempt.keys));
  }

  /** The attempt succeeded: the account's failures are forgotten and the address's count takes it back. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.run(() => this.redis.eval(FORGIVE_ATTEMPT, 2, ...attempt.keys));
  }

  // Keys name the realm and a digest, never an e-mail address in clear. The realm is their Cluster hash
  // tag: the scripts touch an account's and an address's key at once, which must share a slot.
  private key(scope: 'account' | 'address', value: string): string {
    const digest = createHash('sha256').update(value, 'utf8').digest('base64url');
    return `login-delays:{${this.realm.accountKinds[0]}}:${scope}:${digest}`;
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'Sign-in is unavailable for a moment; try again shortly.', { cause: error });
    }
  }
}
