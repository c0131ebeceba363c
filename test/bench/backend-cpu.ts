import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ; 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) each PostgreSQL backend of this run's database has used so far, by pid. */
export async function backendCpuSeconds(pool: Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(`SELECT "pid" FROM pg_stat_activity WHERE "datname" = current_database()`);
  const used = new Map<number, number>();
  for (const { pid } of rows) {
    // A backend on another machine, or one that just ended, is not counted.
    const seconds = processCpuSeconds(pid);
    if (seconds !== null) used.set(pid, seconds);
  }
  return used;
}

/** CPU seconds (user + system) one local process has used so far, from /proc (Linux); null where it cannot be read. */
export function processCpuSeconds(pid: number): number | null {
  try {
    // The command name may hold spaces and parentheses: fields are counted after its closing one.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU seconds the run's backends used between two readings (a backend started in between counts from zero). */
export function backendCpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let seconds = 0;
  for (const [pid, total] of after) seconds += total - (before.get(pid) ?? 0);
  return Math.round(seconds * 100) / 100;
}
