// How far behind the primary a streaming replica is, from positions in the write-ahead log (WAL).
// PostgreSQL prints a WAL position (pg_lsn) as two hexadecimal halves, e.g. `16/B374D848`.

/** A WAL position as a number that orders like PostgreSQL's pg_lsn. */
export function walPosition(lsn: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (match === null) throw new RangeError(`not a WAL position: ${JSON.stringify(lsn)}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** True when a replica that has replayed up to `replayed` has also replayed everything up to `position`. */
export function hasReplayed(replayed: string, position: string): boolean {
  return walPosition(replayed) >= walPosition(position);
}

/** The primary's WAL position at one moment, as the lag monitor samples it. */
export interface PrimarySample {
  lsn: string;
  at: number;
}

/**
 * The most the replica can be behind the primary, in milliseconds, at `now`: everything the primary had
 * written at the latest sample the replica has replayed past is on the replica, so what it misses was
 * written after that sample. Null when no sample is replayed yet (an unknown lag counts as too much).
 * Samples are oldest first; `latest` is the primary's position sampled together with `replayed`.
 */
export function replicaStalenessMs(samples: readonly PrimarySample[], replayed: string, now: number): number | null {
  for (let index = samples.length - 1; index >= 0; index -= 1) {
    if (hasReplayed(replayed, samples[index].lsn)) return Math.max(0, now - samples[index].at);
  }
  return null;
}

/** Drops the samples no staleness answer can need: those older than the newest one the replica has replayed past. */
export function pruneSamples(samples: readonly PrimarySample[], replayed: string): PrimarySample[] {
  for (let index = samples.length - 1; index >= 0; index -= 1) {
    if (hasReplayed(replayed, samples[index].lsn)) return samples.slice(index);
  }
  return [...samples];
}

/** A WAL position as 16 hexadecimal digits, so that comparing the texts compares the positions (for Redis, which has no pg_lsn). */
export function sortableWalPosition(lsn: string): string {
  return walPosition(lsn).toString(16).toUpperCase().padStart(16, '0');
}
