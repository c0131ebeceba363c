import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, REDIS, type RedisClient } from '@infobank/platform';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ReplayCacheUnavailableError } from '../../auth.errors';

/** The key whose value is the start of the current replay epoch (seconds; 0 = no loss known). */
// Every key of the cache shares one Cluster hash tag, so the marker lives on the node that holds the ids:
// a node lost with its data takes the marker with it, and the loss is noticed.
const EPOCH_KEY = 'auth:{jti}:epoch';

/** What recording a `jti` found. */
export interface JtiUse {
  /** True when the `jti` was not recorded before in the current epoch. */
  firstUse: boolean;
  /**
   * When the current epoch began: the moment a data loss of Redis was first noticed (every id spent
   * before it may be forgotten), or 0 when none is known.
   */
  epochStart: number;
}

/**
 * Remembers the `jti` of every client assertion and DPoP proof the bank accepted, in Redis (shared by
 * every instance of every app), for as long as the token could otherwise be accepted again.
 *
 * A marker key (never expiring) tells whether Redis still holds what was written. Postgres records
 * that the marker was written once (one row), so a missing marker is told apart for sure: no row,
 * a first start (epoch 0, nothing to refuse); a row, a data loss of Redis (restart without persistence,
 * flush, failover to an empty replica), and the first instance to notice starts a new epoch at its
 * clock. Callers refuse tokens that could have been accepted before the epoch began. Nothing is
 * written to Postgres per request: only when the marker is missing.
 */
@Injectable()
export class ReplayCache implements OnApplicationBootstrap {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Reads (or first writes) the marker at start, before any token arrives. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.epochStart(Math.floor(Date.now() / 1000));
    } catch {
      // Redis is not reachable yet: the first token request reads the marker (and fails closed meanwhile).
    }
  }

  /**
   * Records `jti` within `scope` for `ttlSeconds` and reads the epoch it was recorded in. Fails closed
   * (503) when Redis is unreachable: a possible replay is never let through.
   */
  async record(scope: string, jti: string, ttlSeconds: number, now: number): Promise<JtiUse> {
    // The jti is the caller's text: hashed, it cannot shape or bloat the key.
    const key = `auth:{jti}:${scope}:${createHash('sha256').update(jti, 'utf8').digest('base64url')}`;
    try {
      const firstUse = (await this.redis.set(key, '1', 'PX', Math.ceil(ttlSeconds * 1000), 'NX')) === 'OK';
      // Read after the write: a marker present now was present when the id was written (a loss takes both).
      return { firstUse, epochStart: await this.epochStart(now) };
    } catch (error) {
      throw new ReplayCacheUnavailableError({ cause: error });
    }
  }

  private async epochStart(now: number): Promise<number> {
    let marker = await this.redis.get(EPOCH_KEY);
    if (marker === null) {
      const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM "replay_cache_markers" WHERE "id" = 1`);
      const lost = rows.length > 0;
      // Several instances may notice at once: the first write wins and all read it back.
      await this.redis.set(EPOCH_KEY, String(lost ? now : 0), 'NX');
      if (lost) {
        this.logger.warn({ epochStart: now }, 'the jti replay cache lost its data; tokens that may predate it are refused');
      } else {
        await this.dataSource.query(`INSERT INTO "replay_cache_markers" ("id") VALUES (1) ON CONFLICT ("id") DO NOTHING`);
      }
      marker = await this.redis.get(EPOCH_KEY);
    }
    if (marker === null) return now;
    const epochStart = Number(marker);
    // An unreadable marker is treated as a loss noticed now: refusing is the safe side.
    return Number.isSafeInteger(epochStart) && epochStart >= 0 ? epochStart : now;
  }
}
