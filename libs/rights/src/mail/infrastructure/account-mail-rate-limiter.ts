import { Inject, Injectable } from '@nestjs/common';
import { RateLimitedError } from '@infobank/auth';
import { APP_CONFIG, DomainError, REDIS, type AppConfig, type RedisClient } from '@infobank/platform';
import { createHash } from 'node:crypto';

const HOUR_MS = 60 * 60 * 1000;
/** A client address may ask for this many times the per-address mails (a household or office shares one address). */
const CLIENT_FACTOR = 4;

// Count the attempt on both keys (each window starts with its first attempt); return the longest wait of a key over its limit, else 0.
const COUNT_ATTEMPT = `
local wait = 0
for index, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[3]) end
  if count > tonumber(ARGV[index]) then wait = math.max(wait, redis.call('PTTL', key)) end
end
return wait`;

/**
 * Throttles verification and password-reset mails (ACCOUNT_MAILS_PER_HOUR per e-mail address, four
 * times that per client address), in Redis so every instance shares the count. Every request counts,
 * whether or not the address has an account, so the limit reveals nothing; keys hold digests, never
 * an address. Without Redis the request is refused with 503 rather than left unthrottled.
 */
@Injectable()
export class AccountMailRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts a request for `purpose` mail to `normalisedEmail` from `clientAddress`, or throws RATE_LIMITED with the wait. */
  async admit(purpose: 'verification' | 'reset', normalisedEmail: string, clientAddress: string): Promise<void> {
    const perAddress = this.config.mail.accountMailsPerHour;
    let waitMs: number;
    try {
      waitMs = (await this.redis.eval(
        COUNT_ATTEMPT,
        2,
        // The purpose is the keys' Cluster hash tag: the script counts on both at once.
        `account-mails:{${purpose}}:email:${digest(normalisedEmail)}`,
        `account-mails:{${purpose}}:client:${digest(clientAddress)}`,
        perAddress,
        perAddress * CLIENT_FACTOR,
        HOUR_MS,
      )) as number;
    } catch (error) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'Mail cannot be requested for a moment; try again shortly.', { cause: error });
    }
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new RateLimitedError(seconds, `Too many mails were asked for; try again in ${seconds} seconds.`);
    }
  }
}

function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}
