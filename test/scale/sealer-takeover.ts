// The sealer's failover, as an operator would check it: find the worker process holding the
// transparency log's sealer lock (pg_locks → backend pid → its client port → the process owning that
// socket), kill it with SIGKILL, and time how long until another worker seals leaves appended after the kill.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { Client } from 'pg';
import { sleep } from '../chaos/services';
import type { ManagedProcess } from '../chaos/supervisor';
import type { Check } from '../chaos/invariants';

/** The sealer's advisory lock key (SEALER_LOCK_KEY in libs/transparency-log's store): an int8 key, split by pg_locks. */
const SEALER_LOCK_KEY = 7_300_611_002n;
const HOLDER_SQL = `
  SELECT a."client_port" AS "clientPort"
    FROM "pg_locks" l JOIN "pg_stat_activity" a ON a."pid" = l."pid"
   WHERE l."locktype" = 'advisory' AND l."granted" AND l."objsubid" = 1
     AND l."classid" = ${SEALER_LOCK_KEY >> 32n} AND l."objid" = ${SEALER_LOCK_KEY & 0xffffffffn}`;

/** The worker whose database connection holds the sealer lock now, or null. */
async function sealingWorker(db: Client, workers: readonly ManagedProcess[]): Promise<ManagedProcess | null> {
  const { rows } = await db.query<{ clientPort: number | null }>(HOLDER_SQL);
  const port = rows[0]?.clientPort;
  if (port === undefined || port === null) return null;
  const inode = socketInode(port);
  if (inode === null) return null;
  return workers.find((worker) => worker.pid !== undefined && ownsSocket(worker.pid, inode)) ?? null;
}

/** The inode of the loopback TCP socket whose local port is `port` (/proc/net/tcp, Linux). */
function socketInode(port: number): string | null {
  const wanted = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length > 9 && fields[1].endsWith(wanted)) return fields[9];
    }
  }
  return null;
}

function ownsSocket(pid: number, inode: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * Hunts the lock holder for up to `huntMs` (the lock is held only while a seal runs), kills it, and waits
 * up to `boundMs` for a checkpoint covering a leaf appended after the kill. Leaves must keep arriving
 * meanwhile (the workload runs beside it).
 */
export async function killTheSealer(
  db: Client,
  workers: readonly ManagedProcess[],
  options: { huntMs: number; boundMs: number },
): Promise<Check> {
  const violations: string[] = [];
  const huntStarted = Date.now();
  let victim: ManagedProcess | null = null;
  while (victim === null && Date.now() - huntStarted < options.huntMs) {
    victim = await sealingWorker(db, workers);
    if (victim === null) await sleep(2);
  }
  if (victim === null) {
    return { ok: false, violations: [`no worker was seen holding the sealer lock within ${options.huntMs} ms`] };
  }
  const pid = victim.pid;
  await victim.kill();
  const { rows } = await db.query<{ killedAt: Date; treeSize: string | null }>(
    `SELECT clock_timestamp() AS "killedAt", (SELECT max("tree_size") FROM "transparency_log_checkpoints") AS "treeSize"`,
  );
  const { killedAt } = rows[0];
  const killed = Date.now();
  let takeoverMs: number | null = null;
  while (Date.now() - killed < options.boundMs) {
    const sealed = await db.query<{ leaves: string }>(
      `SELECT count(*) AS "leaves" FROM "transparency_log_leaves" WHERE "appended_at" > $1 AND "leaf_index" IS NOT NULL`,
      [killedAt],
    );
    if (Number(sealed.rows[0].leaves) > 0) {
      takeoverMs = Date.now() - killed;
      break;
    }
    await sleep(50);
  }
  if (takeoverMs === null) violations.push(`no leaf appended after the kill was sealed within ${options.boundMs} ms`);
  const survivors = workers.filter((worker) => worker !== victim).map((worker) => worker.name);
  return {
    ok: violations.length === 0,
    killed: { worker: victim.name, pid, foundAfterMs: killed - huntStarted },
    treeSizeAtKill: Number(rows[0].treeSize ?? 0),
    takeoverMs,
    boundMs: options.boundMs,
    survivors,
    violations,
  };
}
