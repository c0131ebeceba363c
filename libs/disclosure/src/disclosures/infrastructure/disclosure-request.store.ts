import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource, type EntityManager, type FindOptionsSelect } from 'typeorm';
import type { DisclosureStatus } from '../domain/disclosure';
import { DisclosureDownloadTokenEntity, DisclosureRequestEntity } from './disclosure-request.entity';

/** A request's row without its bundle bytes (what listings and status reads need). */
export type DisclosureRequestRow = Omit<DisclosureRequestEntity, 'bundle' | 'individual'>;

/** What the board's timeliness view reads: counts and times, never who asked. */
export interface DisclosureTimelinessSummary {
  total: number;
  byStatus: Record<DisclosureStatus, number>;
  overdue: number;
  openOverdue: number;
  medianHoursToReady: number | null;
  maxHoursToReady: number | null;
  oldestOpenRequestedAt: string | null;
}

const WITHOUT_BUNDLE: FindOptionsSelect<DisclosureRequestEntity> = {
  id: true,
  individualId: true,
  sections: true,
  format: true,
  status: true,
  requestedAt: true,
  dueAt: true,
  buildingAt: true,
  readyAt: true,
  expiresAt: true,
  expiredAt: true,
  bundleBytes: true,
  bundleSha256: true,
  manifestJws: true,
};

/** The only writer and reader of disclosure requests and their download tokens. */
@Injectable()
export class DisclosureRequestStore {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  async insert(tx: TransactionalContext, row: DisclosureRequestRow): Promise<void> {
    await tx.transaction.insert(DisclosureRequestEntity, { ...row, bundle: null });
  }

  /** The individual's requests, newest first. */
  async listOf(ctx: RequestContext, individualId: string, limit: number): Promise<DisclosureRequestRow[]> {
    return this.manager(ctx).find(DisclosureRequestEntity, {
      select: WITHOUT_BUNDLE,
      where: { individualId },
      order: { requestedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** One request of the individual (another's finds nothing). */
  async findOwn(ctx: RequestContext, individualId: string, id: string): Promise<DisclosureRequestRow | null> {
    return this.manager(ctx).findOne(DisclosureRequestEntity, { select: WITHOUT_BUNDLE, where: { id, individualId } });
  }

  /** A request of the individual still in progress, locked (serialises two requests of one person). */
  async inProgressOf(tx: TransactionalContext, individualId: string): Promise<DisclosureRequestRow | null> {
    await tx.transaction.query(`SELECT 1 FROM "accounts" WHERE "id" = $1 FOR UPDATE`, [individualId]);
    const rows: { id: string }[] = await tx.transaction.query(
      `SELECT "id" FROM "disclosure_requests" WHERE "individual_id" = $1 AND "status" IN ('requested', 'building') LIMIT 1`,
      [individualId],
    );
    return rows.length === 0 ? null : this.findOwn(tx, individualId, rows[0].id);
  }

  /** The request, locked for the worker's build step. */
  async lock(tx: TransactionalContext, id: string): Promise<DisclosureRequestRow | null> {
    return tx.transaction.findOne(DisclosureRequestEntity, { select: WITHOUT_BUNDLE, where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markBuilding(tx: TransactionalContext, id: string, at: Date): Promise<void> {
    await tx.transaction.update(DisclosureRequestEntity, { id }, { status: 'building', buildingAt: at });
  }

  async markReady(
    tx: TransactionalContext,
    id: string,
    ready: { bundle: Buffer; bundleBytes: number; bundleSha256: string; manifestJws: string; readyAt: Date; expiresAt: Date },
  ): Promise<void> {
    await tx.transaction.update(DisclosureRequestEntity, { id }, { status: 'ready', ...ready });
  }

  /** The encrypted bundle of a ready request. */
  async bundleOf(tx: TransactionalContext, id: string): Promise<Buffer | null> {
    const row = await tx.transaction.findOne(DisclosureRequestEntity, {
      select: { id: true, bundle: true },
      where: { id, status: 'ready' },
    });
    return row?.bundle ?? null;
  }

  /** Deletes the bundles of ready requests whose retention ended, at most `limit`; returns how many expired. */
  async expireDue(tx: TransactionalContext, now: Date, limit: number): Promise<number> {
    const rows: unknown[] = await tx.transaction.query(
      `UPDATE "disclosure_requests" SET "status" = 'expired', "bundle" = NULL, "expired_at" = $1
        WHERE "id" IN (SELECT "id" FROM "disclosure_requests" WHERE "status" = 'ready' AND "expires_at" <= $1
                        ORDER BY "expires_at" LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING "id"`,
      [now, limit],
    );
    const [updated] = rows as [unknown[], number];
    return Array.isArray(updated) ? updated.length : 0;
  }

  /** Counts and times over every request, for the board (no individual ids leave this method). */
  async timeliness(ctx: RequestContext, now: Date): Promise<DisclosureTimelinessSummary> {
    const [row]: Record<string, number | string | Date | null>[] = await this.manager(ctx).query(
      `SELECT count(*)::int AS "total",
              count(*) FILTER (WHERE "status" = 'requested')::int AS "requested",
              count(*) FILTER (WHERE "status" = 'building')::int AS "building",
              count(*) FILTER (WHERE "status" = 'ready')::int AS "ready",
              count(*) FILTER (WHERE "status" = 'expired')::int AS "expired",
              count(*) FILTER (WHERE ("ready_at" IS NULL AND "due_at" < $1) OR "ready_at" > "due_at")::int AS "overdue",
              count(*) FILTER (WHERE "ready_at" IS NULL AND "due_at" < $1)::int AS "open_overdue",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "ready_at" - "requested_at"))
                FILTER (WHERE "ready_at" IS NOT NULL) AS "median_seconds",
              max(extract(epoch FROM "ready_at" - "requested_at")) AS "max_seconds",
              min("requested_at") FILTER (WHERE "ready_at" IS NULL) AS "oldest_open"
         FROM "disclosure_requests"`,
      [now],
    );
    const hours = (seconds: unknown) => (seconds === null ? null : Math.round((Number(seconds) / 3600) * 100) / 100);
    return {
      total: row.total as number,
      byStatus: {
        requested: row.requested as number,
        building: row.building as number,
        ready: row.ready as number,
        expired: row.expired as number,
      },
      overdue: row.overdue as number,
      openOverdue: row.open_overdue as number,
      medianHoursToReady: hours(row.median_seconds),
      maxHoursToReady: hours(row.max_seconds),
      oldestOpenRequestedAt: row.oldest_open === null ? null : new Date(row.oldest_open).toISOString(),
    };
  }

  async insertToken(tx: TransactionalContext, token: Omit<DisclosureDownloadTokenEntity, 'disclosure' | 'usedAt'>): Promise<void> {
    await tx.transaction.insert(DisclosureDownloadTokenEntity, { ...token, usedAt: null });
  }

  /**
   * Uses a token once: marks it used if it is unused and unexpired, and returns its request id; null
   * otherwise (unknown, used or expired read the same).
   */
  async useToken(tx: TransactionalContext, tokenHash: Buffer, now: Date): Promise<string | null> {
    const rows: { disclosure_id: string }[] = await tx.transaction.query(
      `UPDATE "disclosure_download_tokens" SET "used_at" = $2
        WHERE "token_hash" = $1 AND "used_at" IS NULL AND "expires_at" > $2
        RETURNING "disclosure_id"`,
      [tokenHash, now],
    );
    const updated = (rows as unknown as [{ disclosure_id: string }[], number])[0];
    return Array.isArray(updated) && updated.length > 0 ? updated[0].disclosure_id : null;
  }
}
