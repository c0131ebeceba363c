import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { KekGeneration } from '../domain/kek-generation';

/** The progress of the re-wrap into the newest generation, as stored on its row. */
export interface RewrapProgress {
  rewrappedKeys: number;
  cursor: string | null;
  completedAt: Date | null;
}

/** One data key the re-wrap moves: the individual and the key as stored now. */
export interface DataKeyToRewrap {
  subjectId: string;
  kekId: string;
  kekGeneration: number | null;
  wrappedKey: Buffer;
}

interface GenerationRow {
  generation: number;
  state: KekGeneration['state'];
  created_at: Date;
  retired_at: Date | null;
  drained_at: Date | null;
  destroyed_at: Date | null;
}

const COLUMNS = `"generation", "state", "created_at", "retired_at", "drained_at", "destroyed_at"`;
// Serialises rotations: two workers (or a worker and the CLI) never make two generations at once.
const ROTATION_LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('kek-generations:rotation', 0))`;

/**
 * SQL over `kek_generations` and the generation column of `data_keys`; every call runs in the context's
 * transaction when it has one.
 */
@Injectable()
export class KekGenerationStore {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  async all(ctx: RequestContext): Promise<KekGeneration[]> {
    const rows: GenerationRow[] = await this.manager(ctx).query(`SELECT ${COLUMNS} FROM "kek_generations" ORDER BY "generation"`);
    return rows.map(toGeneration);
  }

  /**
   * The newest generation (the active one), or null before the first rotation. `lock` serialises re-wrap
   * batches without blocking new data keys wrapped under it (FOR NO KEY UPDATE lets their foreign key in).
   */
  async newest(ctx: RequestContext, lock = false): Promise<KekGeneration | null> {
    const rows: GenerationRow[] = await this.manager(ctx).query(
      `SELECT ${COLUMNS} FROM "kek_generations" WHERE "state" = 'active'${lock ? ' FOR NO KEY UPDATE' : ''}`,
    );
    return rows.length === 0 ? null : toGeneration(rows[0]);
  }

  /** The newest generation's number, null before the first rotation (what the KMS wraps under). */
  async newestGenerationNumber(): Promise<number | null> {
    const rows: { generation: number }[] = await this.dataSource.manager.query(
      `SELECT "generation" FROM "kek_generations" WHERE "state" = 'active'`,
    );
    return rows.length === 0 ? null : rows[0].generation;
  }

  /** One generation, row-locked against concurrent destruction and new data keys wrapped under it. */
  async lockGeneration(ctx: RequestContext, generation: number): Promise<KekGeneration | null> {
    const rows: GenerationRow[] = await this.manager(ctx).query(
      `SELECT ${COLUMNS} FROM "kek_generations" WHERE "generation" = $1 FOR UPDATE`,
      [generation],
    );
    return rows.length === 0 ? null : toGeneration(rows[0]);
  }

  async exists(ctx: RequestContext, generation: number): Promise<boolean> {
    const rows: unknown[] = await this.manager(ctx).query(`SELECT 1 FROM "kek_generations" WHERE "generation" = $1`, [generation]);
    return rows.length > 0;
  }

  async lockForRotation(ctx: RequestContext): Promise<void> {
    await this.manager(ctx).query(ROTATION_LOCK);
  }

  async highestGeneration(ctx: RequestContext): Promise<number> {
    const [row]: { highest: number }[] = await this.manager(ctx).query(
      `SELECT coalesce(max("generation"), 0)::int AS "highest" FROM "kek_generations"`,
    );
    return row.highest;
  }

  /** Retires the active generation (if any) and records `generation` as the new active one. */
  async activate(ctx: RequestContext, generation: number, now: Date): Promise<void> {
    await this.manager(ctx).query(`UPDATE "kek_generations" SET "state" = 'retired', "retired_at" = $1 WHERE "state" = 'active'`, [now]);
    await this.manager(ctx).query(`INSERT INTO "kek_generations" ("generation", "state", "created_at") VALUES ($1, 'active', $2)`, [
      generation,
      now,
    ]);
  }

  /** Live data keys per generation; the key `null` counts those under a legacy KEK from config. */
  async liveDataKeys(ctx: RequestContext): Promise<Map<number | null, number>> {
    const rows: { kek_generation: number | null; keys: number }[] = await this.manager(ctx).query(
      `SELECT "kek_generation", count(*)::int AS "keys" FROM "data_keys" GROUP BY "kek_generation"`,
    );
    return new Map(rows.map((row) => [row.kek_generation, row.keys]));
  }

  async liveDataKeysUnder(ctx: RequestContext, generation: number): Promise<number> {
    const [row]: { keys: number }[] = await this.manager(ctx).query(
      `SELECT count(*)::int AS "keys" FROM "data_keys" WHERE "kek_generation" = $1`,
      [generation],
    );
    return row.keys;
  }

  /** Live data keys not yet under the newest generation (older generations and legacy KEKs). */
  async dataKeysBehind(ctx: RequestContext, newest: number): Promise<number> {
    const [row]: { keys: number }[] = await this.manager(ctx).query(
      `SELECT count(*)::int AS "keys" FROM "data_keys" WHERE "kek_generation" IS NULL OR "kek_generation" < $1`,
      [newest],
    );
    return row.keys;
  }

  async progress(ctx: RequestContext, generation: number, lock = false): Promise<RewrapProgress> {
    const [row]: { rewrapped_keys: number; rewrap_cursor: string | null; rewrap_completed_at: Date | null }[] = await this.manager(
      ctx,
    ).query(
      `SELECT "rewrapped_keys", "rewrap_cursor", "rewrap_completed_at" FROM "kek_generations" WHERE "generation" = $1${lock ? ' FOR UPDATE' : ''}`,
      [generation],
    );
    return { rewrappedKeys: row.rewrapped_keys, cursor: row.rewrap_cursor, completedAt: row.rewrap_completed_at };
  }

  /** The next data keys after `cursor` (individual order) not under the newest generation, row-locked. */
  async nextBehind(ctx: RequestContext, newest: number, cursor: string | null, limit: number): Promise<DataKeyToRewrap[]> {
    const rows: { subject_id: string; kek_id: string; kek_generation: number | null; wrapped_key: Buffer }[] = await this.manager(
      ctx,
    ).query(
      `SELECT "subject_id", "kek_id", "kek_generation", "wrapped_key" FROM "data_keys"
       WHERE ("kek_generation" IS NULL OR "kek_generation" < $1) AND ($2::uuid IS NULL OR "subject_id" > $2::uuid)
       ORDER BY "subject_id" LIMIT $3 FOR UPDATE`,
      [newest, cursor, limit],
    );
    return rows.map((row) => ({
      subjectId: row.subject_id,
      kekId: row.kek_id,
      kekGeneration: row.kek_generation,
      wrappedKey: row.wrapped_key,
    }));
  }

  /** Stores re-wrapped keys (same data keys, new wrapping) and marks their old generations as not drained. */
  async storeRewrapped(
    ctx: RequestContext,
    newest: number,
    rewrapped: readonly { subjectId: string; kekId: string; wrappedKey: Buffer }[],
    oldGenerations: readonly number[],
  ): Promise<void> {
    await this.manager(ctx).query(
      `UPDATE "data_keys" AS "key" SET "kek_id" = "new"."kek_id", "kek_generation" = $1, "wrapped_key" = "new"."wrapped_key"
       FROM unnest($2::uuid[], $3::text[], $4::bytea[]) AS "new" ("subject_id", "kek_id", "wrapped_key")
       WHERE "key"."subject_id" = "new"."subject_id"`,
      [newest, rewrapped.map((key) => key.subjectId), rewrapped.map((key) => key.kekId), rewrapped.map((key) => key.wrappedKey)],
    );
    // A generation that loses a live key now was needed by backups taken until now: its clock restarts.
    if (oldGenerations.length > 0) {
      await this.manager(ctx).query(`UPDATE "kek_generations" SET "drained_at" = NULL WHERE "generation" = ANY($1::int[])`, [
        oldGenerations,
      ]);
    }
  }

  async saveProgress(ctx: RequestContext, generation: number, progress: RewrapProgress): Promise<void> {
    await this.manager(ctx).query(
      `UPDATE "kek_generations" SET "rewrapped_keys" = $2, "rewrap_cursor" = $3, "rewrap_completed_at" = $4 WHERE "generation" = $1`,
      [generation, progress.rewrappedKeys, progress.cursor, progress.completedAt],
    );
  }

  /** Records, for every retired generation without live data keys, the moment it was found drained. */
  async markDrained(ctx: RequestContext, now: Date): Promise<void> {
    await this.manager(ctx).query(
      `UPDATE "kek_generations" AS "generation" SET "drained_at" = $1
       WHERE "state" = 'retired' AND "drained_at" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "data_keys" WHERE "kek_generation" = "generation"."generation")`,
      [now],
    );
  }

  async markDestroyed(ctx: RequestContext, generation: number, now: Date): Promise<void> {
    await this.manager(ctx).query(`UPDATE "kek_generations" SET "state" = 'destroyed', "destroyed_at" = $2 WHERE "generation" = $1`, [
      generation,
      now,
    ]);
  }
}

function toGeneration(row: GenerationRow): KekGeneration {
  return {
    generation: row.generation,
    state: row.state,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
    drainedAt: row.drained_at,
    destroyedAt: row.destroyed_at,
  };
}
