// Two-connection lock tests: one connection holds a lock inside its transaction, the other's statement must wait for
// it (PostgreSQL's pg_blocking_pids tells a statement parked behind a lock from a merely slow one).
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Connections of their own for each test of the enclosing `describe`, by name: connected before each test and,
 * after it, rolled back (when a transaction is still open) and released. The test starts the transactions itself,
 * in the order its story needs (or runs a statement outside one). Read them as `connections.<name>` inside a test.
 */
export function connectionsForEachTest<Name extends string>(
  dataSource: () => DataSource,
  ...names: Name[]
): Readonly<Record<Name, QueryRunner>> {
  const connections = {} as Record<Name, QueryRunner>;
  beforeEach(async () => {
    for (const name of names) {
      connections[name] = dataSource().createQueryRunner();
      await connections[name].connect();
    }
  });
  afterEach(async () => {
    for (const name of names) {
      const runner = connections[name];
      if (runner === undefined) continue;
      delete connections[name];
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
  return connections;
}

/** The PostgreSQL backend (server process id) of a connection: what pg_blocking_pids and pg_locks name. */
export async function backendPid(runner: QueryRunner): Promise<number> {
  return ((await runner.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[])[0].pid;
}

/** The backends holding up `pid`'s statement (empty when it is not waiting for a lock), asked on `observer`'s connection. */
export async function blockersOf(observer: DataSource | QueryRunner, pid: number): Promise<number[]> {
  return ((await observer.query(`SELECT pg_blocking_pids($1) AS pids`, [pid])) as { pids: number[] }[])[0].pids;
}
