import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@infobank/platform';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { ReplayCacheUnavailableError } from '../../auth.errors';

/**
 * Remembers the `jti` of every client assertion and DPoP proof the bank accepted, in Redis (shared by
 * every instance of every app), for as long as the token could otherwise be accepted again.
 */
@Injectable()
export class ReplayCache {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Records `jti` within `scope` for `ttlSeconds`; true on first use, false when it was seen before.
   * Fails closed (503) when Redis is unreachable: a possible replay is never let through.
   */
  async firstUse(scope: string, jti: string, ttlSeconds: number): Promise<boolean> {
    // The jti is the caller's text: hashed, it cannot shape or bloat the key.
    const key = `auth:jti:${scope}:${createHash('sha256').update(jti, 'utf8').digest('base64url')}`;
    try {
      return (await this.redis.set(key, '1', 'PX', Math.ceil(ttlSeconds * 1000), 'NX')) === 'OK';
    } catch (error) {
      throw new ReplayCacheUnavailableError({ cause: error });
    }
  }
}
