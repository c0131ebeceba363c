import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import type { BenchEnvironment } from '../bench-environment';
import { WARM_UP_OPERATIONS } from '../bench-jobs';
import { progress, ScenarioMeasurement, summarise, timeConcurrent, timeSequential } from '../measure';

const INSERTS = 2_000;
const CLIENTS = 8;

// Shaped like an outbox row (uuid key, jsonb payload, defaulted timestamp) so the comparison is fair.
const CREATE_SCRATCH = `CREATE TABLE "bench_scratch" ("id" uuid PRIMARY KEY, "payload" jsonb NOT NULL, "created_at" timestamptz NOT NULL DEFAULT now())`;
const INSERT_SCRATCH = `INSERT INTO "bench_scratch" ("id", "payload") VALUES ($1, $2)`;

/** Baseline: single-row INSERTs in autocommit over node-postgres, one client, then 8 from a pool. */
export async function rawPostgresInsert(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const insert = (query: (text: string, values: unknown[]) => Promise<unknown>) => () =>
    query(INSERT_SCRATCH, [randomUUID(), JSON.stringify({ thingId: randomUUID() })]);

  const client = new Client(environment.postgres);
  await client.connect();
  let sequential: ScenarioMeasurement;
  try {
    await client.query(CREATE_SCRATCH);
    const one = insert((text, values) => client.query(text, values));
    await timeSequential(WARM_UP_OPERATIONS, one);
    progress(`raw_postgres_insert: ${INSERTS} sequential inserts`);
    sequential = summarise(
      { name: 'raw_postgres_insert', description: 'one INSERT in autocommit, one client, sequential', operations: INSERTS, baseline: null },
      await timeSequential(INSERTS, one),
    );
  } finally {
    await client.end();
  }

  const pool = new Pool({ ...environment.postgres, max: CLIENTS });
  try {
    const pooled = insert((text, values) => pool.query(text, values));
    // Opens all the pool's connections before the clock starts.
    await timeConcurrent(WARM_UP_OPERATIONS * CLIENTS, CLIENTS, pooled);
    progress(`raw_postgres_insert_${CLIENTS}_clients: ${INSERTS} inserts`);
    const concurrent = summarise(
      {
        name: `raw_postgres_insert_${CLIENTS}_clients`,
        description: `one INSERT in autocommit, ${CLIENTS} concurrent clients of a pg.Pool; compared to the single client`,
        operations: INSERTS,
        baseline: 'raw_postgres_insert',
      },
      await timeConcurrent(INSERTS, CLIENTS, pooled),
    );
    const expected = WARM_UP_OPERATIONS * (1 + CLIENTS) + 2 * INSERTS;
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM "bench_scratch"');
    if (rows[0].n !== expected) throw new Error(`raw_postgres_insert: expected ${expected} rows, found ${rows[0].n}`);
    return [sequential, concurrent];
  } finally {
    await pool.end();
  }
}
