import type { OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { withTransaction, type RequestContext } from '../../context/application/request-context';
import { isDependencyOutage } from '../../http/http/dependency-outage';
import { pruneSamples, replicaStalenessMs, sortableWalPosition, type PrimarySample } from '../domain/replica-staleness';
import type { ReadYourWrites } from './read-your-writes';

/** How often the primary's WAL position and the replica's replay position are sampled while reads use the replica. */
const PROBE_EVERY_MS = 500;
/** Samples kept while the replica replays none of them (a stalled replica): 5 minutes' worth. */
const MAX_SAMPLES = 600;

/** What the latest probe saw: how far the replica had replayed and the most it could be behind then. */
interface ReplicaState {
  replayed: string;
  stalenessMs: number | null;
  probedAt: number;
}

/** The replica's settings: how to connect (the runtime role, read-only sessions), the lag bound, the individuals' marks. */
export interface ReplicaSettings {
  options: DataSourceOptions;
  maxLagMs: number;
  writes: ReadYourWrites;
  logger: Logger;
}

/**
 * Where history, audit and transparency reads run (DATABASE_READ_HOST): on the streaming replica when it is
 * fresh enough for the one asking, else on the primary. Fresh enough means the replica lags the primary by at
 * most DATABASE_READ_MAX_LAG_MS and, for an individual, has replayed their latest write (ReadYourWrites).
 * A replica that is down, unknown or too far behind sends every read to the primary; a read that fails on it
 * is run again on the primary. Only reads come here: the replica's sessions are read-only, and a context that
 * is already in a transaction stays on the primary.
 */
export class ReplicaReads implements OnApplicationShutdown {
  private replica: DataSource | null = null;
  private connecting: Promise<DataSource> | null = null;
  private samples: PrimarySample[] = [];
  private state: ReplicaState | null = null;
  private timer: NodeJS.Timeout | null = null;
  private probing: Promise<void> | null = null;
  private reportedDown = false;

  /** `settings` null: a process without a replica (or a test of one use case), where every read runs on the primary. */
  constructor(
    private readonly primary: DataSource,
    private readonly settings: ReplicaSettings | null,
  ) {}

  /**
   * Runs the read `work` with a context whose statements go to the replica when it is fresh enough for
   * `ctx`'s actor, else with `ctx` itself (the primary). `work` must only read: it may run twice.
   */
  async run<T>(ctx: RequestContext, work: (readCtx: RequestContext) => Promise<T>): Promise<T> {
    if (this.settings === null || ctx.transaction !== undefined) return work(ctx);
    const replica = await this.replicaFor(ctx);
    if (replica === null) return work(ctx);
    try {
      return await work(withTransaction(ctx, replica.manager));
    } catch (error) {
      if (!isReplicaFailure(error)) throw error;
      this.markDown(error);
      return work(ctx);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.probing;
    const replica = this.replica;
    this.replica = null;
    if (replica?.isInitialized) await replica.destroy();
  }

  /** The replica if it is fresh enough for `ctx`'s actor right now, else null (read from the primary). */
  private async replicaFor(ctx: RequestContext): Promise<DataSource | null> {
    const settings = this.settings as ReplicaSettings;
    if (this.timer === null) await this.startProbing();
    const state = this.state;
    const replica = this.replica;
    if (state === null || replica === null || state.stalenessMs === null) return null;
    // The lag grows with the probe's age: a replica that stops answering probes soon counts as too far behind.
    if (state.stalenessMs + (Date.now() - state.probedAt) > settings.maxLagMs) return null;
    if (ctx.actor.type !== 'individual') return replica;
    let lastWrite: string | null;
    try {
      lastWrite = await settings.writes.lastWrite(ctx.actor.id);
    } catch {
      return null; // Redis cannot say whether they just wrote: the primary is always right.
    }
    if (lastWrite === null || sortableWalPosition(state.replayed) >= lastWrite) return replica;
    // The last probe is behind their write; the replica may have replayed it since.
    try {
      const [row]: { replayed: string | null }[] = await replica.query('SELECT pg_last_wal_replay_lsn()::text AS "replayed"');
      return row.replayed !== null && sortableWalPosition(row.replayed) >= lastWrite ? replica : null;
    } catch (error) {
      if (!isReplicaFailure(error)) throw error;
      this.markDown(error);
      return null;
    }
  }

  private async startProbing(): Promise<void> {
    this.timer = setInterval(() => void this.probe(), PROBE_EVERY_MS);
    this.timer.unref();
    await this.probe();
  }

  private probe(): Promise<void> {
    this.probing ??= this.sample().finally(() => (this.probing = null));
    return this.probing;
  }

  /** Samples the primary's WAL position, then how far the replica has replayed, and derives the replica's staleness. */
  private async sample(): Promise<void> {
    try {
      const [primary]: { lsn: string }[] = await this.primary.query('SELECT pg_current_wal_lsn()::text AS "lsn"');
      const at = Date.now();
      const replica = await this.connectedReplica();
      const [row]: { recovering: boolean; replayed: string | null }[] = await replica.query(
        'SELECT pg_is_in_recovery() AS "recovering", pg_last_wal_replay_lsn()::text AS "replayed"',
      );
      // Not (or no longer) a standby, e.g. promoted after a failover: its data may have parted from the primary's.
      if (!row.recovering || row.replayed === null) throw new Error('DATABASE_READ_HOST is not a streaming replica in recovery');
      this.samples = pruneSamples([...this.samples, { lsn: primary.lsn, at }], row.replayed).slice(-MAX_SAMPLES);
      this.state = { replayed: row.replayed, stalenessMs: replicaStalenessMs(this.samples, row.replayed, at), probedAt: at };
      if (this.reportedDown) (this.settings as ReplicaSettings).logger.info('read replica answering again; history reads may use it');
      this.reportedDown = false;
    } catch (error) {
      this.markDown(error);
    }
  }

  /** The replica's pool, connected on first use and again after a failed connection. */
  private async connectedReplica(): Promise<DataSource> {
    if (this.replica !== null) return this.replica;
    this.connecting ??= new DataSource((this.settings as ReplicaSettings).options).initialize().finally(() => (this.connecting = null));
    this.replica = await this.connecting;
    return this.replica;
  }

  private markDown(error: unknown): void {
    this.state = null;
    this.samples = [];
    if (!this.reportedDown) {
      (this.settings as ReplicaSettings).logger.warn(
        { err: { message: (error as Error).message } },
        'read replica unusable; history reads go to the primary',
      );
    }
    this.reportedDown = true;
  }
}

/**
 * A read the primary can answer instead: the replica is away, or cancelled the statement because replaying
 * the primary's changes conflicted with it (SQLSTATE 40001 on a standby).
 */
function isReplicaFailure(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown }; code?: unknown }).driverError?.code ?? (error as { code?: unknown }).code;
  return isDependencyOutage(error) || code === '40001';
}
