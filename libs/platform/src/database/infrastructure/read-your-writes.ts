import type { RedisClient } from '../../queue/infrastructure/redis-connection';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { sortableWalPosition } from '../domain/replica-staleness';

/**
 * Keeps the larger of the stored and the given WAL position, and renews the expiry either way, so that two
 * requests of one individual committing in one order and recording in the other never lower the mark.
 */
const KEEP_LATEST_POSITION = `
local current = redis.call('GET', KEYS[1])
if (not current) or current < ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1`;

/**
 * Read-your-writes for individuals across every app process: after a transaction of an individual commits,
 * the primary's WAL position is kept in Redis (the individual's id and a position, nothing else) for a little
 * longer than the replica may lag, and a replica read for that individual waits until the replica has replayed
 * past it (ReplicaReads). Without a replica this does nothing.
 */
export class ReadYourWrites {
  /** `marks` null: a process without a replica, which remembers nothing. */
  constructor(private readonly marks: ReadYourWritesMarks | null) {}

  /** Records that `individualId` has just committed a write (call after the commit, never inside the transaction). */
  async remember(individualId: string): Promise<void> {
    if (this.marks === null) return;
    const { primary, redis, keepMs, logger } = this.marks;
    try {
      // After the commit: the commit record is at or before the primary's current WAL position.
      const [row]: { lsn: string }[] = await primary.query('SELECT pg_current_wal_lsn()::text AS "lsn"');
      await redis.eval(KEEP_LATEST_POSITION, 1, markKey(individualId), sortableWalPosition(row.lsn), String(keepMs));
    } catch (error) {
      // The write is committed, so this is reported, not thrown. Redis away is the likely cause, and then
      // the individual's next reads cannot read a mark either (lastWrite throws) and go to the primary.
      logger.warn({ err: { message: (error as Error).message } }, 'could not record a write position for read-your-writes');
    }
  }

  /**
   * The WAL position (16 hexadecimal digits) of the individual's latest recent write, or null when there is
   * none within the keep time. Throws when Redis cannot answer: the caller then reads from the primary.
   */
  async lastWrite(individualId: string): Promise<string | null> {
    if (this.marks === null) return null;
    return this.marks.redis.get(markKey(individualId));
  }
}

/** Where the marks are kept and for how long. */
export interface ReadYourWritesMarks {
  primary: DataSource;
  redis: RedisClient;
  logger: Logger;
  /** How long a mark is kept: after that the lag bound alone keeps replica reads fresh enough. */
  keepMs: number;
}

function markKey(individualId: string): string {
  return `read-your-writes:${individualId}`;
}
