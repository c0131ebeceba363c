/** The observation times a transfer asks for: `from` inclusive, `to` exclusive; null leaves that side open. */
export interface ObservationRange {
  from: Date | null;
  to: Date | null;
}

/** The most individuals one provision read or count may name (the transfer builder works in chunks of this size). */
export const MAX_PROVISION_INDIVIDUALS = 1_000;

/**
 * Only the bank's side reads records for a provision (the worker building a package, the operator).
 * Anything else reaching these use cases is a wiring mistake.
 */
export const PROVISION_READERS_ONLY = { detail: "Records are read for a provision by the bank's worker or operator only." };

/** Refuses a provision read naming more individuals than one read may. */
export function assertProvisionReadSize(individualIds: readonly string[]): void {
  if (individualIds.length > MAX_PROVISION_INDIVIDUALS) {
    throw new Error(`A provision read names at most ${MAX_PROVISION_INDIVIDUALS} individuals; got ${individualIds.length}.`);
  }
}
