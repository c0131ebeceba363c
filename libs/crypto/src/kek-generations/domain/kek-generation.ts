/**
 * Key-encryption key generations: the KEK that wraps individuals' data keys is replaced on a schedule,
 * every live data key is re-wrapped under the newest one, and an old generation is destroyed once no
 * live data key needs it and every backup that might still need it has aged out. A backup taken before
 * an account was closed holds that individual's data key wrapped under a generation that is destroyed
 * later, so the backup becomes unreadable for them without anyone touching the backup.
 */

/** `active`: the newest generation, wraps new data keys; `retired`: replaced, still unwraps; `destroyed`: its key is erased. */
export type KekGenerationState = 'active' | 'retired' | 'destroyed';

/** One KEK generation as the database records it (its key material lives only in a file). */
export interface KekGeneration {
  generation: number;
  state: KekGenerationState;
  createdAt: Date;
  /** When a newer generation replaced it. */
  retiredAt: Date | null;
  /**
   * When the last live data key wrapped under it was re-wrapped to a newer generation: the newest
   * database backup that can need this generation was taken no later than this.
   */
  drainedAt: Date | null;
  destroyedAt: Date | null;
}

/** How often generations rotate and how long database backups are kept. */
export interface KekGenerationPolicy {
  rotationDays: number;
  backupRetentionDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** True when a new generation is due: there is none yet, or the newest is `rotationDays` old. */
export function rotationDue(newest: KekGeneration | null, now: Date, policy: KekGenerationPolicy): boolean {
  if (newest === null) return true;
  return now.getTime() - newest.createdAt.getTime() >= policy.rotationDays * DAY_MS;
}

/** When the newest generation is due to be replaced (null: now, there is none). */
export function nextRotationAt(newest: KekGeneration | null, policy: KekGenerationPolicy): Date | null {
  return newest === null ? null : new Date(newest.createdAt.getTime() + policy.rotationDays * DAY_MS);
}

/** The earliest moment a generation may be destroyed: its drain plus the backup retention window. */
export function destroyableFrom(generation: KekGeneration, policy: KekGenerationPolicy): Date | null {
  if (generation.state !== 'retired' || generation.drainedAt === null) return null;
  return new Date(generation.drainedAt.getTime() + policy.backupRetentionDays * DAY_MS);
}

/** Whether a generation may be destroyed now, and if not, why (plain words for the operator). */
export type DestructionVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * A generation may be destroyed only when nothing live is wrapped under it (so no live data is lost)
 * AND every database backup that may hold a data key wrapped under it is older than the backup
 * retention window (so a backup that may still be restored is still readable).
 */
export function mayDestroy(generation: KekGeneration, liveDataKeys: number, now: Date, policy: KekGenerationPolicy): DestructionVerdict {
  const name = `Generation ${generation.generation}`;
  if (generation.state === 'destroyed') return { allowed: false, reason: `${name} is already destroyed.` };
  if (generation.state === 'active') {
    return { allowed: false, reason: `${name} is the newest generation and wraps new data keys; rotate first.` };
  }
  if (liveDataKeys > 0) {
    return { allowed: false, reason: `${name} still wraps ${liveDataKeys} live data key(s); let the re-wrap finish.` };
  }
  const from = destroyableFrom(generation, policy);
  if (from === null) return { allowed: false, reason: `${name} has not been drained by a re-wrap yet.` };
  if (now.getTime() < from.getTime()) {
    return {
      allowed: false,
      reason: `${name} may still be needed by backups kept for ${policy.backupRetentionDays} day(s); it may be destroyed from ${from.toISOString()}.`,
    };
  }
  return { allowed: true };
}
